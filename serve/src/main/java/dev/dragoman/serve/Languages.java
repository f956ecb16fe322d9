package dev.dragoman.serve;

import dev.dragoman.core.Language;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The languages this server offers, and the lookup of a client's code among them. Immutable. */
final class Languages {

    private final List<Language> offered;
    /** The offered tags in lower case: a client's {@code en} or {@code EN} found without parsing a tag per request. */
    private final Map<String, Optional<Language>> exact = new HashMap<>();

    Languages(List<Language> offered) {
        this.offered = List.copyOf(offered);
        for (Language l : this.offered) {
            exact.putIfAbsent(l.tag().toLowerCase(Locale.ROOT), Optional.of(l));
        }
    }

    List<Language> all() {
        return offered;
    }

    /**
     * The offered language {@code code} names: exactly ({@code pt-BR}), else by its primary subtag ({@code EN-GB}
     * for an offered {@code en} is English with the region kept), else empty.
     */
    Optional<Language> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Optional<Language> same = exact.get(code.strip().toLowerCase(Locale.ROOT));
        if (same != null) {
            return same;
        }
        Language asked;
        try {
            asked = Language.of(code.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Language l : offered) {
            if (l.equals(asked)) {
                return Optional.of(l);
            }
        }
        for (Language l : offered) {
            if (l.sameLanguageAs(asked)) {
                return Optional.of(asked);
            }
        }
        return Optional.empty();
    }
}

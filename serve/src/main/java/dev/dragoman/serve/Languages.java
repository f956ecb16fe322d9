package dev.dragoman.serve;

import dev.dragoman.core.Language;
import java.util.List;
import java.util.Optional;

/** The languages this server offers, and the lookup of a client's code among them. Immutable. */
final class Languages {

    private final List<Language> offered;

    Languages(List<Language> offered) {
        this.offered = List.copyOf(offered);
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

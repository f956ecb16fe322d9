package dev.dragoman.core.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dragoman.core.Language;
import dev.dragoman.core.usage.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A summary: its text, the sentences (or bullets) it is made of, its language, the backend and model that wrote it,
 * what it cost, when it was made, whether it came from the cache, and warnings (e.g. a number that does not occur
 * in the source). A summary with warnings is a degraded result and every output shows them. {@code anchors} are the
 * relative day words of the text ("اليوم", "yesterday") with the dates they mean, when the article's date is known
 * (empty otherwise; never guessed). Immutable.
 */
public record Summary(
        String text,
        List<String> sentences,
        Language language,
        String backend,
        String model,
        Usage usage,
        Instant created,
        boolean fromCache,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TimeAnchor> anchors) {

    public Summary {
        Objects.requireNonNull(text, "text");
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        Objects.requireNonNull(backend, "backend");
        usage = usage == null ? Usage.NONE : usage;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
    }

    /** A summary without time anchors. */
    public Summary(
            String text,
            List<String> sentences,
            Language language,
            String backend,
            String model,
            Usage usage,
            Instant created,
            boolean fromCache,
            List<String> warnings) {
        this(text, sentences, language, backend, model, usage, created, fromCache, warnings, List.of());
    }

    public Summary withWarnings(List<String> newWarnings) {
        return new Summary(text, sentences, language, backend, model, usage, created, fromCache, newWarnings, anchors);
    }

    /** A copy that cost {@code newUsage} (e.g. a first answer a guard rejected plus the one that replaced it). */
    public Summary withUsage(Usage newUsage) {
        return new Summary(text, sentences, language, backend, model, newUsage, created, fromCache, warnings, anchors);
    }

    public Summary withFromCache(boolean cached) {
        return new Summary(text, sentences, language, backend, model, usage, created, cached, warnings, anchors);
    }

    /** A copy carrying {@code newAnchors}. */
    public Summary withAnchors(List<TimeAnchor> newAnchors) {
        return new Summary(text, sentences, language, backend, model, usage, created, fromCache, warnings, newAnchors);
    }
}

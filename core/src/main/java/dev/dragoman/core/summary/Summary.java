package dev.dragoman.core.summary;

import dev.dragoman.core.Language;
import dev.dragoman.core.usage.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A summary: its text, the sentences (or bullets) it is made of, its language, the backend and model that wrote it,
 * what it cost, when it was made, whether it came from the cache, and warnings (e.g. a number that does not occur
 * in the source). A summary with warnings is a degraded result and every output shows them. Immutable.
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
        List<String> warnings) {

    public Summary {
        Objects.requireNonNull(text, "text");
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        Objects.requireNonNull(backend, "backend");
        usage = usage == null ? Usage.NONE : usage;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public Summary withWarnings(List<String> newWarnings) {
        return new Summary(text, sentences, language, backend, model, usage, created, fromCache, newWarnings);
    }

    public Summary withFromCache(boolean cached) {
        return new Summary(text, sentences, language, backend, model, usage, created, cached, warnings);
    }
}

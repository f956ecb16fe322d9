package dev.dragoman.core.translation;

import dev.dragoman.core.Language;
import dev.dragoman.core.usage.Usage;
import java.util.List;
import java.util.Objects;

/**
 * The result of a {@link TranslationRequest}: one segment per request segment in order, the detected source
 * language (null if the backend did not say), which backend and model produced it, and what it cost. Immutable.
 */
public record TranslationResult(
        List<TranslatedSegment> segments, Language detectedSource, String backend, String model, Usage usage) {

    public TranslationResult {
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
        Objects.requireNonNull(backend, "backend");
        usage = usage == null ? Usage.NONE : usage;
    }

    /** The translated texts in order. */
    public List<String> texts() {
        return segments.stream().map(TranslatedSegment::text).toList();
    }
}

package dev.dragoman.core.translation;

import dev.dragoman.core.Language;
import dev.dragoman.core.usage.Usage;
import java.util.List;
import java.util.Objects;

/**
 * The result of a {@link TranslationRequest}: one segment per request segment in order, the detected source
 * language (null if the backend did not say), which backend and model produced it, and what it cost. Immutable.
 *
 * @param fallback null when the backend asked for answered; otherwise why another one did (a fallback chain's next
 *     backend after the one before it used up its quota), in words an output can show: a result from a fallback is
 *     a degraded result and says so. Never part of a cache entry: it is set above the cache
 */
public record TranslationResult(
        List<TranslatedSegment> segments,
        Language detectedSource,
        String backend,
        String model,
        Usage usage,
        String fallback) {

    public TranslationResult {
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
        Objects.requireNonNull(backend, "backend");
        usage = usage == null ? Usage.NONE : usage;
        fallback = fallback == null || fallback.isBlank() ? null : fallback;
    }

    /** A result from the backend asked for (no fallback). */
    public TranslationResult(
            List<TranslatedSegment> segments, Language detectedSource, String backend, String model, Usage usage) {
        this(segments, detectedSource, backend, model, usage, null);
    }

    /** This result marked as a fallback's, with why ({@link #fallback()}). */
    public TranslationResult withFallback(String why) {
        return new TranslationResult(segments, detectedSource, backend, model, usage, why);
    }

    /** The translated texts in order. */
    public List<String> texts() {
        return segments.stream().map(TranslatedSegment::text).toList();
    }
}

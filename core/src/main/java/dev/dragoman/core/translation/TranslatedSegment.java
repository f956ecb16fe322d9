package dev.dragoman.core.translation;

import java.util.List;
import java.util.Objects;

/**
 * One translated segment: the text, whether it came from the cache, and warnings (e.g. "returned unchanged",
 * "glossary term 'SANA' missing"). A segment with warnings is a degraded result and outputs say so. Immutable.
 */
public record TranslatedSegment(String text, boolean fromCache, List<String> warnings) {

    public TranslatedSegment {
        Objects.requireNonNull(text, "text");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public static TranslatedSegment of(String text) {
        return new TranslatedSegment(text, false, List.of());
    }

    public TranslatedSegment withFromCache(boolean cached) {
        return new TranslatedSegment(text, cached, warnings);
    }

    public TranslatedSegment withWarning(String warning) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new TranslatedSegment(text, fromCache, all);
    }
}

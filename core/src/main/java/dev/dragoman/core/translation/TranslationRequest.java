package dev.dragoman.core.translation;

import dev.dragoman.core.Language;
import java.util.List;
import java.util.Objects;

/**
 * What to translate: the segments in order, the source language ({@code null} = detect), the target language and
 * the options that change the output. Immutable.
 */
public record TranslationRequest(List<String> segments, Language source, Language target, TranslationOptions options) {

    public TranslationRequest {
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
        Objects.requireNonNull(target, "target");
        options = options == null ? TranslationOptions.DEFAULT : options;
    }

    public static TranslationRequest of(List<String> segments, Language source, Language target) {
        return new TranslationRequest(segments, source, target, TranslationOptions.DEFAULT);
    }

    /** The same request for a sub-list of the segments (used to split batches). */
    public TranslationRequest withSegments(List<String> subset) {
        return new TranslationRequest(subset, source, target, options);
    }

    /** The same request with other options. */
    public TranslationRequest withOptions(TranslationOptions newOptions) {
        return new TranslationRequest(segments, source, target, newOptions);
    }

    /** Total characters over all segments. */
    public long characters() {
        long n = 0;
        for (String s : segments) {
            n += s.length();
        }
        return n;
    }
}

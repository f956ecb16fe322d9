package dev.dragoman.translate;

import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches translations that are not translations: a segment returned identical to its source, an answer still
 * mostly in the source script when the target is written in another one, or an absurd length ratio (a dropped half,
 * a hallucinated essay). The suspect segments are sent again once, alone; if they are still suspect they are
 * flagged with a warning on the segment (and so in the article's provenance and the output) — or, in strict mode,
 * the call fails with {@link Kind#QUALITY}. Never a silent passthrough.
 *
 * <p>Thread-safe if the inner backend is.
 */
public final class CompletenessGuard implements TranslationBackend {

    private static final Logger LOG = LoggerFactory.getLogger(CompletenessGuard.class);

    /** Below this many letters the length ratio says nothing. */
    static final int RATIO_MIN_LETTERS = 20;

    private final TranslationBackend inner;
    private final boolean strict;

    public CompletenessGuard(TranslationBackend inner, boolean strict) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.strict = strict;
    }

    @Override
    public BackendProfile profile() {
        return inner.profile();
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        TranslationResult first = inner.translate(request);
        List<TranslatedSegment> segments = new ArrayList<>(first.segments());
        List<Integer> suspects = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (problem(request.segments().get(i), segments.get(i).text(), request.source(), request.target())
                    .isPresent()) {
                suspects.add(i);
            }
        }
        if (suspects.isEmpty()) {
            return first;
        }
        LOG.warn(
                "{}: {} of {} segment(s) look untranslated; asking once more",
                inner.profile().id(),
                suspects.size(),
                segments.size());
        List<String> again =
                suspects.stream().map(i -> request.segments().get(i)).toList();
        TranslationResult second = inner.translate(request.withSegments(again));
        for (int k = 0; k < suspects.size(); k++) {
            int i = suspects.get(k);
            TranslatedSegment retried = second.segments().get(k);
            Optional<String> still =
                    problem(request.segments().get(i), retried.text(), request.source(), request.target());
            if (still.isPresent()) {
                if (strict) {
                    throw new DragomanException(
                            Kind.QUALITY,
                            inner.profile().id() + " did not translate segment "
                                    + (i + 1) + " (" + still.get() + ", twice): "
                                    + excerpt(request.segments().get(i))
                                    + " — run without --strict to keep it flagged, or use another backend");
                }
                retried = retried.withWarning(still.get());
            }
            segments.set(i, retried);
        }
        return new TranslationResult(
                segments,
                first.detectedSource() != null ? first.detectedSource() : second.detectedSource(),
                first.backend(),
                first.model(),
                first.usage().plus(second.usage()));
    }

    /** Why {@code output} does not look like a translation of {@code source}, if it does not. */
    static Optional<String> problem(String source, String output, Language from, Language to) {
        // the segment's own script first: an Arabic article's "AFP" or "CNN" is Latin and may stay as it is
        UnicodeScript sourceScript = Scripts.dominant(source);
        if (sourceScript == null) {
            sourceScript = Scripts.of(from);
        }
        UnicodeScript targetScript = Scripts.of(to);
        boolean scriptsDiffer = sourceScript != null && targetScript != null && sourceScript != targetScript;
        long letters = Scripts.letters(source);
        if (letters == 0) {
            return Optional.empty();
        }
        if (collapse(source).equals(collapse(output))) {
            int words = collapse(source).split(" ").length;
            if (scriptsDiffer || words >= 4) {
                return Optional.of("returned unchanged (identical to the source)");
            }
            return Optional.empty();
        }
        if (scriptsDiffer && Scripts.letters(output) > 0 && Scripts.share(output, sourceScript) > 0.5) {
            return Optional.of("still mostly in the source script ("
                    + sourceScript.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        if (letters >= RATIO_MIN_LETTERS) {
            double ratio = (double) output.strip().length() / source.strip().length();
            boolean wide = Scripts.isLogographic(sourceScript) || Scripts.isLogographic(targetScript);
            double low = wide ? 0.1 : 0.2;
            double high = wide ? 10 : 5;
            if (ratio < low || ratio > high) {
                return Optional.of(String.format(
                        java.util.Locale.ROOT,
                        "length ratio %.2f is implausible (expected %.1f–%.0f)",
                        ratio,
                        low,
                        high));
            }
        }
        return Optional.empty();
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static String excerpt(String s) {
        String c = collapse(s);
        return c.length() <= 60 ? "'" + c + "'" : "'" + c.substring(0, 60) + "…'";
    }

    @Override
    public String toString() {
        return "CompletenessGuard[" + (strict ? "strict" : "flag") + "](" + inner + ")";
    }
}

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
 * <p>The same guard, with another {@link Check}, is the glossary check ({@link #glossary}): a glossary term left
 * wrong is asked again, then flagged or failed exactly like an untranslated segment.
 *
 * <p>Thread-safe if the inner backend is.
 */
public final class CompletenessGuard implements TranslationBackend {

    private static final Logger LOG = LoggerFactory.getLogger(CompletenessGuard.class);

    /** Below this many letters the length ratio says nothing. */
    static final int RATIO_MIN_LETTERS = 20;

    /** What a guard looks for in one translated segment. */
    @FunctionalInterface
    interface Check {
        /**
         * The problems of segment {@code index} of {@code request} translated as {@code output}; empty when none.
         *
         * @param detected the source language the backend detected, or null
         */
        List<String> problems(TranslationRequest request, int index, String output, Language detected);
    }

    private static final Check UNTRANSLATED = (request, i, output, detected) -> problem(
                    request.segments().get(i), output, request.source(), request.target())
            .map(List::of)
            .orElse(List.of());

    private final TranslationBackend inner;
    private final boolean strict;
    private final String name;
    private final String suspect;
    private final String failing;
    private final Check check;

    public CompletenessGuard(TranslationBackend inner, boolean strict) {
        this(inner, strict, "CompletenessGuard", "look untranslated", "did not translate", UNTRANSLATED);
    }

    private CompletenessGuard(
            TranslationBackend inner, boolean strict, String name, String suspect, String failing, Check check) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.strict = strict;
        this.name = name;
        this.suspect = suspect;
        this.failing = failing;
        this.check = check;
    }

    /**
     * The glossary check ({@link GlossaryCheck}) as a guard: a segment holding a glossary term whose translation
     * lacks the required target term is asked again once, then flagged (or, {@code strict}, fails the call).
     */
    public static CompletenessGuard glossary(TranslationBackend inner, boolean strict) {
        return new CompletenessGuard(
                inner,
                strict,
                "GlossaryCheck",
                "miss a glossary term",
                "left a glossary term wrong in",
                GlossaryCheck::problems);
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
            if (!check.problems(request, i, segments.get(i).text(), first.detectedSource())
                    .isEmpty()) {
                suspects.add(i);
            }
        }
        if (suspects.isEmpty()) {
            return first;
        }
        LOG.warn(
                "{}: {} of {} segment(s) {}; asking once more",
                inner.profile().id(),
                suspects.size(),
                segments.size(),
                suspect);
        List<String> again =
                suspects.stream().map(i -> request.segments().get(i)).toList();
        TranslationResult second = inner.translate(request.withSegments(again));
        Language detected = first.detectedSource() != null ? first.detectedSource() : second.detectedSource();
        for (int k = 0; k < suspects.size(); k++) {
            int i = suspects.get(k);
            TranslatedSegment retried = second.segments().get(k);
            List<String> still = check.problems(request, i, retried.text(), detected);
            if (!still.isEmpty()) {
                if (strict) {
                    throw new DragomanException(
                            Kind.QUALITY,
                            inner.profile().id() + " " + failing + " segment "
                                    + (i + 1) + " (" + String.join("; ", still) + ", twice): "
                                    + excerpt(request.segments().get(i))
                                    + " — run without --strict to keep it flagged, or use another backend");
                }
                for (String problem : still) {
                    retried = retried.withWarning(problem);
                }
            }
            segments.set(i, retried);
        }
        return new TranslationResult(
                segments,
                detected,
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
        return name + "[" + (strict ? "strict" : "flag") + "](" + inner + ")";
    }
}

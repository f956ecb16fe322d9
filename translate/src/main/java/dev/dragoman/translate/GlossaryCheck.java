package dev.dragoman.translate;

import dev.dragoman.core.text.TextNormalizer;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks every translation against the request's glossary: when a segment contains a glossary source term and its
 * translation lacks the required target term, the segment gets a warning ("glossary: 'سانا' should be 'SANA'").
 * Works for every backend, whether or not it applied the glossary itself (LLM prompt, DeepL glossary id, or not at
 * all). Source terms are matched on {@link TextNormalizer}-folded text (diacritics, alef forms, case); target
 * terms must appear as written, case included ("SANA", not "Sana"). Thread-safe if the inner backend is.
 */
public final class GlossaryCheck implements TranslationBackend {

    private final TranslationBackend inner;

    public GlossaryCheck(TranslationBackend inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public BackendProfile profile() {
        return inner.profile();
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        TranslationResult result = inner.translate(request);
        Glossary glossary = request.options().glossary();
        if (glossary == null || glossary.entries().isEmpty()) {
            return result;
        }
        List<Glossary.Entry> entries = glossary.entriesFor(
                request.source() != null ? request.source() : result.detectedSource(), request.target());
        List<TranslatedSegment> checked = new ArrayList<>(result.segments().size());
        for (int i = 0; i < result.segments().size(); i++) {
            checked.add(check(request.segments().get(i), result.segments().get(i), entries));
        }
        return new TranslationResult(
                checked, result.detectedSource(), result.backend(), result.model(), result.usage());
    }

    static TranslatedSegment check(String source, TranslatedSegment translated, List<Glossary.Entry> entries) {
        String src = TextNormalizer.normalize(source);
        String out = exact(translated.text());
        TranslatedSegment result = translated;
        for (Glossary.Entry e : entries) {
            if (src.contains(TextNormalizer.normalize(e.source())) && !out.contains(exact(e.target()))) {
                result = result.withWarning("glossary: '" + e.source() + "' should be '" + e.target() + "'");
            }
        }
        return result;
    }

    /** Target terms must appear as written (case included); only Unicode form and white space are folded. */
    private static String exact(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        return "GlossaryCheck(" + inner + ")";
    }
}

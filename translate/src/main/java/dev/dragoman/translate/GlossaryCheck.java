package dev.dragoman.translate;

import dev.dragoman.core.Language;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TermMatcher;
import dev.dragoman.core.translation.TranslationRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The glossary check of every translation, whichever way the backend applied the glossary (DeepL glossary, LLM
 * prompt, placeholders, or not at all): a segment that contains a glossary source term must have the entry's target
 * term in its translation ("glossary: 'سانا' should be 'SANA'"), and a do-not-translate term must come back as it
 * is. Terms are found by {@link TermMatcher} (folded Arabic, whole words, first letter in either case). The guard
 * that re-asks and then flags or fails is {@link CompletenessGuard#glossary}. Stateless and thread-safe.
 */
public final class GlossaryCheck {

    private GlossaryCheck() {}

    /** The glossary problems of segment {@code index} of {@code request} translated as {@code output}. */
    static List<String> problems(TranslationRequest request, int index, String output, Language detected) {
        Glossary glossary = request.options().glossary();
        if (glossary == null || glossary.isEmpty()) {
            return List.of();
        }
        Language from = request.source() != null ? request.source() : detected;
        return problems(request.segments().get(index), output, glossary.entriesFor(from, request.target()));
    }

    /** One warning per entry whose source term is in {@code source} and whose target is missing from {@code output}. */
    public static List<String> problems(String source, String output, List<Glossary.Entry> entries) {
        Set<Glossary.Entry> present = new LinkedHashSet<>();
        for (TermMatcher.Hit hit : TermMatcher.find(source, entries)) {
            present.add(hit.entry());
        }
        List<String> problems = new ArrayList<>();
        for (Glossary.Entry e : present) {
            if (!TermMatcher.contains(output, e.target())) {
                problems.add(
                        e.keep()
                                ? "glossary: '" + e.source() + "' should be left as it is"
                                : "glossary: '" + e.source() + "' should be '" + e.target() + "'");
            }
        }
        return problems;
    }
}

package dev.dragoman.core.translation;

import dev.dragoman.core.text.FoldedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds glossary terms in a text — the one place that decides what "the text contains this term" means, for the
 * placeholders sent to machine translation and for the check of every translation.
 *
 * <p>Text and term are compared on {@link FoldedText} (Arabic hamza forms, alef maqsura, ta marbuta, harakat and
 * tatweel, Arabic-Indic digits folded); the first letter of a term matches in either case (a sentence may start with
 * it), the rest as written, so "US" never matches the pronoun "us" and "SANA" is not found in "Sana". A term is found
 * only as whole words: the characters around it must not be letters or digits — except that an Arabic-script term
 * may carry one or two of the proclitics و ف ب ل ك ("وسانا", "لمجلس الأمن"), which stay outside the match. Where
 * terms overlap, the leftmost wins, then the longest.
 *
 * <p>Stateless and thread-safe.
 */
public final class TermMatcher {

    private static final String PROCLITICS = "وفبلك";

    private TermMatcher() {}

    /**
     * Where a term was found: {@code [start, end)} in the original text (the proclitic, if any, is outside), and the
     * entry whose {@link Glossary.Entry#source()} it is.
     */
    public record Hit(int start, int end, Glossary.Entry entry) {}

    /** The source terms of {@code entries} found in {@code text}, in text order, never overlapping. */
    public static List<Hit> find(String text, List<Glossary.Entry> entries) {
        if (text == null || text.isEmpty() || entries.isEmpty()) {
            return List.of();
        }
        FoldedText folded = FoldedText.of(text);
        List<Hit> candidates = new ArrayList<>();
        for (Glossary.Entry e : entries) {
            for (int[] span :
                    occurrences(folded.text(), FoldedText.of(e.source()).text())) {
                candidates.add(new Hit(folded.originalIndex(span[0]), folded.originalEnd(span[1]), e));
            }
        }
        candidates.sort(Comparator.comparingInt(Hit::start).thenComparing(h -> -(h.end() - h.start())));
        List<Hit> hits = new ArrayList<>();
        int taken = 0;
        for (Hit h : candidates) {
            if (h.start() >= taken) {
                hits.add(h);
                taken = h.end();
            }
        }
        return List.copyOf(hits);
    }

    /** True when {@code term} occurs in {@code text} as {@link #find} would find it. */
    public static boolean contains(String text, String term) {
        if (text == null || term == null || term.isBlank()) {
            return false;
        }
        return !occurrences(FoldedText.of(text).text(), FoldedText.of(term).text())
                .isEmpty();
    }

    /** Every whole-word occurrence of folded {@code term} in folded {@code text}, as folded {start, end} pairs. */
    private static List<int[]> occurrences(String text, String term) {
        List<int[]> out = new ArrayList<>();
        term = term.strip();
        if (term.isEmpty() || term.length() > text.length()) {
            return out;
        }
        String rest = term.substring(1);
        char first = term.charAt(0);
        boolean arabic = isArabicLetter(first);
        int from = 1;
        while (true) {
            int r = text.indexOf(rest, from);
            if (r < 0) {
                return out;
            }
            int start = r - 1;
            int end = r + rest.length();
            if (sameLetter(text.charAt(start), first)
                    && boundaryBefore(text, start, arabic)
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                out.add(new int[] {start, end});
            }
            from = r + 1;
        }
    }

    private static boolean sameLetter(char a, char b) {
        return a == b || Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    /** A word starts at {@code start}: nothing, or no letter or digit, before it — or Arabic proclitics. */
    private static boolean boundaryBefore(String text, int start, boolean arabic) {
        int i = start;
        if (arabic) {
            int clitics = 0;
            while (i > 0 && clitics < 2 && PROCLITICS.indexOf(text.charAt(i - 1)) >= 0) {
                i--;
                clitics++;
            }
            if (clitics > 0 && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                return true;
            }
            i = start;
        }
        return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    }

    private static boolean isArabicLetter(char c) {
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
    }
}

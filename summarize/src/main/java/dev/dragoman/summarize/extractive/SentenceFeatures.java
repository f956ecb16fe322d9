package dev.dragoman.summarize.extractive;

import java.util.List;

/**
 * The features of a main-story sentence that the learned scorer weighs ({@link ScorerWeights}), in {@link #NAMES}
 * order: a bias, the lead prior {@code 1/(1+i)²}, first sentence, relative position, first in its paragraph,
 * centrality (LexRank, the article's best = 1), cosine similarity to the headline, length (words/60, capped), log
 * length, too short (under 4 words), holds a number, share of the sentence inside quotation marks, headline
 * similarity relative to the article's best, is the article's best headline match, a fragment lede (first sentence
 * under 8 words), the sentence after a fragment lede. Values are in 0–1. Stateless.
 */
public final class SentenceFeatures {

    /** Feature names, in weight order. */
    public static final List<String> NAMES = List.of(
            "bias",
            "prior",
            "first",
            "position",
            "paragraphStart",
            "centrality",
            "headline",
            "length",
            "logLength",
            "short",
            "number",
            "quoteShare",
            "headlineRelative",
            "headlineBest",
            "fragmentLede",
            "afterFragmentLede");

    private SentenceFeatures() {}

    /** A fragment lede: a first sentence this short (a dateline, a quotation's tail) rarely carries the gist. */
    private static final int FRAGMENT_WORDS = 8;

    static double[] of(
            MainStory.Sentence s, int n, double centrality, double headline, double maxHeadline, int firstWords) {
        int i = s.index();
        int words = s.words();
        return new double[] {
            1,
            1.0 / ((1 + i) * (1.0 + i)),
            i == 0 ? 1 : 0,
            n <= 1 ? 0 : (double) i / (n - 1),
            s.positionInParagraph() == 0 ? 1 : 0,
            centrality,
            headline,
            Math.min(words, 60) / 60.0,
            Math.log1p(Math.min(words, 60)) / Math.log(61),
            words < 4 ? 1 : 0,
            hasDigit(s.text()) ? 1 : 0,
            quoteShare(s.text()),
            maxHeadline > 0 ? headline / maxHeadline : 0,
            maxHeadline > 0 && headline >= maxHeadline ? 1 : 0,
            i == 0 && words < FRAGMENT_WORDS ? 1 : 0,
            i == 1 && firstWords < FRAGMENT_WORDS ? 1 : 0
        };
    }

    private static boolean hasDigit(String text) {
        return text.codePoints().anyMatch(Character::isDigit);
    }

    /** Share of the chars between quotation marks (“…”, «…», "…"); an unclosed mark counts to the end. */
    static double quoteShare(String text) {
        int inside = 0;
        boolean open = false;
        char closer = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (!open && (c == '“' || c == '«' || c == '"')) {
                open = true;
                closer = c == '“' ? '”' : c == '«' ? '»' : '"';
            } else if (open && c == closer) {
                open = false;
            } else if (open) {
                inside++;
            }
        }
        return text.isEmpty() ? 0 : (double) inside / text.length();
    }

    static double dot(double[] w, double[] f) {
        double s = 0;
        for (int k = 0; k < f.length; k++) {
            s += w[k] * f[k];
        }
        return s;
    }
}

package dev.dragoman.summarize.extractive;

import dev.dragoman.core.read.Datelines;
import dev.dragoman.core.text.FoldedText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The features of a main-story sentence that the learned scorer weighs ({@link ScorerWeights}), in {@link #NAMES}
 * order: a bias, the lead prior {@code 1/(1+i)²}, first sentence, relative position, first in its paragraph,
 * centrality (LexRank, the article's best = 1), cosine similarity to the headline, length (words/60, capped), log
 * length, too short (under 4 words), holds a number, share of the sentence inside quotation marks, headline
 * similarity relative to the article's best, is the article's best headline match, a fragment lede (first sentence
 * under 8 words), the sentence after a fragment lede; then four cues that tell a lede from a better sentence
 * (features 16–19, added for Arabic, where the learned ranker otherwise always picks the lede): an opinion or
 * partnership disclaimer ("هذا المقال بقلم … والآراء الواردة أدناه …", "The opinions expressed…", "Les opinions
 * exprimées…"), an attribution opening ("وقال", "وأضاف", "He said", "Il a ajouté"), a datelined lede (the first
 * sentence of a story filed with a dateline: the article has one, or the sentence opens with one — hard news, whose
 * lede is the gist), and a sentence that announces what follows (ends with a colon: "فيما يلي … :", "Here are…:").
 * Values are in 0–1. Stateless.
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
            "afterFragmentLede",
            "disclaimer",
            "attribution",
            "datelineLede",
            "announces");

    private SentenceFeatures() {}

    /** A fragment lede: a first sentence this short (a dateline, a quotation's tail) rarely carries the gist. */
    private static final int FRAGMENT_WORDS = 8;

    /**
     * A byline disclaimer or partnership note (matched on {@link FoldedText}: hamza forms, ta marbuta folded), not
     * story content.
     */
    private static final Pattern DISCLAIMER = Pattern.compile(
            "هذا المقال بقلم|الاراء الوارده|لا تعكس بالضروره|نشر هذا المقال|opinions expressed|views expressed"
                    + "|(?:this|the) (?:article|column|story) (?:was|is) (?:written|published|produced) (?:by|in "
                    + "(?:partnership|collaboration))|opinions exprim[ée]es|cet article (?:a [ée]t[ée]|est) (?:[ée]crit|"
                    + "publi[ée])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** An opening that attributes what follows ("and he said"): a sentence that continues the story, not its gist. */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(?:[وف](?:قال|قالت|اضاف|اضافت|تابع|تابعت|اكد|اكدت|اشار|اشارت|اوضح|اوضحت)"
                    + "|(?:he|she|they|it) (?:said|added)|(?:il|elle) a (?:dit|ajout[ée]|d[ée]clar[ée]))"
                    + "(?![\\p{L}\\p{M}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static double[] of(
            MainStory.Sentence s,
            int n,
            double centrality,
            double headline,
            double maxHeadline,
            int firstWords,
            boolean datelined) {
        int i = s.index();
        int words = s.words();
        String folded = FoldedText.of(s.text().strip()).text();
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
            i == 1 && firstWords < FRAGMENT_WORDS ? 1 : 0,
            DISCLAIMER.matcher(folded).find() ? 1 : 0,
            ATTRIBUTION.matcher(folded).find() ? 1 : 0,
            i == 0 && (datelined || Datelines.match(s.text(), false) != null) ? 1 : 0,
            s.text().strip().matches(".*[:：]$") ? 1 : 0
        };
    }

    private static boolean hasDigit(String text) {
        return text.codePoints().anyMatch(Character::isDigit);
    }

    /** Share of the chars between quotation marks (“…”, «…», "…"); an unclosed mark counts to the end. */
    static double quoteShare(String text) {
        return text.isEmpty() ? 0 : (double) Quotes.scan(text, text.length()).inside() / text.length();
    }

    /** True when {@code offset} of {@code text} lies between quotation marks (“…”, «…», "…"). */
    static boolean insideQuote(String text, int offset) {
        return Quotes.scan(text, offset).open();
    }

    /** The chars between quotation marks before an offset, and whether a quotation is open there. */
    private record Quotes(int inside, boolean open) {
        static Quotes scan(String text, int end) {
            int inside = 0;
            boolean open = false;
            char closer = 0;
            for (int k = 0; k < end; k++) {
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
            return new Quotes(inside, open);
        }
    }

    /** The score of features {@code f} under weights {@code w} (same order). */
    public static double dot(double[] w, double[] f) {
        double s = 0;
        for (int k = 0; k < f.length; k++) {
            s += w[k] * f[k];
        }
        return s;
    }
}

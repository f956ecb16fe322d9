package dev.dragoman.summarize.eval;

import dev.dragoman.core.text.TextNormalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum (precision, recall, F1), computed as Google's {@code rouge-score}
 * package computes them — which reproduces the official ROUGE-1.5.5 figures — but with a Unicode tokenizer.
 *
 * <p><b>Tokenization.</b> The text is folded with {@link TextNormalizer#normalize}: Unicode NFKC, lower case
 * ({@code Locale.ROOT}), Arabic tatweel and diacritics (harakat, tanween, shadda, sukun, superscript alef) removed,
 * alef variants {@code أ إ آ ٱ} folded to {@code ا}, {@code ى → ي}, {@code ة → ه}, {@code ؤ → و}, {@code ئ → ي},
 * Arabic-Indic digits to ASCII. Then every character that is not a letter or a digit ({@code \p{L}\p{N}}) becomes a
 * space and the text is split on spaces. On ASCII text this is exactly rouge-score's default tokenizer (lower case,
 * {@code [^a-z0-9]} → space); unlike it, Arabic, Cyrillic, accented Latin and CJK letters are kept instead of
 * deleted. With {@code stem}, tokens longer than 3 characters are reduced with the Porter stemmer (Snowball's
 * "porter", the original algorithm), as rouge-score does — meaningful for English only.
 *
 * <p><b>ROUGE-Lsum</b> splits both texts into sentences at line breaks and uses the union LCS of each reference
 * sentence against all candidate sentences. With several references, {@link #scoreMulti} keeps, per ROUGE type, the
 * reference with the best F1 (rouge-score's {@code score_multi}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Rouge {

    /** The ROUGE variants computed. */
    public enum Type {
        ROUGE_1("rouge1"),
        ROUGE_2("rouge2"),
        ROUGE_L("rougeL"),
        ROUGE_LSUM("rougeLsum");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        /** The rouge-score name: {@code rouge1}, {@code rouge2}, {@code rougeL}, {@code rougeLsum}. */
        public String id() {
            return id;
        }

        /** Parses a rouge-score name. */
        public static Type ofId(String id) {
            for (Type t : values()) {
                if (t.id.equals(id)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown ROUGE type: " + id);
        }
    }

    /** Precision, recall and F1 of one ROUGE type, each in [0, 1]. */
    public record Score(double precision, double recall, double f) {
        public static final Score ZERO = new Score(0, 0, 0);

        static Score of(double precision, double recall) {
            double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
            return new Score(precision, recall, f);
        }
    }

    private static final ThreadLocal<PorterStemmer> STEMMER = ThreadLocal.withInitial(PorterStemmer::new);

    private final boolean stem;

    private Rouge(boolean stem) {
        this.stem = stem;
    }

    /** A scorer without stemming (the right choice for Arabic and most languages). */
    public static Rouge unstemmed() {
        return new Rouge(false);
    }

    /** A scorer that Porter-stems tokens longer than 3 characters (English; rouge-score's {@code use_stemmer}). */
    public static Rouge porterStemmed() {
        return new Rouge(true);
    }

    public boolean stemmed() {
        return stem;
    }

    /** The tokens ROUGE compares, after normalization and optional stemming. */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        String folded = TextNormalizer.normalize(text);
        int n = folded.length();
        int i = 0;
        while (i < n) {
            int cp = folded.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                int c = folded.codePointAt(i);
                if (!Character.isLetterOrDigit(c)) {
                    break;
                }
                i += Character.charCount(c);
            }
            String token = folded.substring(start, i);
            if (stem && token.length() > 3) {
                token = porter(token);
            }
            out.add(token);
        }
        return out;
    }

    /** Scores {@code candidate} against one {@code reference} for one ROUGE type. */
    public Score score(Type type, String reference, String candidate) {
        Objects.requireNonNull(type, "type");
        return switch (type) {
            case ROUGE_1 -> ngrams(tokenize(reference), tokenize(candidate), 1);
            case ROUGE_2 -> ngrams(tokenize(reference), tokenize(candidate), 2);
            case ROUGE_L -> lcs(tokenize(reference), tokenize(candidate));
            case ROUGE_LSUM -> summaryLcs(lines(reference), lines(candidate));
        };
    }

    /** All four types for one reference. */
    public Map<Type, Score> scoreAll(String reference, String candidate) {
        List<String> ref = tokenize(reference);
        List<String> cand = tokenize(candidate);
        Map<Type, Score> out = new java.util.EnumMap<>(Type.class);
        out.put(Type.ROUGE_1, ngrams(ref, cand, 1));
        out.put(Type.ROUGE_2, ngrams(ref, cand, 2));
        out.put(Type.ROUGE_L, lcs(ref, cand));
        out.put(Type.ROUGE_LSUM, summaryLcs(lines(reference), lines(candidate)));
        return out;
    }

    /** All four types against several references, keeping per type the reference with the best F1. */
    public Map<Type, Score> scoreMulti(List<String> references, String candidate) {
        if (references == null || references.isEmpty()) {
            throw new IllegalArgumentException("at least one reference summary is needed");
        }
        Map<Type, Score> best = null;
        for (String reference : references) {
            Map<Type, Score> s = scoreAll(reference, candidate);
            if (best == null) {
                best = s;
                continue;
            }
            for (Type t : Type.values()) {
                if (s.get(t).f() > best.get(t).f()) {
                    best.put(t, s.get(t));
                }
            }
        }
        return best;
    }

    private static String porter(String token) {
        PorterStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(token);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private List<List<String>> lines(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.add(tokenize(line));
            }
        }
        return out;
    }

    private static Score ngrams(List<String> reference, List<String> candidate, int n) {
        Map<List<String>, Integer> ref = counts(reference, n);
        Map<List<String>, Integer> cand = counts(candidate, n);
        int overlap = 0;
        for (Map.Entry<List<String>, Integer> e : ref.entrySet()) {
            overlap += Math.min(e.getValue(), cand.getOrDefault(e.getKey(), 0));
        }
        int refTotal = Math.max(reference.size() - n + 1, 0);
        int candTotal = Math.max(candidate.size() - n + 1, 0);
        return Score.of((double) overlap / Math.max(candTotal, 1), (double) overlap / Math.max(refTotal, 1));
    }

    private static Map<List<String>, Integer> counts(List<String> tokens, int n) {
        Map<List<String>, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            out.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return out;
    }

    private static Score lcs(List<String> reference, List<String> candidate) {
        if (reference.isEmpty() || candidate.isEmpty()) {
            return Score.ZERO;
        }
        int[][] t = lcsTable(reference, candidate);
        int length = t[reference.size()][candidate.size()];
        return Score.of((double) length / candidate.size(), (double) length / reference.size());
    }

    private static int[][] lcsTable(List<String> ref, List<String> can) {
        int rows = ref.size();
        int cols = can.size();
        int[][] t = new int[rows + 1][cols + 1];
        for (int i = 1; i <= rows; i++) {
            for (int j = 1; j <= cols; j++) {
                if (ref.get(i - 1).equals(can.get(j - 1))) {
                    t[i][j] = t[i - 1][j - 1] + 1;
                } else {
                    t[i][j] = Math.max(t[i - 1][j], t[i][j - 1]);
                }
            }
        }
        return t;
    }

    /** rouge-score's {@code _backtrack_norec}: indexes into {@code ref} of one LCS. */
    private static List<Integer> lcsIndexes(List<String> ref, List<String> can) {
        int[][] t = lcsTable(ref, can);
        List<Integer> out = new ArrayList<>();
        int i = ref.size();
        int j = can.size();
        while (i > 0 && j > 0) {
            if (ref.get(i - 1).equals(can.get(j - 1))) {
                out.add(0, i - 1);
                i--;
                j--;
            } else if (t[i][j - 1] > t[i - 1][j]) {
                j--;
            } else {
                i--;
            }
        }
        return out;
    }

    private static Score summaryLcs(List<List<String>> refSentences, List<List<String>> candSentences) {
        if (refSentences.isEmpty() || candSentences.isEmpty()) {
            return Score.ZERO;
        }
        int m = 0;
        int n = 0;
        Map<String, Integer> refCounts = new HashMap<>();
        Map<String, Integer> candCounts = new HashMap<>();
        for (List<String> s : refSentences) {
            m += s.size();
            s.forEach(tok -> refCounts.merge(tok, 1, Integer::sum));
        }
        for (List<String> s : candSentences) {
            n += s.size();
            s.forEach(tok -> candCounts.merge(tok, 1, Integer::sum));
        }
        if (m == 0 || n == 0) {
            return Score.ZERO;
        }
        int hits = 0;
        for (List<String> r : refSentences) {
            BitSet union = new BitSet();
            for (List<String> c : candSentences) {
                lcsIndexes(r, c).forEach(union::set);
            }
            for (int idx = union.nextSetBit(0); idx >= 0; idx = union.nextSetBit(idx + 1)) {
                String tok = r.get(idx);
                int cc = candCounts.getOrDefault(tok, 0);
                int rc = refCounts.getOrDefault(tok, 0);
                if (cc > 0 && rc > 0) {
                    hits++;
                    candCounts.put(tok, cc - 1);
                    refCounts.put(tok, rc - 1);
                }
            }
        }
        return Score.of((double) hits / n, (double) hits / m);
    }
}

package dev.dragoman.core.cluster;

import dev.dragoman.core.Language;
import dev.dragoman.core.text.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Groups near-duplicate stories — the same event reported by several agencies or feeds — with MinHash over
 * stemmed-word shingles and locality-sensitive hashing.
 *
 * <p>Each document's text is folded ({@link TextNormalizer}), analysed with the Lucene analyzer of its language
 * (stop words removed, light stemming: {@code ArabicAnalyzer}, {@code EnglishAnalyzer}, …; others
 * {@code StandardAnalyzer}) and turned into a set of word unigrams, bigrams and in-word character trigrams (which
 * absorb the inflection a light stemmer leaves: يتبادلان/تبادل, سوريا/سورية). A {@value #HASHES}-value MinHash
 * signature estimates the Jaccard similarity of two sets; LSH ({@value #BANDS} bands of {@value #ROWS} rows) finds
 * candidate pairs without comparing every pair; a candidate pair whose estimated similarity reaches the threshold
 * (and whose times lie within the window, when both are known) is linked, and linked documents form one story
 * (single linkage, union-find). Different wording of one event shares names, places and key nouns; different events
 * rarely do.
 *
 * <p>Documents are only comparable in one language: to group Arabic and English reports, give every document the
 * text in the same language (the translated headline and summary). Deterministic (fixed hash seeds); thread-safe.
 */
public final class MinHashStoryClusterer {

    static final int HASHES = 128;
    static final int ROWS = 2;
    static final int BANDS = HASHES / ROWS;
    /** In an LSH bucket, how many earlier members each member is compared with (all of them in ordinary buckets). */
    static final int BUCKET_PEERS = 64;
    /** Default similarity (estimated Jaccard of the shingle sets) at which two reports are the same story. */
    public static final double DEFAULT_THRESHOLD = 0.18;
    /** Default: reports more than this far apart are never the same story. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(3);

    private static final long[] SEEDS = seeds();

    private final double threshold;
    private final Duration window;
    private final Map<String, Analyzer> analyzers = new java.util.concurrent.ConcurrentHashMap<>();

    public MinHashStoryClusterer() {
        this(DEFAULT_THRESHOLD, DEFAULT_WINDOW);
    }

    /**
     * @param threshold estimated Jaccard similarity in (0, 1] at which two documents are linked
     * @param window the largest time distance between two linked documents; null = no limit
     */
    public MinHashStoryClusterer(double threshold, Duration window) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
        this.threshold = threshold;
        this.window = window;
    }

    /**
     * Groups the documents into stories. Every document is in exactly one group; groups keep the input order of
     * their members and are returned in the order of their first member.
     */
    public List<List<StoryDocument>> cluster(List<StoryDocument> documents) {
        int n = documents.size();
        int[][] signatures = new int[n][];
        for (int i = 0; i < n; i++) {
            signatures[i] = signature(shingles(documents.get(i)));
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        // no set of the pairs already compared: at 100k documents it held hundreds of millions of boxed longs (most of
        // the digest's time went to it and its garbage); a pair met again in another band is estimated again, which
        // costs 128 int comparisons and gives the same answer
        for (int band = 0; band < BANDS; band++) {
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (signatures[i] == null) {
                    continue;
                }
                long key = 1469598103934665603L;
                for (int r = 0; r < ROWS; r++) {
                    key = (key ^ signatures[i][band * ROWS + r]) * 1099511628211L;
                }
                buckets.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
            }
            for (List<Integer> bucket : buckets.values()) {
                // all pairs in an ordinary bucket; in a crowded one (thousands of look-alike items in a huge feed)
                // each member meets the first BUCKET_PEERS members only, so the work stays linear in the input
                for (int y = 1; y < bucket.size(); y++) {
                    int b = bucket.get(y);
                    for (int x = 0; x < Math.min(y, BUCKET_PEERS); x++) {
                        int a = bucket.get(x);
                        if (find(parent, a) == find(parent, b)) {
                            continue;
                        }
                        if (withinWindow(documents.get(a), documents.get(b))
                                && estimate(signatures[a], signatures[b]) >= threshold) {
                            parent[find(parent, a)] = find(parent, b);
                        }
                    }
                }
            }
        }
        // groups come out in the order of their first member: the map is filled in input order
        Map<Integer, List<StoryDocument>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(documents.get(i));
        }
        return new ArrayList<>(groups.values());
    }

    /** The estimated Jaccard similarity of two documents' shingle sets, in [0, 1]. */
    public double similarity(StoryDocument a, StoryDocument b) {
        int[] sa = signature(shingles(a));
        int[] sb = signature(shingles(b));
        return sa == null || sb == null ? 0 : estimate(sa, sb);
    }

    private boolean withinWindow(StoryDocument a, StoryDocument b) {
        if (window == null || a.time() == null || b.time() == null) {
            return true;
        }
        return Duration.between(a.time(), b.time()).abs().compareTo(window) <= 0;
    }

    private static double estimate(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /** Unigrams and bigrams of the analysed, stemmed words. */
    Set<String> shingles(StoryDocument doc) {
        List<String> words = new ArrayList<>();
        Analyzer analyzer = analyzer(doc.language());
        try (TokenStream ts = analyzer.tokenStream("text", TextNormalizer.normalize(doc.text()))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (w.length() > 1 || Character.isDigit(w.charAt(0))) {
                    words.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            shingles.add(w);
            // character trigrams absorb the inflection a light stemmer leaves (يتبادلان/تبادل, سوريا/سورية)
            for (int c = 0; c + 3 <= w.length() && w.length() >= 4; c++) {
                shingles.add('#' + w.substring(c, c + 3));
            }
            if (i + 1 < words.size()) {
                shingles.add(words.get(i) + ' ' + words.get(i + 1));
            }
        }
        return shingles;
    }

    private static int[] signature(Set<String> shingles) {
        if (shingles.isEmpty()) {
            return null; // nothing to compare: a story of its own
        }
        int[] sig = new int[HASHES];
        Arrays.fill(sig, Integer.MAX_VALUE);
        for (String s : shingles) {
            long base = fnv64(s);
            for (int i = 0; i < HASHES; i++) {
                int h = (int) (mix(base ^ SEEDS[i]) >>> 33);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    private Analyzer analyzer(Language language) {
        String key = language == null ? "und" : language.primary();
        return analyzers.computeIfAbsent(key, k -> switch (k) {
            case "ar" -> new ArabicAnalyzer();
            case "en" -> new EnglishAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "ru" -> new RussianAnalyzer();
            default -> new StandardAnalyzer();
        });
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: a fast, well-distributed 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        long[] seeds = new long[HASHES];
        long x = 0x5DEECE66DL;
        for (int i = 0; i < HASHES; i++) {
            x += 0x9e3779b97f4a7c15L;
            seeds[i] = mix(x);
        }
        return seeds;
    }
}

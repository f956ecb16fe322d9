package dev.dragoman.core.cluster;

import dev.dragoman.core.Language;
import dev.dragoman.core.text.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
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
        int[] group;
        try (Grouping grouping = grouping()) {
            documents.forEach(grouping::add);
            group = grouping.groups();
        }
        List<List<StoryDocument>> groups = new ArrayList<>();
        for (int i = 0; i < group.length; i++) {
            if (group[i] == groups.size()) {
                groups.add(new ArrayList<>());
            }
            groups.get(group[i]).add(documents.get(i));
        }
        return groups;
    }

    /**
     * A grouping fed one document at a time, for batches too large to hold: it keeps per document only its MinHash
     * signature ({@value #HASHES} ints) and its time, and past {@link #SPILL_AFTER} documents moves the signatures to
     * a temporary file it maps read-only for the grouping (off the Java heap; the file is removed on {@link
     * Grouping#close()}), so the heap it needs grows by about 16 bytes per document. {@link #cluster} is this over a
     * list.
     */
    public Grouping grouping() {
        return new Grouping();
    }

    /** Documents in memory before a {@link Grouping} moves their signatures to a file. */
    static final int SPILL_AFTER = 4096;

    /** See {@link #grouping()}. Not thread-safe; {@link #add} every document, then call {@link #groups()} once. */
    public final class Grouping implements AutoCloseable {
        private static final int CHUNK = 1 << 20; // documents per mapped chunk (512 MiB of signatures)

        private int n;
        private int[] inMemory = new int[HASHES * 64];
        private long[] seconds = new long[64];
        private int[] nanos = new int[64];
        private final java.util.BitSet timed = new java.util.BitSet();
        private final java.util.BitSet empty = new java.util.BitSet();
        private Path spill;
        private FileChannel channel;
        private ByteBuffer pending;

        private Grouping() {}

        /** Adds the next document (its index is the number added before it). */
        public void add(StoryDocument doc) {
            int[] sig = signature(shingles(doc));
            if (n == seconds.length) {
                seconds = Arrays.copyOf(seconds, n * 2);
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            if (doc.time() != null) {
                timed.set(n);
                seconds[n] = doc.time().getEpochSecond();
                nanos[n] = doc.time().getNano();
            }
            if (sig == null) {
                empty.set(n); // nothing to compare: a story of its own
                sig = new int[HASHES];
            }
            try {
                if (channel == null && n == SPILL_AFTER) {
                    spill = Files.createTempFile("dragoman-signatures-", ".bin");
                    channel = FileChannel.open(spill, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    pending = ByteBuffer.allocate(HASHES * 4 * 128);
                    for (int i = 0; i < n; i++) {
                        write(Arrays.copyOfRange(inMemory, i * HASHES, (i + 1) * HASHES));
                    }
                    inMemory = null;
                }
                if (channel != null) {
                    write(sig);
                } else {
                    if (inMemory.length < (n + 1) * HASHES) {
                        inMemory = Arrays.copyOf(inMemory, inMemory.length * 2);
                    }
                    System.arraycopy(sig, 0, inMemory, n * HASHES, HASHES);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spill story signatures to " + spill + ": " + e.getMessage(), e);
            }
            n++;
        }

        private void write(int[] sig) throws IOException {
            if (pending.remaining() < HASHES * 4) {
                flush();
            }
            pending.asIntBuffer().put(sig);
            pending.position(pending.position() + HASHES * 4);
        }

        private void flush() throws IOException {
            pending.flip();
            while (pending.hasRemaining()) {
                channel.write(pending);
            }
            pending.clear();
        }

        /**
         * Each document's group, numbered from 0 in the order of the groups' first members: candidate pairs from LSH
         * buckets, linked when their estimated similarity reaches the threshold within the time window.
         */
        public int[] groups() {
            IntBuffer[] signatures;
            try {
                signatures = signatures();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read story signatures from " + spill + ": " + e.getMessage(), e);
            }
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            // no set of the pairs already compared: at 100k documents it held hundreds of millions of boxed longs
            // (most of the digest's time went to it and its garbage); a pair met again in another band is estimated
            // again, which costs 128 int comparisons and gives the same answer
            // each band's buckets without a map of boxed keys and lists: the documents' band keys, sorted and made
            // distinct, number the buckets; a counting sort by bucket lists each one's members in input order
            long[] keys = new long[n];
            int[] bucketOf = new int[n];
            int[] start = new int[n + 1];
            int[] members = new int[n];
            for (int band = 0; band < BANDS; band++) {
                int keyed = 0;
                for (int i = 0; i < n; i++) {
                    if (empty.get(i)) {
                        continue;
                    }
                    IntBuffer s = signatures[i / CHUNK];
                    int base = (i % CHUNK) * HASHES + band * ROWS;
                    long key = 1469598103934665603L;
                    for (int r = 0; r < ROWS; r++) {
                        key = (key ^ s.get(base + r)) * 1099511628211L;
                    }
                    keys[keyed++] = key;
                }
                long[] distinct = Arrays.copyOf(keys, keyed);
                Arrays.sort(distinct);
                int buckets = 0;
                for (int k = 0; k < keyed; k++) {
                    if (k == 0 || distinct[k] != distinct[k - 1]) {
                        distinct[buckets++] = distinct[k];
                    }
                }
                Arrays.fill(start, 0, buckets + 1, 0);
                for (int i = 0, k = 0; i < n; i++) {
                    if (!empty.get(i)) {
                        bucketOf[i] = Arrays.binarySearch(distinct, 0, buckets, keys[k++]);
                        start[bucketOf[i] + 1]++;
                    }
                }
                for (int b = 0; b < buckets; b++) {
                    start[b + 1] += start[b];
                }
                int[] fill = Arrays.copyOf(start, buckets);
                for (int i = 0; i < n; i++) {
                    if (!empty.get(i)) {
                        members[fill[bucketOf[i]]++] = i;
                    }
                }
                for (int bucket = 0; bucket < buckets; bucket++) {
                    // all pairs in an ordinary bucket; in a crowded one (thousands of look-alike items in a huge
                    // feed) each member meets the first BUCKET_PEERS members only, so the work stays linear
                    int from = start[bucket];
                    int size = start[bucket + 1] - from;
                    for (int y = 1; y < size; y++) {
                        int b = members[from + y];
                        for (int x = 0; x < Math.min(y, BUCKET_PEERS); x++) {
                            int a = members[from + x];
                            if (find(parent, a) == find(parent, b)) {
                                continue;
                            }
                            if (withinWindow(a, b) && estimate(signatures, a, b) >= threshold) {
                                parent[find(parent, a)] = find(parent, b);
                            }
                        }
                    }
                }
            }
            // groups are numbered in the order of their first member
            int[] group = new int[n];
            int[] numberOfRoot = new int[n];
            Arrays.fill(numberOfRoot, -1);
            int groups = 0;
            for (int i = 0; i < n; i++) {
                int root = find(parent, i);
                if (numberOfRoot[root] < 0) {
                    numberOfRoot[root] = groups++;
                }
                group[i] = numberOfRoot[root];
            }
            return group;
        }

        private IntBuffer[] signatures() throws IOException {
            if (channel == null) {
                return new IntBuffer[] {IntBuffer.wrap(inMemory)};
            }
            flush();
            IntBuffer[] chunks = new IntBuffer[(n + CHUNK - 1) / CHUNK];
            for (int c = 0; c < chunks.length; c++) {
                long from = (long) c * CHUNK * HASHES * 4;
                long size = (long) Math.min(CHUNK, n - c * CHUNK) * HASHES * 4;
                chunks[c] = channel.map(FileChannel.MapMode.READ_ONLY, from, size)
                        .order(ByteOrder.BIG_ENDIAN)
                        .asIntBuffer();
            }
            return chunks;
        }

        private boolean withinWindow(int a, int b) {
            if (window == null || !timed.get(a) || !timed.get(b)) {
                return true;
            }
            return Duration.between(
                                    Instant.ofEpochSecond(seconds[a], nanos[a]),
                                    Instant.ofEpochSecond(seconds[b], nanos[b]))
                            .abs()
                            .compareTo(window)
                    <= 0;
        }

        private static double estimate(IntBuffer[] signatures, int a, int b) {
            IntBuffer sa = signatures[a / CHUNK];
            IntBuffer sb = signatures[b / CHUNK];
            int ba = (a % CHUNK) * HASHES;
            int bb = (b % CHUNK) * HASHES;
            int same = 0;
            for (int i = 0; i < HASHES; i++) {
                if (sa.get(ba + i) == sb.get(bb + i)) {
                    same++;
                }
            }
            return (double) same / HASHES;
        }

        /** Removes the spill file, if any. */
        @Override
        public void close() {
            if (channel == null) {
                return;
            }
            try {
                channel.close();
                Files.deleteIfExists(spill); // a mapping still held stays readable until collected (POSIX)
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + spill + ": " + e.getMessage(), e);
            }
        }
    }

    /** The estimated Jaccard similarity of two documents' shingle sets, in [0, 1]. */
    public double similarity(StoryDocument a, StoryDocument b) {
        int[] sa = signature(shingles(a));
        int[] sb = signature(shingles(b));
        return sa == null || sb == null ? 0 : estimate(sa, sb);
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

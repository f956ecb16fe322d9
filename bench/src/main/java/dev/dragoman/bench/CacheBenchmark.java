package dev.dragoman.bench;

import dev.dragoman.core.Language;
import dev.dragoman.core.cache.CacheEntry;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.redis.RedisOptions;
import dev.dragoman.core.cache.redis.RedisResultCache;
import dev.dragoman.core.cache.sqlite.SqliteOptions;
import dev.dragoman.core.cache.sqlite.SqliteResultCache;
import dev.dragoman.core.testing.RedisServerExtension;
import dev.dragoman.core.usage.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;
import redis.clients.jedis.RedisClient;

/**
 * Result-cache latency: hit, miss and write latency (p50/p99) of the SQLite and Redis stores holding 100,000
 * article-sized entries (2–4 KB of text), the SQLite file size per 1,000 entries, Redis memory per 1,000 entries,
 * and the time to open (and quick_check) the full SQLite file. Hit latency is also given as a share of a typical
 * 300 ms backend call (the bound: well under 1 %). Single-threaded, one process, on the bench machine; Redis
 * is a local {@code redis-server} on loopback started by this benchmark (skipped if not installed).
 */
public final class CacheBenchmark {

    private static final int ENTRIES = 100_000;
    private static final int SAMPLES = 20_000;
    private static final int WARMUP = 5_000;
    private static final double BACKEND_CALL_MS = 300;

    private CacheBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<String> words = words(root.resolve("examples/sana-2024-06-25-lukashenko.ar.txt"));
        StringBuilder out = new StringBuilder("## Result cache (CacheBenchmark)\n\n");
        out.append("Command: `bench/run.sh CacheBenchmark`. ")
                .append(String.format(Locale.ROOT, "%,d", ENTRIES))
                .append(" entries of 2–4 KB (words of the seed article, UTF-8 Arabic), one thread; ")
                .append(String.format(Locale.ROOT, "%,d", SAMPLES))
                .append(" timed look-ups each after ")
                .append(String.format(Locale.ROOT, "%,d", WARMUP))
                .append(" warm-up ones. A hit includes the store's bookkeeping (last access, shared counters). ")
                .append("Bound: a hit must cost well under 1 % of a typical 300 ms backend call.\n\n");
        out.append("| store | hit p50 µs | hit p99 µs | hit p99 ÷ 300 ms call | miss p50 µs | miss p99 µs "
                + "| write p50 µs | write p99 µs |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> notes = new ArrayList<>();

        Path dir = Files.createDirectories(root.resolve("bench/target/cache-bench"));
        Path file = dir.resolve("cache.db");
        deleteAll(dir, file);
        // the cap above the data set: this measures look-ups, not eviction
        SqliteOptions sqliteOptions = SqliteOptions.at(file).withMaxBytes(4L << 30);
        try (SqliteResultCache sqlite = new SqliteResultCache(sqliteOptions)) {
            Result r = run(sqlite, words);
            row(out, "SQLite (WAL, synchronous=NORMAL)", r);
        }
        long bytes = Files.size(file) + (Files.exists(Path.of(file + "-wal")) ? Files.size(Path.of(file + "-wal")) : 0);
        notes.add(String.format(
                Locale.ROOT,
                "SQLite file: %.1f MB for %,d entries = %.2f MB per 1,000 entries " + "(values average %.1f KB)",
                bytes / 1e6,
                ENTRIES,
                bytes / 1e6 / (ENTRIES / 1000.0),
                averageKb));
        long t0 = System.nanoTime();
        try (SqliteResultCache reopened = new SqliteResultCache(sqliteOptions)) {
            double open = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            String check;
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                    java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                check = rs.next() ? rs.getString(1) : "?";
            }
            double quick = (System.nanoTime() - t1) / 1e6;
            notes.add(String.format(
                    Locale.ROOT,
                    "Opening the full file: %.0f ms (header check; `PRAGMA quick_check` "
                            + "runs on open only for files up to 64 MiB or after a run met corruption); a `quick_check` of "
                            + "the full file takes %.0f ms (%s)",
                    open,
                    quick,
                    check));
        }
        deleteAll(dir, file);

        // the tests' Redis harness, outside JUnit (it reads nothing from the context): a free port, no persistence
        RedisServerExtension redis = new RedisServerExtension();
        try {
            redis.beforeAll(null);
        } catch (TestAbortedException notInstalled) {
            redis = null;
            out.append("| Redis | skipped: redis-server not installed | | | | | | |\n");
        }
        if (redis != null) {
            try (RedisClient admin = RedisClient.create(redis.host(), redis.port())) {
                long before = usedMemory(admin);
                try (RedisResultCache store = new RedisResultCache(RedisOptions.at(redis.host(), redis.port()))) {
                    Result r = run(store, words);
                    row(out, "Redis (local, loopback)", r);
                }
                long after = usedMemory(admin);
                notes.add(String.format(
                        Locale.ROOT,
                        "Redis memory: %.1f MB for %,d entries = %.2f MB per " + "1,000 entries",
                        (after - before) / 1e6,
                        ENTRIES,
                        (after - before) / 1e6 / (ENTRIES / 1000.0)));
                notes.add("Redis: " + serverVersion(admin));
            } finally {
                redis.afterAll(null);
            }
        }
        out.append('\n');
        for (String n : notes) {
            out.append("- ").append(n).append('\n');
        }
        System.out.print(out);
    }

    private static double averageKb;

    private record Result(double[] hit, double[] miss, double[] write) {}

    private static Result run(ResultCache cache, List<String> words) {
        SplittableRandom random = new SplittableRandom(42);
        double[] write = new double[ENTRIES];
        long totalChars = 0;
        for (int i = 0; i < ENTRIES; i++) {
            String value = article(words, random);
            totalChars += value.getBytes(StandardCharsets.UTF_8).length;
            CacheEntry entry =
                    new CacheEntry(value, Instant.now(), "deepl", "default", Usage.ofCharacters(1, value.length()));
            CacheKey key = key(i);
            long t = System.nanoTime();
            cache.put(key, entry);
            write[i] = (System.nanoTime() - t) / 1e3;
        }
        averageKb = totalChars / (double) ENTRIES / 1024;
        double[] hit = new double[SAMPLES];
        double[] miss = new double[SAMPLES];
        for (int i = -WARMUP; i < SAMPLES; i++) {
            CacheKey present = key(random.nextInt(ENTRIES));
            long t = System.nanoTime();
            boolean found = cache.get(present).isPresent();
            long h = System.nanoTime() - t;
            if (!found) {
                throw new IllegalStateException("a stored entry was not found");
            }
            CacheKey absent = key(ENTRIES + random.nextInt(1_000_000_000));
            t = System.nanoTime();
            boolean none = cache.get(absent).isEmpty();
            long m = System.nanoTime() - t;
            if (!none) {
                throw new IllegalStateException("an absent entry was found");
            }
            if (i >= 0) {
                hit[i] = h / 1e3;
                miss[i] = m / 1e3;
            }
        }
        // writes: the last 20,000 (a warm store with most of the data in it)
        return new Result(hit, miss, Arrays.copyOfRange(write, ENTRIES - SAMPLES, ENTRIES));
    }

    private static CacheKey key(int i) {
        return CacheKey.builder("translate")
                .backend("deepl")
                .model("default")
                .source(Language.ARABIC)
                .target(Language.ENGLISH)
                .input("article " + i)
                .build();
    }

    private static String article(List<String> words, SplittableRandom random) {
        int target = 2048 + random.nextInt(2048);
        StringBuilder sb = new StringBuilder(target + 32);
        while (sb.toString().getBytes(StandardCharsets.UTF_8).length < target) {
            for (int i = 0; i < 40; i++) {
                sb.append(words.get(random.nextInt(words.size()))).append(' ');
            }
        }
        return sb.toString();
    }

    private static List<String> words(Path seed) throws IOException {
        if (Files.isRegularFile(seed)) {
            List<String> w = Arrays.stream(
                            Files.readString(seed, StandardCharsets.UTF_8).split("\\s+"))
                    .filter(s -> !s.isBlank())
                    .toList();
            if (w.size() > 50) {
                return w;
            }
        }
        return List.of("الرئيس", "دمشق", "سانا", "وزير", "الخارجية", "بحث", "العلاقات", "الثنائية", "news", "agency");
    }

    private static void row(StringBuilder out, String store, Result r) {
        double hit50 = pct(r.hit(), 50), hit99 = pct(r.hit(), 99);
        out.append(String.format(
                Locale.ROOT,
                "| %s | %.0f | %.0f | %.3f %% | %.0f | %.0f | %.0f | %.0f |%n",
                store,
                hit50,
                hit99,
                hit99 / 1000 / BACKEND_CALL_MS * 100,
                pct(r.miss(), 50),
                pct(r.miss(), 99),
                pct(r.write(), 50),
                pct(r.write(), 99)));
    }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void deleteAll(Path dir, Path file) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName()
                            .toString()
                            .startsWith(file.getFileName().toString()))
                    .toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long usedMemory(RedisClient r) {
        return r.info("memory")
                .lines()
                .filter(l -> l.startsWith("used_memory:"))
                .map(l -> Long.parseLong(l.substring("used_memory:".length()).trim()))
                .findFirst()
                .orElse(0L);
    }

    private static String serverVersion(RedisClient r) {
        return r.info("server")
                .lines()
                .filter(l -> l.startsWith("redis_version:"))
                .findFirst()
                .orElse("?")
                .trim();
    }
}

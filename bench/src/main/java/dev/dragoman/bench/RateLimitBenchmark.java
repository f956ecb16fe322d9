package dev.dragoman.bench;

import dev.dragoman.bench.SimBatch.Run;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.ratelimit.RateLimitHeaders;
import dev.dragoman.core.ratelimit.RateLimiter;
import dev.dragoman.core.testing.sim.Latency;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Learning the server's rate (issue 17): {@code dragoman batch --translate-to en} (in process, through {@link Main})
 * against the simulated DeepL-shaped backend limiting at R requests per rolling second, with more jobs than R allows,
 * and no client-side limit configured — the limiter has to learn R from the 429s. Goals: at most a few percent of
 * requests answered 429 (≤ 5 %), and the run within 1.10 × N ÷ R (N = articles, one request each).
 *
 * <p>Scenarios: the (339 stories, R = 12/s, jobs 8, latency 250 ms: 32 requests/s offered) and a faster one
 * (1,000 stories, R = 50/s, jobs 16, latency 100 ms: 160/s offered). {@code -Dratelimit.articles=N} shortens both.
 */
public final class RateLimitBenchmark {

    private static final Integer ARTICLES = Integer.getInteger("ratelimit.articles");

    private RateLimitBenchmark() {}

    private record Scenario(int articles, int rate, int jobs, Duration latency) {}

    public static void main(String[] args) throws Exception {
        List<Scenario> scenarios = List.of(
                new Scenario(ARTICLES == null ? 339 : ARTICLES, 12, 8, Duration.ofMillis(250)),
                new Scenario(ARTICLES == null ? 1000 : ARTICLES, 50, 16, Duration.ofMillis(100)));
        StringBuilder md = new StringBuilder("## Learning the server's rate (RateLimitBenchmark)\n\n");
        md.append(
                        "Command: `bench/run.sh RateLimitBenchmark`. Generated Arabic wire stories (`WireCorpus`, seed 2024, ")
                .append("one DeepL request each) through `dragoman batch --translate-to en` in process, against the ")
                .append("simulated DeepL-shaped backend limiting at R accepted requests per rolling second (429 with ")
                .append("`Retry-After` and `retry-after-ms` beyond it); no `requests-per-minute` configured. ")
                .append(LoadAverage.describe())
                .append("\n\n")
                .append(
                        "| articles N | server limit R/s | jobs | latency ms | offered req/s | requests | 429s | 429 share "
                                + "(goal ≤ 5 %) | wall s | N ÷ R s | wall ÷ (N ÷ R) (goal ≤ 1.10) | exit |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scenario s : scenarios) {
            Path work = Files.createTempDirectory("dragoman-ratelimit");
            try (SimulatedBackend sim = SimulatedBackend.start(
                    SimConfig.defaults().withLatency(Latency.fixed(s.latency())).withRateLimitPerSecond(s.rate()))) {
                Path in = work.resolve("in");
                WireCorpus.writeWire(WireCorpus.generate(s.articles(), 2024), in);
                Run r = run(sim, in, work.resolve("out"), work.resolve("cache.db"), s.jobs());
                double bound = s.articles() / (double) s.rate();
                double share = r.requests() == 0 ? 0 : (double) r.rateLimited() / r.requests();
                md.append(String.format(
                        Locale.ROOT,
                        "| %d | %d | %d | %d | %.0f | %d | %d | %.1f %% %s | %.2f | %.2f | %.3f %s | %d |%n",
                        s.articles(),
                        s.rate(),
                        s.jobs(),
                        s.latency().toMillis(),
                        s.jobs() * 1000.0 / s.latency().toMillis(),
                        r.requests(),
                        r.rateLimited(),
                        share * 100,
                        share <= 0.05 ? "met" : "missed",
                        r.seconds(),
                        bound,
                        r.seconds() / bound,
                        r.seconds() / bound <= 1.10 ? "met" : "missed",
                        r.exit()));
                if (r.exit() != 0 || r.outputs() != s.articles()) {
                    md.append("\nnote: exit ")
                            .append(r.exit())
                            .append(", ")
                            .append(r.outputs())
                            .append(" outputs; stderr tail:\n\n```\n")
                            .append(tail(r.err()))
                            .append("\n```\n\n");
                }
            } finally {
                deleteTree(work);
            }
        }
        md.append(
                        "\nThe limiter alone (`RateLimiter.call` from `jobs` threads against an in-process per-second window ")
                .append("that sleeps the latency; a refused call waits max(1 s, Retry-After) and is sent again): what ")
                .append(
                        "the learning costs without the batch's CPU work, which a loaded machine turns into wall time.\n\n")
                .append(
                        "| N | R/s | jobs | latency ms | server states its budget | requests | 429s | 429 share (goal ≤ 5 %) "
                                + "| wall s | wall ÷ (N ÷ R) (goal ≤ 1.10) |\n"
                                + "|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (Scenario s : scenarios) {
            for (boolean states : new boolean[] {false, true}) {
                LimiterOnly r = limiterOnly(s, states);
                double bound = s.articles() / (double) s.rate();
                double share = (double) r.refused / (r.accepted + r.refused);
                md.append(String.format(
                        Locale.ROOT,
                        "| %d | %d | %d | %d | %s | %d | %d | %.1f %% %s | %.2f | %.3f %s |%n",
                        s.articles(),
                        s.rate(),
                        s.jobs(),
                        s.latency().toMillis(),
                        states ? "yes (`x-ratelimit-remaining/reset-requests` → `observe`)" : "no (429s only)",
                        r.accepted + r.refused,
                        r.refused,
                        share * 100,
                        share <= 0.05 ? "met" : "missed",
                        r.seconds(),
                        r.seconds() / bound,
                        r.seconds() / bound <= 1.10 ? "met" : "missed"));
            }
        }
        md.append("\nRequests and 429s are what the simulator received and answered; the wall time is the whole ")
                .append("`batch` command in process (configuration, SQLite cache, reading, outputs, digest; no JVM ")
                .append("start). Bound N ÷ R: the fewest seconds N accepted requests take at R per second.\n");
        System.out.print(md);
    }

    private record LimiterOnly(int accepted, int refused, double seconds) {}

    /**
     * {@code s.articles()} calls through one learning limiter from {@code s.jobs()} threads; see the table text. With
     * {@code states}, every accepted answer also states the budget left in the server's window (requests remaining,
     * time until the oldest leaves it), reported to the limiter as the backend client's interceptor does.
     */
    private static LimiterOnly limiterOnly(Scenario s, boolean states) throws InterruptedException {
        RateLimiter limiter = RateLimiter.unlimited();
        ArrayDeque<Long> window = new ArrayDeque<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Supplier<String> server = () -> {
            long now = System.nanoTime();
            Long full = null;
            RateLimitHeaders stated;
            synchronized (window) {
                while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                    window.pollFirst();
                }
                if (window.size() >= s.rate()) {
                    full = window.peekFirst();
                } else {
                    window.addLast(now);
                }
                stated = new RateLimitHeaders(
                        Math.max(0, s.rate() - window.size()),
                        Duration.ofNanos(Math.max(0, window.peekFirst() + 1_000_000_000L - now)));
            }
            if (full != null) {
                refused.incrementAndGet();
                throw new RateLimitedException("429", Duration.ofNanos(full + 1_000_000_000L - now));
            }
            sleep(s.latency());
            if (states) {
                limiter.observe(stated);
            }
            accepted.incrementAndGet();
            return "ok";
        };
        ExecutorService pool = Executors.newFixedThreadPool(s.jobs());
        long start = System.nanoTime();
        for (int j = 0; j < s.jobs(); j++) {
            pool.submit(() -> {
                while (next.getAndIncrement() < s.articles()) {
                    while (true) {
                        try {
                            limiter.call(0, server);
                            break;
                        } catch (RateLimitedException e) {
                            Duration asked = e.retryAfter().orElse(Duration.ZERO);
                            sleep(asked.compareTo(Duration.ofSeconds(1)) > 0 ? asked : Duration.ofSeconds(1));
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        return new LimiterOnly(accepted.get(), refused.get(), (System.nanoTime() - start) / 1e9);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Run run(SimulatedBackend sim, Path in, Path out, Path cache, int jobs) throws IOException {
        Files.createDirectories(out.getParent());
        return SimBatch.run(sim, in, out, cache, jobs, null);
    }

    private static String tail(String s) {
        String[] lines = s.split("\n");
        return String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 8), lines.length));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

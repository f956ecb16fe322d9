package dev.dragoman.bench;

import dev.dragoman.bench.SimBatch.Run;
import dev.dragoman.core.testing.sim.Latency;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import dev.dragoman.pipeline.batch.BatchEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Batch throughput against the physical bound: 1,000 generated Arabic wire stories through {@code dragoman batch}
 * (in process, through the pipeline's {@link BatchEngine} — the engine {@code dragoman batch} maps its flags onto — with the backend built from a spec as the CLI builds it) against the simulated DeepL-shaped backend at a fixed 100 ms latency.
 *
 * <ol>
 *   <li>{@code --jobs} 1, 4, 16, 64, cold cache: wall ÷ bound, bound = max(requests × latency / jobs,
 *       requests ÷ rate limit) with the requests the backend actually received; goal ≤ 1.05.</li>
 *   <li>The backend's rate limit below the offered load (jobs 16 offer 160 requests/s; the backend accepts 50/s):
 *       429s seen, requests wasted, wall ÷ bound — once relying on 429 + Retry-After alone, once with the
 *       client-side limiter configured to the backend's rate.</li>
 *   <li>Warm re-runs: the same batch into a fresh output directory with the warm cache, and the same command
 *       again (the journal): backend requests (goal 0) and speed-up over the cold run (goal ≥ 50×).</li>
 * </ol>
 */
public final class ThroughputBenchmark {

    private static final int ARTICLES = Integer.getInteger("throughput.articles", 1000);
    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final int RATE = 50;

    private ThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("dragoman-throughput");
        StringBuilder md = new StringBuilder("## Batch throughput (ThroughputBenchmark)\n\n");
        md.append("Command: `bench/run.sh ThroughputBenchmark`. ")
                .append(ARTICLES)
                .append(
                        " generated Arabic wire stories (`WireCorpus`, seed 2024; headline + 3–5 paragraphs each) through the ")
                .append(
                        "pipeline's `BatchEngine` (what `dragoman batch --translate-to en` runs), against the simulated DeepL-shaped backend ")
                .append("(`SimulatedBackend`) at a fixed ")
                .append(LATENCY.toMillis())
                .append(" ms latency, SQLite cache. Requests are those the backend received. ")
                .append(LoadAverage.describe())
                .append("\n\n");
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults().withLatency(Latency.fixed(LATENCY)))) {
            List<WireCorpus.Item> corpus = WireCorpus.generate(ARTICLES, 2024);
            Path in = work.resolve("in");
            WireCorpus.writeWire(corpus, in);

            md.append("| run | jobs | requests | 429s | wall s | bound s | wall ÷ bound | goal |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---|\n");
            double cold16 = 0;
            Path cache16 = null;
            Path out16 = null;
            for (int jobs : new int[] {1, 4, 16, 64}) {
                Path cache = work.resolve("cache-" + jobs + ".db");
                Path out = work.resolve("out-" + jobs);
                Run r = run(sim, in, out, cache, jobs, null);
                double bound = r.requests() * LATENCY.toMillis() / 1000.0 / jobs;
                row(md, "cold", jobs, r, bound, "≤ 1.05");
                if (jobs == 16) {
                    cold16 = r.seconds();
                    cache16 = cache;
                    out16 = out;
                }
            }

            // the same batch with a backend that answers at once: what the batch's own work costs per article
            sim.reconfigure(sim.config().withLatency(Latency.none()));
            Run local1 = run(sim, in, work.resolve("out-l1"), work.resolve("cache-l1.db"), 1, null);
            Run local64 = run(sim, in, work.resolve("out-l64"), work.resolve("cache-l64.db"), 64, null);
            sim.reconfigure(sim.config().withLatency(Latency.fixed(LATENCY)));
            md.append(String.format(
                    Locale.ROOT,
                    "| local work only (latency 0) | 1 | %d | %d | %.2f | – | %.1f ms/article | – |%n",
                    local1.requests(),
                    local1.rateLimited(),
                    local1.seconds(),
                    local1.seconds() * 1000 / ARTICLES));
            md.append(String.format(
                    Locale.ROOT,
                    "| local work only (latency 0) | 64 | %d | %d | %.2f | – | %.1f ms/article | – |%n",
                    local64.requests(),
                    local64.rateLimited(),
                    local64.seconds(),
                    local64.seconds() * 1000 / ARTICLES));

            sim.reconfigure(sim.config().withRateLimitPerSecond(RATE));
            Run limited = run(sim, in, work.resolve("out-rl"), work.resolve("cache-rl.db"), 16, null);
            int accepted = limited.requests() - limited.rateLimited();
            row(
                    md,
                    "rate limit " + RATE + "/s, 429 + Retry-After only",
                    16,
                    limited,
                    Math.max(accepted * LATENCY.toMillis() / 1000.0 / 16, accepted / (double) RATE),
                    "report");
            Run paced = run(sim, in, work.resolve("out-rl2"), work.resolve("cache-rl2.db"), 16, RATE * 60);
            int accepted2 = paced.requests() - paced.rateLimited();
            row(
                    md,
                    "rate limit " + RATE + "/s, client limiter " + RATE * 60 + "/min",
                    16,
                    paced,
                    Math.max(accepted2 * LATENCY.toMillis() / 1000.0 / 16, accepted2 / (double) RATE),
                    "report");
            sim.reconfigure(sim.config().withRateLimitPerSecond(0));

            Run warm = run(sim, in, work.resolve("out-warm"), cache16, 16, null);
            Run again = run(sim, in, out16, cache16, 16, null);
            md.append(
                            "\n| warm re-run (jobs 16) | backend requests (goal 0) | wall s | speed-up over cold (goal ≥ 50×) | exit |\n")
                    .append("|---|---:|---:|---:|---:|\n");
            md.append(String.format(
                    Locale.ROOT,
                    "| fresh --out, warm cache | %d | %.2f | %.0f× | %d |%n",
                    warm.requests(),
                    warm.seconds(),
                    cold16 / warm.seconds(),
                    warm.exit()));
            md.append(String.format(
                    Locale.ROOT,
                    "| same command again (journal) | %d | %.2f | %.0f× | %d |%n",
                    again.requests(),
                    again.seconds(),
                    cold16 / again.seconds(),
                    again.exit()));
            md.append(
                            "\n429s: responses 429 (each a wasted request: it did no work). Bound for the rate-limited rows: ")
                    .append("max(accepted × latency / jobs, accepted ÷ rate), accepted = requests − 429s.\n");
        } finally {
            deleteTree(work);
        }
        System.out.print(md);
    }

    private static Run run(SimulatedBackend sim, Path in, Path out, Path cache, int jobs, Integer clientRpm)
            throws IOException {
        Run r = SimBatch.run(sim, in, out, cache, jobs, clientRpm);
        if (r.exit() != 0 || r.outputs() != ARTICLES) {
            System.err.println("throughput run (jobs " + jobs + ") exit " + r.exit() + ", outputs " + r.outputs()
                    + ":\n" + tail(r.err()));
        }
        return r;
    }

    private static void row(StringBuilder md, String label, int jobs, Run r, double bound, String goal) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %.2f | %.2f | %.3f | %s |%n",
                label,
                jobs,
                r.requests(),
                r.rateLimited(),
                r.seconds(),
                bound,
                r.seconds() / bound,
                goal.equals("≤ 1.05") ? (r.seconds() / bound <= 1.05 ? "≤ 1.05 met" : "≤ 1.05 missed") : goal));
        if (r.exit() != 0 || r.outputs() != ARTICLES) {
            md.append("|  ↳ exit ")
                    .append(r.exit())
                    .append(", ")
                    .append(r.outputs())
                    .append(" outputs | | | | | | | |\n");
        }
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

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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Batch throughput against the physical bound, as issue 17 states its goals: 1,000 generated Arabic wire stories
 * through {@code dragoman batch --translate-to en} (in process, through the pipeline's {@link BatchEngine} — the
 * engine {@code dragoman batch} maps its flags onto — with the backend built from a spec as the CLI builds it)
 * against the simulated DeepL-shaped backend at a fixed 250 ms latency, {@code --jobs} 8 and 64.
 *
 * <ol>
 *   <li>Cold (fresh cache, fresh output folder): wall ÷ bound, bound = requests × latency ÷ jobs with the requests
 *       the backend actually received; goal ≤ 1.05.</li>
 *   <li>Warm re-run into a new output folder (the cold row's cache): backend requests (goal 0) and the speed-up over
 *       the cold row of the same jobs (goal ≥ 20×).</li>
 *   <li>The same command again (the journal skips unchanged inputs unread): reported.</li>
 *   <li>The same batch against a backend answering at once: the batch's own local work, wall and CPU.</li>
 * </ol>
 *
 * <p>{@code -Dthroughput.articles=N}, {@code -Dthroughput.jobs=8,64}, {@code -Dthroughput.latency=250} (ms) for
 * shorter runs. The rate-limited rows moved to {@link RateLimitBenchmark}.
 */
public final class ThroughputBenchmark {

    private static final int ARTICLES = Integer.getInteger("throughput.articles", 1000);
    private static final Duration LATENCY = Duration.ofMillis(Integer.getInteger("throughput.latency", 250));
    private static final int[] JOBS = Arrays.stream(
                    System.getProperty("throughput.jobs", "8,64").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim()))
            .toArray();

    private ThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("dragoman-throughput");
        StringBuilder md = new StringBuilder("## Batch throughput (ThroughputBenchmark)\n\n");
        md.append("Command: `bench/run.sh ThroughputBenchmark`. ")
                .append(ARTICLES)
                .append(" generated Arabic wire stories (`WireCorpus`, seed 2024; headline + 3–5 paragraphs, one")
                .append(" DeepL request each) through the pipeline's `BatchEngine` (what `dragoman batch")
                .append(" --translate-to en --format json` runs), against the simulated DeepL-shaped backend")
                .append(" (`SimulatedBackend`) at a fixed ")
                .append(LATENCY.toMillis())
                .append(" ms latency, SQLite cache, each cold row with a fresh cache and output folder. Requests are")
                .append(" those the backend received; CPU is the whole JVM's (process CPU time). ")
                .append(LoadAverage.describe())
                .append("\n\n");
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults().withLatency(Latency.fixed(LATENCY)))) {
            List<WireCorpus.Item> corpus = WireCorpus.generate(ARTICLES, 2024);
            Path in = work.resolve("in");
            WireCorpus.writeWire(corpus, in);
            // a batch of other articles first, against a backend answering at once, so the rows below do not pay
            // for class loading and the first compilations (a CLI run's start is BatchBenchmark's and startup.sh's)
            sim.reconfigure(sim.config().withLatency(Latency.none()));
            Path warmIn = work.resolve("jit-in");
            WireCorpus.writeWire(WireCorpus.generate(ARTICLES, 7), warmIn);
            run(sim, warmIn, work.resolve("jit-out"), work.resolve("jit.db"), JOBS[0], ARTICLES);

            md.append("| run | jobs | requests | 429s | wall s | CPU s | bound s | wall ÷ bound | goal |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
            // the same batch with a backend that answers at once: what the batch's own work costs per article
            for (int jobs : JOBS) {
                Run local = run(
                        sim,
                        in,
                        work.resolve("out-local-" + jobs),
                        work.resolve("cache-local-" + jobs + ".db"),
                        jobs,
                        ARTICLES);
                row(md, "local work only (latency 0)", jobs, local, "–", Double.NaN, false);
            }
            sim.reconfigure(sim.config().withLatency(Latency.fixed(LATENCY)));
            StringBuilder warmRows = new StringBuilder();
            for (int jobs : JOBS) {
                Path cache = work.resolve("cache-" + jobs + ".db");
                Path out = work.resolve("out-" + jobs);
                Run cold = run(sim, in, out, cache, jobs, ARTICLES);
                double bound = cold.requests() * LATENCY.toMillis() / 1000.0 / jobs;
                double ratio = cold.seconds() / bound;
                row(md, "cold", jobs, cold, String.format(Locale.ROOT, "%.2f", bound), ratio, ratio <= 1.05);
                Run warm = run(sim, in, work.resolve("out-warm-" + jobs), cache, jobs, ARTICLES);
                double speedUp = cold.seconds() / warm.seconds();
                warmRows.append(String.format(
                        Locale.ROOT,
                        "| warm cache, new output folder | %d | %d | %.2f | %.2f | %.1f× | ≥ 20× %s |%n",
                        jobs,
                        warm.requests(),
                        warm.seconds(),
                        warm.cpuSeconds(),
                        speedUp,
                        speedUp >= 20 && warm.requests() == 0 ? "met" : "missed"));
                Run again = run(sim, in, out, cache, jobs, ARTICLES);
                warmRows.append(String.format(
                        Locale.ROOT,
                        "| the same command again (journal) | %d | %d | %.2f | %.2f | %.1f× | (report) |%n",
                        jobs,
                        again.requests(),
                        again.seconds(),
                        again.cpuSeconds(),
                        cold.seconds() / again.seconds()));
            }
            md.append(
                            "\n| warm re-run | jobs | backend requests (goal 0) | wall s | CPU s | speed-up over cold | goal |\n")
                    .append("|---|---:|---:|---:|---:|---:|---|\n")
                    .append(warmRows);
            md.append("\nBound: requests × latency ÷ jobs. Local work only: ms per article = wall ÷ articles.\n");
        } finally {
            deleteTree(work);
        }
        System.out.print(md);
    }

    private static Run run(SimulatedBackend sim, Path in, Path out, Path cache, int jobs, int expected)
            throws IOException {
        Run r = SimBatch.run(sim, in, out, cache, jobs, null);
        if (r.exit() != 0 || r.outputs() != expected) {
            System.err.println("throughput run (jobs " + jobs + ") exit " + r.exit() + ", outputs " + r.outputs()
                    + ":\n" + tail(r.err()));
        }
        return r;
    }

    private static void row(StringBuilder md, String label, int jobs, Run r, String bound, double ratio, boolean met) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %.2f | %.2f | %s | %s | %s |%n",
                label,
                jobs,
                r.requests(),
                r.rateLimited(),
                r.seconds(),
                r.cpuSeconds(),
                bound,
                Double.isNaN(ratio)
                        ? String.format(Locale.ROOT, "%.1f ms/article", r.seconds() * 1000 / ARTICLES)
                        : String.format(Locale.ROOT, "%.3f", ratio),
                Double.isNaN(ratio) ? "–" : met ? "≤ 1.05 met" : "≤ 1.05 missed"));
        if (r.exit() != 0 || r.outputs() != ARTICLES) {
            md.append("|  ↳ exit ")
                    .append(r.exit())
                    .append(", ")
                    .append(r.outputs())
                    .append(" outputs | | | | | | | | |\n");
        }
    }

    private static String tail(String s) {
        String[] lines = s.split("\n");
        return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - 8), lines.length));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

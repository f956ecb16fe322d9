package dev.dragoman.bench;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.store.CacheStoreSpec;
import dev.dragoman.core.cache.store.CacheStores;
import dev.dragoman.core.ratelimit.redis.RedisRateLimits;
import dev.dragoman.core.testing.RedisServerExtension;
import dev.dragoman.core.testing.sim.Latency;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import dev.dragoman.flink.FlinkBatchSpec;
import dev.dragoman.flink.LocalFlink;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.backend.RunBackends;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.batch.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The batch as a Flink job at 1, 2 and 4 slots against the simulated DeepL-shaped backend at a fixed latency, with
 * the backend's rate limit shared through a real Redis (the result cache too, a fresh database per run): wall time
 * against the bound once the job is running, the job's start-up (cluster start, submission, until the first backend
 * request) reported apart, and the local batch on the same work with as many calls in flight.
 *
 * <p>Bound = max(requests × latency ÷ calls in flight, requests ÷ rate), with the requests the backend received;
 * calls in flight = slots × the in-flight limit per task. Needs {@code redis-server} on the PATH.
 */
public final class FlinkBenchmark {

    private static final int ARTICLES = Integer.getInteger("flink.articles", 600);
    private static final Duration LATENCY = Duration.ofMillis(100);
    private static final int IN_FLIGHT = 4;
    private static final int RPM = 9000; // 150 requests a second, shared by every task
    /** The sink commits on checkpoints, so a job ends at the first checkpoint after its last item. */
    private static final Duration CHECKPOINT = Duration.ofMillis(500);
    /** The first job in the JVM, reported apart: the JIT compiles while it runs. */
    private static final int WARM_UP_SLOTS = 4;

    private FlinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (System.getenv("DRAGOMAN_BENCH_SIM_KEY") == null) {
            throw new IllegalStateException("set DRAGOMAN_BENCH_SIM_KEY (bench/run.sh does): the Flink workers read"
                    + " the simulated backend's key from their environment");
        }
        Path work = Files.createTempDirectory("dragoman-flink-bench");
        StringBuilder md = new StringBuilder("## The batch on Flink: 1, 2 and 4 slots (FlinkBenchmark)\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Command: `bench/run.sh FlinkBenchmark` (`JAVA_TOOL_OPTIONS=-Dflink.articles=N` for another size). %d generated Arabic wire stories"
                        + " (`WireCorpus`, seed 2024) translated to English, against the simulated DeepL-shaped backend at"
                        + " a fixed %d ms latency, limited to %d requests a minute shared through a real Redis"
                        + " (`rateLimitUrl`); Redis result cache, a fresh database per run; %d calls in flight per task."
                        + " Flink: an embedded cluster (`LocalFlink`, one task manager with as many slots), started per"
                        + " row; checkpoints every %d ms. %s%n%n",
                ARTICLES,
                LATENCY.toMillis(),
                RPM,
                IN_FLIGHT,
                CHECKPOINT.toMillis(),
                LoadAverage.describe()));
        // the tests' Redis harness, outside JUnit (it reads nothing from the context): a free port, no persistence
        RedisServerExtension redis = new RedisServerExtension();
        redis.beforeAll(null);
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults().withLatency(Latency.fixed(LATENCY)))) {
            Path in = work.resolve("in");
            WireCorpus.writeWire(WireCorpus.generate(ARTICLES, 2024), in);
            md.append("| engine | slots | calls in flight | requests | 429s | start-up s | running s | bound s |"
                            + " running ÷ bound | goal ≤ 1.10 | total s |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
            int db = 1;
            // the first job in a fresh JVM runs while the JIT compiles Flink's runtime and the step's stack (about
            // 10 s of compiler CPU on these 2 cores): reported in its own row, then every row below runs warm
            sim.resetStats();
            long w0 = System.nanoTime();
            int warmDone;
            long w1;
            try (LocalFlink flink = LocalFlink.start(1, WARM_UP_SLOTS)) {
                warmDone = flink.run(spec(sim, in, work.resolve("flink-first"), redis, db++), WARM_UP_SLOTS)
                        .report()
                        .done();
                w1 = System.nanoTime();
            }
            row(md, "flink, first job in the JVM", WARM_UP_SLOTS, sim, w0, w1, warmDone);
            for (int slots : new int[] {1, 2, 4}) {
                sim.resetStats();
                FlinkBatchSpec spec = spec(sim, in, work.resolve("flink-" + slots), redis, db++);
                long t0 = System.nanoTime();
                int done;
                long t1;
                try (LocalFlink flink = LocalFlink.start(1, slots)) {
                    done = flink.run(spec, slots).report().done();
                    t1 = System.nanoTime(); // the cluster's shutdown is not the run's
                }
                row(md, "flink", slots, sim, t0, t1, done);
            }
            for (int slots : new int[] {1, 2, 4}) {
                sim.resetStats();
                FlinkBatchSpec spec = spec(sim, in, work.resolve("local-" + slots), redis, db++);
                long t0 = System.nanoTime();
                int done = runLocally(spec, slots * IN_FLIGHT, redis, db - 1).done();
                row(md, "local", slots, sim, t0, System.nanoTime(), done);
            }
        } finally {
            redis.afterAll(null);
        }
        md.append("\nStart-up: from the run's start (the Flink rows: before the embedded cluster starts) to the first"
                        + " backend request. Running: first backend request to the end of the run (digest written)."
                        + " The first row is the first job in this JVM (the JIT compiling beside it); the rows after it"
                        + " run warm. The local rows run `BatchEngine` with `--jobs` = slots × ")
                .append(IN_FLIGHT)
                .append(".\n");
        System.out.print(md);
    }

    private static FlinkBatchSpec spec(SimulatedBackend sim, Path in, Path out, RedisServerExtension redis, int db) {
        String url = "redis://" + redis.host() + ":" + redis.port() + "/" + db;
        BackendSpec deepl = BackendSpec.of("deepl")
                .withBaseUrl(sim.baseUrl())
                .withKeyVariable("DRAGOMAN_BENCH_SIM_KEY")
                .withLimits(new BackendSpec.Limits(RPM, 0, 0));
        return FlinkBatchSpec.of(List.of(in.toString()), out)
                .withTranslation(Language.ENGLISH, deepl)
                .withCache(CacheStoreSpec.of("redis").withUrl(url))
                .withRateLimit(url)
                .withCheckpointInterval(CHECKPOINT)
                .withInFlight(IN_FLIGHT);
    }

    /** The local batch with the same backend, cache and shared rate limit, and {@code jobs} calls in flight. */
    private static RunReport runLocally(FlinkBatchSpec spec, int jobs, RedisServerExtension redis, int db) {
        String url = "redis://" + redis.host() + ":" + redis.port() + "/" + db;
        try (ResultCache store =
                        CacheStores.load(FlinkBenchmark.class.getClassLoader()).open(spec.cache());
                RedisRateLimits limits = RedisRateLimits.open(url)) {
            Backends backends = Backends.load()
                    .withVariables(System.getenv())
                    .withCache(store)
                    .withRateLimits(limits);
            RunBackends built = RunBackends.build(backends, spec.translate(), null);
            BatchOptions options = BatchOptions.of(spec.inputs(), Path.of(spec.out()))
                    .withTranslateTo(Language.ENGLISH)
                    .withJobs(jobs)
                    .withFormats(Set.of(BatchOptions.ArticleFormat.JSON))
                    .withBackends(built.description());
            return BatchEngine.builder(options)
                    .translator(built.translator())
                    .build()
                    .run(BatchListener.NONE, false);
        }
    }

    private static void row(
            StringBuilder md, String engine, int slots, SimulatedBackend sim, long t0, long t1, int done) {
        List<Long> at = sim.arrivals();
        if (done != ARTICLES || at.isEmpty()) {
            throw new IllegalStateException(engine + " at " + slots + " slots finished " + done + " of " + ARTICLES
                    + " articles with " + at.size() + " requests");
        }
        int requests = at.size();
        int inFlight = slots * IN_FLIGHT;
        double bound = Math.max(requests * LATENCY.toMillis() / 1000.0 / inFlight, requests / (RPM / 60.0));
        double startup = (at.get(0) - t0) / 1e9;
        double running = (t1 - at.get(0)) / 1e9;
        double ratio = running / bound;
        md.append(String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %d | %.2f | %.2f | %.2f | %.3f | %s | %.2f |%n",
                engine,
                slots,
                inFlight,
                requests,
                sim.stats().status(429),
                startup,
                running,
                bound,
                ratio,
                ratio <= 1.10 ? "met" : String.format(Locale.ROOT, "missed by %.0f %%", (ratio - 1.10) * 100 / 1.10),
                (t1 - t0) / 1e9));
    }
}

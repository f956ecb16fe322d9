package dev.dragoman.bench;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.sqlite.SqliteResultCache;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.batch.JobsGate;
import dev.dragoman.pipeline.batch.RunReport;
import dev.dragoman.pipeline.config.BackendTypes;
import dev.dragoman.translate.TranslationBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * One batch translation to English against the simulated DeepL-shaped backend, through the pipeline's Java API: the
 * {@link BatchEngine} that {@code dragoman batch} maps its flags onto, the backend built from a {@link BackendSpec} by
 * {@link Backends} as the CLI builds it (30 s timeout, an optional client-side limit, the SQLite per-segment cache).
 */
final class SimBatch {

    private SimBatch() {}

    /** One run: the backend's requests and 429s, wall and process CPU seconds, exit code, JSON outputs, failures. */
    record Run(int requests, int rateLimited, double seconds, double cpuSeconds, int exit, int outputs, String err) {}

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static Run run(SimulatedBackend sim, Path in, Path out, Path cache, int jobs, Integer clientRpm)
            throws IOException {
        // the CLI's wiring for this configuration: a DeepL-type spec at the simulator, 30 s timeout, the client-side
        // limit when given, behind the SQLite per-segment cache; the batch through the pipeline's engine
        BackendSpec spec = BackendSpec.of("deepl")
                .withBaseUrl(sim.baseUrl())
                .withTimeout(Duration.ofSeconds(30))
                .withLimits(clientRpm == null ? BackendSpec.Limits.NONE : new BackendSpec.Limits(clientRpm, 0, 0));
        sim.resetStats();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        int exit;
        String err = "";
        try (SqliteResultCache store = SqliteResultCache.open(cache)) {
            // as dragoman batch: --jobs gates the backend's HTTP requests only
            JobsGate gate = JobsGate.of(jobs);
            OkHttpClient http = gate.around(BackendTypes.http());
            TranslationBackend backend = Backends.load()
                    .withVariables(Map.of("DEEPL_AUTH_KEY", "sim-key:fx"))
                    .withHttp(() -> http)
                    .withCache(store)
                    .cachedTranslator(spec);
            RunReport report = BatchEngine.builder(BatchOptions.of(List.of(in.toString()), out)
                            .withTranslateTo(Language.ENGLISH)
                            .withJobs(jobs)
                            .withFormats(Set.of(BatchOptions.ArticleFormat.JSON))
                            .withBackends("translate=deepl"))
                    .translator(backend)
                    .gate(gate)
                    .build()
                    .run(BatchListener.NONE, false);
            exit = report.exitCode();
            err = report.failures().toString();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        SimulatedBackend.Stats stats = sim.stats();
        int outputs;
        try (Stream<Path> files = Files.list(out.resolve("articles"))) {
            outputs = (int) files.filter(p -> p.toString().endsWith(".json")).count();
        } catch (IOException e) {
            outputs = 0;
        }
        return new Run(stats.requests(), stats.status(429), seconds, cpuSeconds, exit, outputs, err);
    }
}

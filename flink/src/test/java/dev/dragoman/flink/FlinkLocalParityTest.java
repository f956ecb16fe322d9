package dev.dragoman.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.store.CacheStoreSpec;
import dev.dragoman.core.cache.store.CacheStores;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.ratelimit.redis.RedisRateLimits;
import dev.dragoman.core.testing.RedisServerExtension;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.backend.RunBackends;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.RunReport;
import dev.dragoman.pipeline.schedule.BatchJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance run: 1,000 generated articles through the simulated DeepL-shaped backend, once by the local
 * batch and once by the Flink job on two task managers with two slots each, its workers sharing a real Redis as result
 * cache and as the backend's rate limit. The Flink job writes every article exactly once, each document the same as
 * the local batch's, sends no segment of a story twice across workers, and keeps the combined request rate within
 * the configured limit.
 */
class FlinkLocalParityTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    /**
     * The shared limit: 12,000 requests a minute (200 a second, a burst of 200), which the job's 16 calls in flight
     * would far exceed against this backend (it answers in about a millisecond).
     */
    private static final int RPM = 12000;

    @TempDir
    Path dir;

    @Test
    void should_write_what_the_local_batch_writes_once_per_article_within_the_shared_rate() throws IOException {
        // given
        List<WireCorpus.Item> stories = WireCorpus.generate(1000, 23);
        Path in = dir.resolve("in");
        WireCorpus.writeWire(stories, in);
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults())) {
            RunReport local = runLocally(spec(sim, in, dir.resolve("local"), 1));
            sim.resetStats();

            // when
            BatchJob.Run flink;
            try (LocalFlink cluster = LocalFlink.start(2, 2)) {
                flink = cluster.run(spec(sim, in, dir.resolve("flink"), 2).withRateLimit(redis(2)), 4);
            }

            // then: every article once, as the local batch wrote it
            assertThat(local.done()).isEqualTo(stories.size());
            assertThat(flink.report().done()).isEqualTo(stories.size());
            assertThat(flink.report().failed()).isZero();
            Map<String, JsonNode> fromFlink = FlinkBatchTest.results(dir.resolve("flink"));
            Map<String, JsonNode> fromLocal = localDocuments(dir.resolve("local"));
            assertThat(fromFlink.keySet()).isEqualTo(fromLocal.keySet()).hasSize(stories.size());
            fromLocal.forEach((id, doc) ->
                    assertThat(comparable(fromFlink.get(id))).as(id).isEqualTo(comparable(doc)));
            // no segment of a story's own sent twice across the workers
            FlinkBatchTest.assertEachStorySegmentSentOnce(stories, sim);
            assertThat(sim.stats().status(429)).isZero();
            assertWithinRate(sim.arrivals());
        }
    }

    /** The batch's options on the simulator; each run its own Redis database as cache, so each pays in full. */
    private static FlinkBatchSpec spec(SimulatedBackend sim, Path in, Path out, int db) {
        BackendSpec deepl = BackendSpec.of("deepl")
                .withBaseUrl(sim.baseUrl())
                .withKeyVariable("DRAGOMAN_TEST_SIM_KEY")
                .withTimeout(Duration.ofSeconds(10))
                .withLimits(new BackendSpec.Limits(RPM, 0, 0));
        return FlinkBatchSpec.of(List.of(in.toString()), out)
                .withTranslation(Language.ENGLISH, deepl)
                .withSummary(true, null)
                .withCache(CacheStoreSpec.of("redis").withUrl(redis(db)))
                .withCheckpointInterval(Duration.ofMillis(500))
                .withInFlight(4);
    }

    private static String redis(int db) {
        return "redis://127.0.0.1:" + REDIS.port() + "/" + db;
    }

    /** The same batch with the local engine: the same options (and so the same fingerprint), backends and cache. */
    private static RunReport runLocally(FlinkBatchSpec spec) {
        try (ResultCache store = CacheStores.load(FlinkLocalParityTest.class.getClassLoader())
                        .open(spec.cache());
                RedisRateLimits limits = RedisRateLimits.open(redis(1))) {
            Backends backends = Backends.load()
                    .withVariables(System.getenv())
                    .withCache(store)
                    .withRateLimits(limits);
            RunBackends built = RunBackends.build(backends, spec.translatorIfNeeded(), spec.summarizerOrDefault());
            BatchEngine engine = BatchEngine.builder(spec.options(built.description()))
                    .translator(built.translator())
                    .summarizer(built.summarizer())
                    .build();
            return engine.run(BatchListener.NONE, false);
        }
    }

    private static Map<String, JsonNode> localDocuments(Path out) throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        try (Stream<Path> files = Files.list(out.resolve("articles"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode doc = Json.mapper().readTree(Files.readString(p, StandardCharsets.UTF_8));
                byId.put(doc.path("id").asText(), doc);
            }
        }
        return byId;
    }

    /**
     * The document without what records the run rather than the article: when it was finished and its summary made,
     * and what its translation cost — a segment many stories share (the agency's source line) is paid for by
     * whichever article reaches it first, which depends on the order the workers run in.
     */
    private static JsonNode comparable(JsonNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.remove("batch");
        copy.remove("translationUsage");
        if (copy.path("summary") instanceof ObjectNode summary) {
            summary.remove("created");
        }
        return copy;
    }

    /**
     * Every window between two arrivals holds at most the burst plus the rate times its length, plus 5 requests of
     * slack for arrivals bunched by a busy machine (as {@code SharedRateLimitTest} checks); the run holds more than
     * a second's burst, so the limit had to act.
     */
    private static void assertWithinRate(List<Long> at) {
        double perNano = RPM / 60.0 / 1e9;
        long burst = RPM / 60;
        assertThat(at).hasSizeGreaterThan(2 * (int) burst);
        double worst = Double.NEGATIVE_INFINITY;
        String where = "";
        for (int i = 0; i < at.size(); i++) {
            for (int j = i + 1; j < at.size(); j++) {
                double excess = (j - i + 1) - (burst + perNano * (at.get(j) - at.get(i)) + 5);
                if (excess > worst) {
                    worst = excess;
                    where = "requests " + i + ".." + j + " within " + (at.get(j) - at.get(i)) / 1_000_000 + " ms";
                }
            }
        }
        assertThat(worst).as(where).isLessThanOrEqualTo(0);
    }
}

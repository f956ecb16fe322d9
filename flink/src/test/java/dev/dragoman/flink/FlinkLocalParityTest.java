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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance run, sized for CI: {@value #ARTICLES} generated articles (set {@code -Dflink.parity.articles}
 * for the full 1,000) through the simulated DeepL-shaped backend (no latency), once by the local batch and once by the
 * Flink job on two task managers with four slots each (two tasks on each), its workers sharing a real Redis as result
 * cache and as the backend's rate limit. Once a checkpoint is complete and more articles were sent, the first task
 * manager is killed: the job restarts from that checkpoint on the other one. It still writes every article exactly
 * once, each document the same as the local batch's; no segment of a story is sent twice across workers and restarts
 * except by the calls in flight at the kill (the redone articles find the rest in the cache); and the combined
 * request rate, before and after the restart, stays within the configured limit.
 */
class FlinkLocalParityTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    static final int ARTICLES = Integer.getInteger("flink.parity.articles", 300);

    /**
     * The shared limit: 3,000 requests a minute (50 a second, a burst of 50), which the job's 8 calls in flight would
     * far exceed against this backend (it answers in about a millisecond): a run of a few seconds, so the kill falls
     * mid-job.
     */
    private static final int RPM = 3000;

    private static final int PARALLELISM = 4;
    private static final int IN_FLIGHT = 2;

    @TempDir
    Path dir;

    @Test
    void should_write_what_the_local_batch_writes_once_per_article_within_the_shared_rate_across_a_kill()
            throws Exception {
        // given
        List<WireCorpus.Item> stories = WireCorpus.generate(ARTICLES, 23);
        Path in = dir.resolve("in");
        WireCorpus.writeWire(stories, in);
        Configuration spread = new Configuration();
        spread.set(
                TaskManagerOptions.TASK_MANAGER_LOAD_BALANCE_MODE, TaskManagerOptions.TaskManagerLoadBalanceMode.SLOTS);
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults())) {
            RunReport local = runLocally(spec(sim, in, dir.resolve("local"), 1));
            sim.resetStats();
            AtomicReference<JobID> job = new AtomicReference<>();
            CompletableFuture<Set<String>> kill = new CompletableFuture<>();

            // when: half-way through, the article being sent is held back (so the job cannot end) until a checkpoint is
            // complete and 20 more articles were sent, and the first task manager is killed
            BatchJob.Run flink;
            AccessExecutionGraph after;
            try (LocalFlink cluster = LocalFlink.start(2, PARALLELISM, spread)) {
                sim.onRequest(
                        stories.size() / 2, () -> killAfterACheckpoint(cluster.miniCluster(), job.get(), sim, kill));
                flink = cluster.run(
                        spec(sim, in, dir.resolve("flink"), 2).withRateLimit(redis(2)), PARALLELISM, job::set);
                after = cluster.miniCluster().getExecutionGraph(job.get()).get(30, TimeUnit.SECONDS);
            }

            // then: the job ran on both task managers and restarted from a checkpoint
            assertThat(kill).as("killed mid-job").isCompleted();
            Set<String> stepRanOn = kill.getNow(Set.of());
            assertThat(stepRanOn).as("task managers of the step's tasks").hasSize(2);
            assertThat(after.getCheckpointStatsSnapshot().getLatestRestoredCheckpoint())
                    .as("restored from a checkpoint")
                    .isNotNull();
            // every article once, as the local batch wrote it
            assertThat(local.done()).isEqualTo(stories.size());
            assertThat(flink.report().done()).isEqualTo(stories.size());
            assertThat(flink.report().failed()).isZero();
            Map<String, JsonNode> fromFlink = FlinkBatchTest.results(dir.resolve("flink"));
            Map<String, JsonNode> fromLocal = localDocuments(dir.resolve("local"));
            assertThat(fromFlink.keySet()).isEqualTo(fromLocal.keySet()).hasSize(stories.size());
            assertThat(FlinkBatchTest.lineCount(dir.resolve("flink"))).isEqualTo(stories.size());
            fromLocal.forEach((id, doc) ->
                    assertThat(comparable(fromFlink.get(id))).as(id).isEqualTo(comparable(doc)));
            // no segment of a story's own sent twice across the workers, but for the calls in flight at the kill
            assertThat(storiesSentTwice(stories, sim)).isLessThanOrEqualTo(PARALLELISM * IN_FLIGHT);
            assertThat(sim.stats().status(429)).isZero();
            assertWithinRate(sim.arrivals());
        }
    }

    /**
     * On the simulator's serving thread, holding back one request: waits for a completed checkpoint, notes where the
     * step's tasks run, waits for 20 more requests (articles sent after that checkpoint, which the restart redoes) and
     * kills the first task manager. Completes {@code done} with the task managers the step ran on before the kill.
     */
    private static void killAfterACheckpoint(
            MiniCluster cluster, JobID id, SimulatedBackend sim, CompletableFuture<Set<String>> done) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            AccessExecutionGraph graph = cluster.getExecutionGraph(id).get();
            while (graph.getCheckpointStatsSnapshot().getCounts().getNumberOfCompletedCheckpoints() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no checkpoint completed within 60 s");
                }
                Thread.sleep(10);
                graph = cluster.getExecutionGraph(id).get();
            }
            Set<String> where = new TreeSet<>();
            for (AccessExecutionVertex v : graph.getAllExecutionVertices()) {
                if (v.getTaskNameWithSubtaskIndex().contains("step")) {
                    where.add(v.getCurrentAssignedResourceLocation()
                            .getResourceID()
                            .toString());
                }
            }
            int sent = sim.stats().requests();
            while (sim.stats().requests() < sent + 20) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the job stopped sending after its checkpoint");
                }
                Thread.sleep(5);
            }
            cluster.terminateTaskManager(0).get();
            done.complete(where);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        } catch (ExecutionException | RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    /** How many stories had a segment of their own sent more than once (and fails on one never sent). */
    private static long storiesSentTwice(List<WireCorpus.Item> stories, SimulatedBackend sim) {
        long twice = 0;
        for (WireCorpus.Item story : stories) {
            boolean again = false;
            for (String segment : FlinkBatchTest.ownSegments(story)) {
                assertThat(sim.sendCount(segment)).as(segment).isPositive();
                again |= sim.sendCount(segment) > 1;
            }
            twice += again ? 1 : 0;
        }
        return twice;
    }

    /** The batch's options on the simulator; each run its own Redis database as cache, so each pays in full. */
    private static FlinkBatchSpec spec(SimulatedBackend sim, Path in, Path out, int db) {
        BackendSpec deepl = BackendSpec.of("deepl")
                .withBaseUrl(sim.baseUrl())
                .withKeyVariable("DRAGOMAN_TEST_SIM_KEY")
                .withTimeout(Duration.ofSeconds(120)) // longer than the held request waits for its checkpoint
                .withLimits(new BackendSpec.Limits(RPM, 0, 0));
        return FlinkBatchSpec.of(List.of(in.toString()), out)
                .withTranslation(Language.ENGLISH, deepl)
                .withSummary(true, null)
                .withCache(CacheStoreSpec.of("redis").withUrl(redis(db)))
                .withCheckpointInterval(Duration.ofMillis(300))
                .withInFlight(IN_FLIGHT);
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

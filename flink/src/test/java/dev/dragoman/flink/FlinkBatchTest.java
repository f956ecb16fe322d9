package dev.dragoman.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.store.CacheStoreSpec;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.RedisServerExtension;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import dev.dragoman.pipeline.schedule.BatchJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch on an embedded Flink cluster of two task managers with two slots each, against the simulated DeepL-shaped
 * backend, with a real local Redis as the shared result cache. The key reaches the workers only through their
 * environment ({@code DRAGOMAN_TEST_SIM_KEY}, set by the module's Surefire configuration).
 */
class FlinkBatchTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    static LocalFlink flink;

    @BeforeAll
    static void startCluster() {
        flink = LocalFlink.start(2, 2);
    }

    @AfterAll
    static void stopCluster() {
        flink.close();
    }

    @TempDir
    Path dir;

    @Test
    void should_write_every_article_once_and_an_unreadable_input_to_failures() throws IOException {
        // given
        List<WireCorpus.Item> stories = WireCorpus.generate(120, 7);
        Path in = dir.resolve("in");
        WireCorpus.writeWire(stories, in);
        Files.writeString(in.resolve("broken.json"), "{\"headline\": ", StandardCharsets.UTF_8);
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults())) {
            FlinkBatchSpec spec = spec(sim, in, dir.resolve("out"), 0);

            // when
            BatchJob.Run run = flink.run(spec, 4);

            // then
            Map<String, JsonNode> results = results(dir.resolve("out"));
            assertThat(results).hasSize(stories.size());
            assertThat(run.report().done()).isEqualTo(stories.size());
            assertThat(run.report().failed()).isEqualTo(1);
            assertThat(run.report().failedItems().get(0).input()).endsWith("broken.json");
            assertThat(run.report().failedItems().get(0).stage()).isEqualTo("read");
            assertThat(Files.readString(dir.resolve("out/failures.jsonl"))).contains("broken.json");
            assertThat(run.digest()).isNotEmpty().allMatch(Files::isRegularFile);
            for (JsonNode doc : results.values()) {
                assertThat(doc.path("translation").path("language").asText()).isEqualTo("en");
            }
            assertEachStorySegmentSentOnce(stories, sim);
        }
    }

    @Test
    void should_skip_articles_an_earlier_run_finished_under_the_same_options() throws IOException {
        // given
        List<WireCorpus.Item> stories = WireCorpus.generate(20, 11);
        Path in = dir.resolve("in");
        WireCorpus.writeWire(stories, in);
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults())) {
            FlinkBatchSpec spec = spec(sim, in, dir.resolve("out"), 0);
            flink.run(spec, 2);
            int requests = sim.stats().requests();

            // when
            BatchJob.Run again = flink.run(spec, 2);

            // then
            assertThat(sim.stats().requests()).isEqualTo(requests);
            assertThat(again.report().done()).isZero();
            assertThat(again.report().skipped()).isEqualTo(stories.size());
            assertThat(results(dir.resolve("out"))).hasSize(stories.size());
        }
    }

    @Test
    void should_spread_the_articles_evenly_over_the_step_tasks() throws Exception {
        // given: articles whose ids hash unevenly over 4 tasks (by key, the 4 tasks would get 34, 30, 31 and 25 of 120)
        List<WireCorpus.Item> stories = WireCorpus.generate(120, 7);
        Path in = dir.resolve("in");
        WireCorpus.writeWire(stories, in);
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults())) {
            AtomicReference<JobID> job = new AtomicReference<>();

            // when
            flink.run(spec(sim, in, dir.resolve("out"), 0), 4, job::set);

            // then: each of the 4 step tasks got its round-robin share from each of the 4 tasks before it, so no two
            // differ by more than one item per sender
            AccessExecutionGraph graph =
                    flink.miniCluster().getExecutionGraph(job.get()).get(30, TimeUnit.SECONDS);
            List<Long> perTask = new ArrayList<>();
            for (AccessExecutionVertex v : graph.getAllExecutionVertices()) {
                if (v.getTaskNameWithSubtaskIndex().contains("step")) {
                    perTask.add(v.getCurrentExecutionAttempt().getIOMetrics().getNumRecordsIn());
                }
            }
            assertThat(perTask).hasSize(4);
            assertThat(perTask.stream().mapToLong(Long::longValue).sum()).isEqualTo(stories.size());
            assertThat(Collections.max(perTask) - Collections.min(perTask))
                    .as("items per step task: %s", perTask)
                    .isLessThanOrEqualTo(4);
        }
    }

    private FlinkBatchSpec spec(SimulatedBackend sim, Path in, Path out, int rpm) {
        BackendSpec deepl = BackendSpec.of("deepl")
                .withBaseUrl(sim.baseUrl())
                .withKeyVariable("DRAGOMAN_TEST_SIM_KEY")
                .withTimeout(Duration.ofSeconds(10))
                .withLimits(new BackendSpec.Limits(rpm, 0, 0));
        return FlinkBatchSpec.of(List.of(in.toString()), out)
                .withTranslation(Language.ENGLISH, deepl)
                .withCache(CacheStoreSpec.of("redis").withUrl("redis://127.0.0.1:" + REDIS.port() + "/0"))
                .withCheckpointInterval(Duration.ofMillis(200))
                .withInFlight(4);
    }

    /**
     * Every segment of a story's own (its headline and paragraphs) reached the backend exactly once across all workers
     * and restarts. Segments many stories share (the agency, the source line) are left out: two workers that miss the
     * cache at the same moment both send them (the cache's single flight holds within one task only).
     */
    static void assertEachStorySegmentSentOnce(List<WireCorpus.Item> stories, SimulatedBackend sim) {
        for (WireCorpus.Item story : stories) {
            for (String segment : ownSegments(story)) {
                assertThat(sim.sendCount(segment)).as(segment).isEqualTo(1);
            }
        }
    }

    /** A story's own segments: its headline and paragraphs. */
    static List<String> ownSegments(WireCorpus.Item story) {
        List<String> own = new ArrayList<>(
                story.article().paragraphs().stream().map(p -> p.text()).toList());
        own.add(story.article().headline());
        return own;
    }

    /** The committed results, by article id; fails on a duplicate id. */
    static Map<String, JsonNode> results(Path out) throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : lines(out)) {
            JsonNode doc = Json.mapper().readTree(line);
            JsonNode previous = byId.put(doc.path("id").asText(), doc);
            assertThat(previous)
                    .as("a second output of " + doc.path("id").asText())
                    .isNull();
        }
        return byId;
    }

    static int lineCount(Path out) throws IOException {
        return lines(out).size();
    }

    private static List<String> lines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve(FlinkBatch.RESULTS))) {
            for (Path p : files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList()) {
                Files.readAllLines(p, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank())
                        .forEach(lines::add);
            }
        }
        return lines;
    }
}

package dev.dragoman.pipeline.deferred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.sqlite.SqliteResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.retry.Sleeper;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.batch.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deferred batch runs against a simulated batch endpoint in OpenAI's and Anthropic's shapes: the cache misses of a run
 * go out as one provider batch, the batch id survives the process, and the answers — in any order, some failed —
 * complete the run through the same parsing, guards and cache as live answers.
 */
@Timeout(60)
class DeferredBatchTest {

    private static final String OPENAI_KEY = "sk-test-deferred-0123456789abcdef";
    private static final String ANTHROPIC_KEY = "sk-ant-test-deferred-0123456789";

    @TempDir
    Path tmp;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);

    private static Article article(int n) {
        return Article.builder()
                .language(Language.ARABIC)
                .headline("خبر رقم " + n)
                .paragraph("الفقرة الأولى من الخبر رقم " + n + "، وفيها تفاصيل الحدث.")
                .paragraph("الفقرة الثانية من الخبر رقم " + n + ".")
                .build();
    }

    private Path articles(int count) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (int i = 1; i <= count; i++) {
            Files.writeString(
                    in.resolve("a" + i + ".json"),
                    Json.mapper().writeValueAsString(article(i)),
                    StandardCharsets.UTF_8);
        }
        return in;
    }

    private BatchSimulator simulate(BatchSimulator.Shape shape) {
        BatchSimulator sim = new BatchSimulator(shape, path -> server.url(path).toString());
        server.setDispatcher(sim);
        return sim;
    }

    /** One process of a nightly run: its own cache connection, backends, deferred state and engine. */
    private final class Process implements AutoCloseable {
        final ResultCache cache = SqliteResultCache.open(tmp.resolve("cache.db"));
        final BatchEngine engine;

        Process(String type, Path in, Path out, DeferredBatches deferred) {
            Backends backends = Backends.load()
                    .withVariables(Map.of("OPENAI_API_KEY", OPENAI_KEY, "ANTHROPIC_API_KEY", ANTHROPIC_KEY))
                    .withCache(cache)
                    .withClock(clock)
                    .withDeferral(deferred);
            BackendSpec spec = BackendSpec.of(type)
                    .withBaseUrl(
                            server.url(type.equals("openai") ? "/v1" : "/v1/").toString());
            BatchOptions options =
                    new BatchOptions(List.of(in.toString()), out, Language.ENGLISH, false, null, 2, null, null, type);
            engine = BatchEngine.builder(options)
                    .translator(backends.cachedTranslator(spec))
                    .deferred(deferred)
                    .fetcher(url -> {
                        throw new AssertionError("no fetch expected");
                    })
                    .clock(clock)
                    .build();
        }

        RunReport run() {
            return engine.run(BatchListener.NONE, false);
        }

        @Override
        public void close() {
            cache.close();
        }
    }

    private DeferredBatches deferred(boolean wait, Sleeper sleeper) {
        return DeferredBatches.of(Duration.ofMinutes(5), wait, sleeper, clock);
    }

    private static final Sleeper NEVER = d -> {
        throw new AssertionError("a run that does not wait never sleeps");
    };

    private static List<Path> articleOutputs(Path out) throws IOException {
        Path dir = out.resolve("articles");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<JsonNode> failures(Path out) throws IOException {
        Path f = out.resolve(BatchEngine.FAILURES);
        List<JsonNode> lines = new ArrayList<>();
        if (Files.exists(f)) {
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                lines.add(Json.mapper().readTree(l));
            }
        }
        return lines;
    }

    private static Path state(Path out) {
        return out.resolve(BatchEngine.STATE_DIR).resolve(DeferredBatches.DIR);
    }

    @Test
    void should_send_the_misses_as_one_openai_batch_and_complete_a_later_run_from_its_answers() throws Exception {
        // given: three articles, a simulated OpenAI that serves results in reverse order
        BatchSimulator sim = simulate(BatchSimulator.Shape.OPENAI);
        Path in = articles(3);
        Path out = tmp.resolve("out");

        // when: the nightly run hands its work over and exits
        RunReport first;
        try (Process p = new Process("openai", in, out, deferred(false, NEVER))) {
            first = p.run();
        }

        // then: one upload, one batch whose custom ids are request digests; nothing sent live, done or failed
        assertThat(first.exitCode()).isEqualTo(RunReport.IN_FLIGHT).isEqualTo(3);
        assertThat(first.deferred()).isEqualTo(3);
        assertThat(first.done()).isZero();
        assertThat(first.batchesInFlight()).singleElement().asString().contains("batch_1");
        assertThat(first.summaryLine()).contains("3 waiting for batch batch_1", "run again later");
        assertThat(sim.uploads.get()).isEqualTo(1);
        assertThat(sim.creates.get()).isEqualTo(1);
        assertThat(sim.live.get()).isZero();
        assertThat(sim.batches.get("batch_1")).hasSize(3).allSatisfy((id, body) -> {
            assertThat(id).matches("[0-9a-f]{64}");
            assertThat(id)
                    .isEqualTo(DeferredChatModel.customId(
                            "openai", (com.fasterxml.jackson.databind.node.ObjectNode) body));
            assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        });
        assertThat(articleOutputs(out)).isEmpty();
        assertThat(failures(out)).isEmpty();
        assertThat(Files.readString(state(out).resolve("batches.json"))).contains("batch_1");
        RecordedRequest upload = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(upload.getUrl().encodedPath()).isEqualTo("/v1/files");
        assertThat(upload.getHeaders().get("Authorization")).isEqualTo("Bearer " + OPENAI_KEY);

        // when: a scheduled process looks while the batch is still in progress
        RunReport second;
        try (Process p = new Process("openai", in, out, deferred(false, NEVER))) {
            second = p.run();
        }

        // then: it polls the same batch and sends nothing new
        assertThat(second.exitCode()).isEqualTo(RunReport.IN_FLIGHT);
        assertThat(sim.polledIds).containsExactly("batch_1");
        assertThat(sim.creates.get()).isEqualTo(1);
        assertThat(sim.uploads.get()).isEqualTo(1);

        // when: the batch has completed and the next process runs
        sim.end();
        RunReport third;
        try (Process p = new Process("openai", in, out, deferred(false, NEVER))) {
            third = p.run();
        }

        // then: every article is done from the batch's answers, none sent live, and the state is cleared
        assertThat(third.exitCode()).isZero();
        assertThat(third.done()).isEqualTo(3);
        assertThat(third.deferred()).isZero();
        assertThat(sim.creates.get()).isEqualTo(1);
        assertThat(sim.live.get()).isZero();
        assertThat(articleOutputs(out))
                .hasSize(3)
                .allSatisfy(f -> assertThat(Files.readString(f)).contains("English rendering"));
        assertThat(Files.exists(state(out).resolve("answers.jsonl"))).isFalse();
        assertThat(Json.mapper()
                        .readTree(Files.readString(state(out).resolve("batches.json")))
                        .path("batches"))
                .isEmpty();

        // when: a live run into another folder asks for the same translations
        RunReport fromCache;
        try (Process p = new Process("openai", in, tmp.resolve("again"), null)) {
            fromCache = p.run();
        }

        // then: the batch's answers went into the result cache: nothing is sent
        assertThat(fromCache.done()).isEqualTo(3);
        assertThat(fromCache.fromCache()).isEqualTo(3);
        assertThat(sim.live.get()).isZero();
    }

    @Test
    void should_retry_failed_batch_requests_live_and_list_refused_ones_in_failures() throws Exception {
        // given: of four articles, one request fails with a server error, one expires, one is refused as invalid
        BatchSimulator sim = simulate(BatchSimulator.Shape.OPENAI);
        sim.fail("رقم 2", BatchSimulator.Failure.SERVER_ERROR);
        sim.fail("رقم 3", BatchSimulator.Failure.INVALID);
        sim.fail("رقم 4", BatchSimulator.Failure.EXPIRED);
        Path in = articles(4);
        Path out = tmp.resolve("out");
        List<Duration> slept = new ArrayList<>();

        // when: a run that waits; the batch completes while it sleeps
        RunReport report;
        try (Process p = new Process("openai", in, out, deferred(true, d -> {
            slept.add(d);
            sim.end();
        }))) {
            report = p.run();
        }

        // then: the server error and the expired request were sent live; the refused one is a listed failure
        assertThat(slept).containsExactly(Duration.ofMinutes(5));
        assertThat(sim.creates.get()).isEqualTo(1);
        assertThat(sim.live.get()).isEqualTo(2);
        assertThat(report.done()).isEqualTo(3);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.deferred()).isZero();
        assertThat(articleOutputs(out)).hasSize(3);
        assertThat(failures(out)).singleElement().satisfies(f -> {
            assertThat(f.path("input").asText()).endsWith("a3.json");
            assertThat(f.path("stage").asText()).isEqualTo("translate");
            assertThat(f.path("reason").asText()).contains("refused the request in its batch", "HTTP 400");
            assertThat(f.path("retriable").asBoolean()).isFalse();
        });
        assertThat(failures(out).toString()).doesNotContain(OPENAI_KEY);
    }

    /** Thrown by a sleeper to stand for the process being killed while it waits. */
    private static final class Killed extends RuntimeException {}

    @Test
    void should_resume_the_anthropic_batch_in_flight_after_the_process_is_killed() throws Exception {
        // given: a simulated Anthropic; one request of the batch will expire
        BatchSimulator sim = simulate(BatchSimulator.Shape.ANTHROPIC);
        sim.fail("رقم 1", BatchSimulator.Failure.EXPIRED);
        Path in = articles(3);
        Path out = tmp.resolve("out");

        // when: a waiting run is killed while its batch is in flight
        try (Process p = new Process("anthropic", in, out, deferred(true, d -> {
            throw new Killed();
        }))) {
            assertThatThrownBy(p::run).isInstanceOf(Killed.class);
        }
        assertThat(sim.creates.get()).isEqualTo(1);
        RecordedRequest create = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(create.getUrl().encodedPath()).isEqualTo("/v1/messages/batches");
        assertThat(create.getHeaders().get("x-api-key")).isEqualTo(ANTHROPIC_KEY);
        assertThat(create.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode sent = Json.mapper().readTree(create.getBody().utf8());
        assertThat(sent.path("requests")).hasSize(3).allSatisfy(r -> {
            assertThat(r.path("custom_id").asText()).matches("[0-9a-f]{64}");
            assertThat(r.path("params").path("max_tokens").asInt()).isPositive();
            assertThat(r.path("params").path("system").asText()).isNotBlank();
        });

        // when: the restarted process waits, and the batch ends
        int pollsBefore = sim.polls.get();
        RunReport report;
        try (Process p = new Process("anthropic", in, out, deferred(true, d -> sim.end()))) {
            report = p.run();
        }

        // then: it resumed the same batch (no second one), took the answers in any order, sent the expired one live
        assertThat(sim.creates.get()).isEqualTo(1);
        assertThat(sim.polledIds.subList(pollsBefore, sim.polledIds.size())).containsOnly("msgbatch_01");
        assertThat(sim.live.get()).isEqualTo(1);
        assertThat(report.exitCode()).isZero();
        assertThat(report.done()).isEqualTo(3);
        assertThat(articleOutputs(out)).hasSize(3);
        assertThat(failures(out)).isEmpty();
    }

    @Test
    void should_refuse_a_backend_without_a_batch_api_in_deferred_mode() {
        // given
        Backends backends = Backends.load().withDeferral(deferred(false, NEVER));

        // when / then
        assertThatThrownBy(() -> backends.chatModel(
                        BackendSpec.of("ollama").withBaseUrl(server.url("/").toString())))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("has no batch API")
                .hasMessageContaining("anthropic, openai");
    }
}

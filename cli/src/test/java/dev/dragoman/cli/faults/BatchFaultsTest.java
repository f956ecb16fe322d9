package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.Fault;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.usage.Usage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite: {@code dragoman batch} end to end against the simulated backend, one test per fault. After each,
 * every article has its correct output or is listed in failures.jsonl with the reason, nothing is half written,
 * and no finished item was sent to the backend twice; where the fault is recoverable, a healthy re-run with the
 * same cache completes the batch with correct outputs and re-sends nothing that was finished (nothing wrong cached).
 */
class BatchFaultsTest {

    private static final int ARTICLES = 12;

    @TempDir
    Path dir;

    private SimulatedBackend sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private FaultBatch fixture(SimConfig config, long seed) {
        sim = SimulatedBackend.start(config);
        return new FaultBatch(dir, sim, ARTICLES, seed);
    }

    @Test
    void should_finish_every_article_through_429_bursts_honouring_retry_after() {
        // given: the backend accepts 6 requests per second; 4 workers offer more
        FaultBatch f = fixture(SimConfig.defaults().withRateLimitPerSecond(6), 1);
        Path config = f.config("c", "deepl", null, FaultBatch.sqlite(dir.resolve("cache.db")));

        // when
        FaultBatch.Result r = f.batch(config, dir.resolve("out"), 4);

        // then
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(sim.stats().status(429)).isPositive();
        f.outcome(dir.resolve("out")).assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET);
        assertThat(f.outcome(dir.resolve("out")).done()).isEqualTo(ARTICLES);
        BatchOutcome.assertNothingFinishedSentTwice(sim, f.corpus);
        assertRerunFromCacheIsCorrect(f, config, r);
    }

    @Test
    void should_finish_every_article_through_a_burst_of_server_errors() {
        // given
        FaultBatch f = fixture(SimConfig.defaults(), 2);
        sim.injectNext(Fault.SERVER_ERROR, 3);
        sim.injectNext(Fault.SERVICE_UNAVAILABLE, 2);
        Path config = f.config("c", "deepl", null, FaultBatch.sqlite(dir.resolve("cache.db")));

        // when
        FaultBatch.Result r = f.batch(config, dir.resolve("out"), 4);

        // then
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(sim.stats().status(500)).isEqualTo(3);
        assertThat(f.outcome(dir.resolve("out"))
                        .assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET)
                        .done())
                .isEqualTo(ARTICLES);
        BatchOutcome.assertNothingFinishedSentTwice(sim, f.corpus);
        assertRerunFromCacheIsCorrect(f, config, r);
    }

    @Test
    void should_finish_every_article_when_requests_stall_past_the_client_timeout() {
        // given: two requests get no answer for 4 s; the client gives up after 1 s and retries
        FaultBatch f = fixture(SimConfig.defaults().withStall(Duration.ofSeconds(4)), 3);
        sim.injectNext(Fault.STALL, 2);
        Path config = f.config("c", "deepl", "timeout: 1s", FaultBatch.sqlite(dir.resolve("cache.db")));

        // when
        FaultBatch.Result r = f.batch(config, dir.resolve("out"), 4);

        // then
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(sim.stats().faults(Fault.STALL)).isEqualTo(2);
        assertThat(f.outcome(dir.resolve("out"))
                        .assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET)
                        .done())
                .isEqualTo(ARTICLES);
        BatchOutcome.assertNothingFinishedSentTwice(sim, f.corpus);
        assertRerunFromCacheIsCorrect(f, config, r);
    }

    @Test
    void should_finish_every_article_through_connection_resets() {
        // given
        FaultBatch f = fixture(SimConfig.defaults(), 4);
        sim.injectNext(Fault.CONNECTION_RESET, 3);
        Path config = f.config("c", "deepl", null, FaultBatch.sqlite(dir.resolve("cache.db")));

        // when
        FaultBatch.Result r = f.batch(config, dir.resolve("out"), 4);

        // then
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(sim.stats().faults(Fault.CONNECTION_RESET)).isEqualTo(3);
        assertThat(f.outcome(dir.resolve("out"))
                        .assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET)
                        .done())
                .isEqualTo(ARTICLES);
        BatchOutcome.assertNothingFinishedSentTwice(sim, f.corpus);
        assertRerunFromCacheIsCorrect(f, config, r);
    }

    @Test
    void should_never_keep_or_cache_malformed_or_truncated_json() {
        // given
        FaultBatch f = fixture(SimConfig.defaults(), 5);
        sim.injectNext(Fault.MALFORMED_JSON, 2);
        sim.injectNext(Fault.TRUNCATED_JSON, 2);
        Path cache = dir.resolve("cache.db");
        Path config = f.config("c", "deepl", null, FaultBatch.sqlite(cache));

        // when
        FaultBatch.Result r = f.batch(config, dir.resolve("out"), 4);

        // then: every article correct or listed; and a second batch from the same cache is all correct, no request
        f.outcome(dir.resolve("out")).assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET);
        assertThat(sim.stats().faults(Fault.MALFORMED_JSON) + sim.stats().faults(Fault.TRUNCATED_JSON))
                .isEqualTo(4);
        assertRerunFromCacheIsCorrect(f, config, r);
    }

    @Test
    void should_recover_wrong_segment_counts_from_an_llm_by_splitting_never_by_guessing() {
        // given: an OpenAI-compatible backend that drops a segment three times and once answers prose
        FaultBatch f = fixture(SimConfig.defaults(), 6);
        sim.injectNext(Fault.WRONG_SEGMENT_COUNT, 3);
        sim.injectNext(Fault.MALFORMED_CONTENT, 1);
        Path cache = dir.resolve("cache.db");
        Path config = f.config("c", "openai", null, FaultBatch.sqlite(cache));

        // when
        FaultBatch.Result r = f.batch(config, dir.resolve("out"), 4);

        // then
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(f.outcome(dir.resolve("out"))
                        .assertEveryItemCorrectOrListed(f.corpus, FaultBatch.LLM_TARGET)
                        .done())
                .isEqualTo(ARTICLES);
        BatchOutcome.assertNothingFinishedSentTwice(sim, f.corpus);
    }

    @Test
    void should_never_keep_a_deepl_answer_with_a_wrong_segment_count() {
        // given
        FaultBatch f = fixture(SimConfig.defaults(), 7);
        sim.injectNext(Fault.WRONG_SEGMENT_COUNT, 3);
        Path cache = dir.resolve("cache.db");
        Path config = f.config("c", "deepl", null, FaultBatch.sqlite(cache));

        // when
        FaultBatch.Result r = f.batch(config, dir.resolve("out"), 4);

        // then
        f.outcome(dir.resolve("out")).assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET);
        assertThat(sim.stats().faults(Fault.WRONG_SEGMENT_COUNT)).isEqualTo(3);
        assertRerunFromCacheIsCorrect(f, config, r);
    }

    @Test
    void should_fail_fast_with_a_clear_message_when_the_quota_runs_out_mid_batch_keeping_completed_work() {
        // given: characters for about four stories
        long fourStories = 0;
        FaultBatch f = fixture(SimConfig.defaults(), 8);
        for (int i = 0; i < 4; i++) {
            fourStories += f.corpus.get(i).uniqueSegments().stream()
                    .mapToLong(s -> s.codePointCount(0, s.length()))
                    .sum();
        }
        sim.reconfigure(sim.config().withQuotaCharacters(fourStories));
        Path config = f.config("c", "deepl", null, FaultBatch.sqlite(dir.resolve("cache.db")));

        // when
        FaultBatch.Result r = f.batch(config, dir.resolve("out"), 2);

        // then
        BatchOutcome outcome =
                f.outcome(dir.resolve("out")).assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET);
        assertThat(r.exit()).as(r.err()).isEqualTo(69);
        assertThat(outcome.done()).isBetween(1, ARTICLES - 1);
        assertThat(outcome.failures.values())
                .allSatisfy(fail -> assertThat(fail.path("reason").asText()).containsIgnoringCase("quota"));
        assertThat(r.err()).containsIgnoringCase("quota");
        assertThat(sim.stats().status(456))
                .as("requests after the quota ran out (fail fast)")
                .isLessThanOrEqualTo(2);
        BatchOutcome.assertNothingFinishedSentTwice(sim, f.corpus);
        assertThat(usageLine(r.err()))
                .as("every answered request and its characters")
                .usingRecursiveComparison()
                .isEqualTo(sim.stats().paid());
    }

    @Test
    void should_count_every_paid_answer_in_the_usage_line_and_digest_also_of_an_item_that_failed() throws Exception {
        // given: an OpenAI-type backend whose first answer drops a segment (that item's batch is split in two) and
        // whose answers from the third on, ten of them, are prose instead of JSON: whichever items' calls get two of
        // them in a row (the answer and its re-ask) fail, after paying for answers — some of them good
        FaultBatch f = fixture(SimConfig.defaults(), 9);
        sim.injectNext(Fault.WRONG_SEGMENT_COUNT, 1);
        sim.onRequest(3, () -> sim.injectNext(Fault.MALFORMED_CONTENT, 10));
        Path config = f.config("c", "openai", null, FaultBatch.sqlite(dir.resolve("cache.db")));
        Path out = dir.resolve("out");

        // when
        FaultBatch.Result r = f.batch(config, out, 1);

        // then: items failed, and the usage line and the digest count every answer the backend billed
        BatchOutcome outcome = f.outcome(out).assertEveryItemCorrectOrListed(f.corpus, FaultBatch.LLM_TARGET);
        assertThat(outcome.failures).as(r.err()).isNotEmpty();
        assertThat(outcome.done()).isEqualTo(ARTICLES - outcome.failures.size());
        assertThat(sim.stats().faults(Fault.MALFORMED_CONTENT)).isEqualTo(10);
        SimulatedBackend.Paid paid = sim.stats().paid();
        assertThat(paid.requests()).isEqualTo(sim.stats().status(200));
        assertThat(usageLine(r.err())).as(r.err()).usingRecursiveComparison().isEqualTo(paid);
        assertThat(digestUsage(out)).usingRecursiveComparison().isEqualTo(paid);

        // and when: a healthy run resumes the batch: the finished items are skipped, the failed ones are done
        sim.resetStats();
        FaultBatch.Result again = f.batch(config, out, 1);

        // then: it counts what it paid for, nothing of the items the first run finished
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(f.outcome(out).failures).isEmpty();
        assertThat(sim.stats().paid().requests()).isPositive();
        assertThat(usageLine(again.err()))
                .as(again.err())
                .usingRecursiveComparison()
                .isEqualTo(sim.stats().paid());
    }

    private static final java.util.regex.Pattern USAGE_LINE = java.util.regex.Pattern.compile(
            "backend usage: (\\d+) requests, (\\d+) characters, \\d+ tokens \\((\\d+) in, (\\d+) out\\)");

    /** The usage of the batch's closing summary line. */
    private static Usage usageLine(String err) {
        java.util.regex.Matcher m = USAGE_LINE.matcher(err);
        assertThat(m.find()).as("a usage line in: %s", err).isTrue();
        return new Usage(
                Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)));
    }

    /** The usage of the one digest the batch wrote (its JSON form). */
    private static Usage digestUsage(Path out) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(out.resolve("digests"))) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(json).hasSize(1);
            JsonNode digest = Json.mapper().readTree(json.get(0).toFile());
            return Json.mapper().treeToValue(digest.path("usage"), Usage.class);
        }
    }

    /** A healthy second run into a fresh output directory with the same cache: all correct, nothing finished re-sent. */
    private void assertRerunFromCacheIsCorrect(FaultBatch f, Path config, FaultBatch.Result first) {
        BatchOutcome firstOutcome = f.outcome(dir.resolve("out"));
        java.util.Set<String> finished = new java.util.HashSet<>();
        f.corpus.stream()
                .filter(i -> firstOutcome.outputs.containsKey(i.name()))
                .forEach(i -> finished.addAll(i.uniqueSegments()));
        sim.resetStats();
        FaultBatch.Result again = f.batch(config, dir.resolve("out2"), 4);
        assertThat(again.exit())
                .as("first run: %s%nsecond run: %s", first.err(), again.err())
                .isZero();
        assertThat(f.outcome(dir.resolve("out2"))
                        .assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET)
                        .done())
                .isEqualTo(ARTICLES);
        assertThat(sim.sentSegments().keySet())
                .as("finished segments asked for again")
                .doesNotContainAnyElementsOf(finished);
    }
}

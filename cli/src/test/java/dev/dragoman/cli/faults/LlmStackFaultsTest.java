package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.Fault;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite for the LLM path: {@code dragoman translate} and {@code dragoman summarize} against the simulator's
 * OpenAI-shaped endpoint go through the same decorator stack and the same error mapping, so a fault is handled the
 * same way for summaries as for translations.
 */
class LlmStackFaultsTest {

    @TempDir
    Path dir;

    private SimulatedBackend sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private FaultBatch fixture(SimConfig config) {
        sim = SimulatedBackend.start(config);
        return new FaultBatch(dir, sim, 1, 7);
    }

    private Path story(FaultBatch f) {
        return f.in.resolve(f.corpus.get(0).name() + ".ar.txt");
    }

    /**
     * An English story, summarized in English: the simulator's "summary" is its pseudo-translation of the first
     * paragraphs, which reads as English only when the source is (from Arabic it is Latin-letter gibberish that the
     * faithfulness guard rightly questions), so the tests of a good second answer use this one.
     */
    private Path englishStory() throws java.io.IOException {
        return java.nio.file.Files.writeString(
                dir.resolve("port.en.txt"),
                "Port of Valletta reopens after storm\n\n"
                        + "VALLETTA, June 25 (Reuters) - The port of Valletta reopened on Tuesday after a storm closed"
                        + " it for two days, the harbour master said.\n\n"
                        + "Ferries to Gozo resumed in the afternoon, and 14 cargo ships waiting offshore were cleared"
                        + " to enter the harbour.\n\n"
                        + "The storm damaged 3 piers and cut power to parts of the island, the government said.\n",
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void should_fail_a_translation_at_once_when_the_quota_is_used_up() {
        // given: OpenAI answers 429 insufficient_quota to everything
        FaultBatch f = fixture(SimConfig.defaults().withQuotaCharacters(0));
        Path config = f.config("c", "openai", null, "store: none");

        // when
        FaultBatch.Result r = f.run("translate", "--config", config.toString(), "--to", "en", story(f).toString());

        // then
        assertThat(r.exit()).as(r.err()).isEqualTo(69);
        assertThat(r.err()).containsIgnoringCase("quota");
        assertThat(sim.stats().status(429)).as("requests sent: one, no retry").isEqualTo(1);
    }

    @Test
    void should_fail_a_summary_at_once_when_the_quota_is_used_up() {
        // given: OpenAI answers 429 insufficient_quota to everything
        FaultBatch f = fixture(SimConfig.defaults().withQuotaCharacters(0));
        Path config = f.config("c", "openai", null, "store: none");

        // when
        FaultBatch.Result r = f.run(
                "summarize", "--config", config.toString(), "--backend", "sim", "--lang", "en", story(f).toString());

        // then
        assertThat(r.exit()).as(r.err()).isEqualTo(69);
        assertThat(r.err()).containsIgnoringCase("quota");
        assertThat(sim.stats().status(429)).as("requests sent: one, no retry").isEqualTo(1);
    }

    @Test
    void should_ask_again_when_a_summary_comes_back_malformed_and_cache_only_the_good_answer() throws Exception {
        // given: the first answer's content is not the JSON asked for (bullets are asked as JSON)
        FaultBatch f = fixture(SimConfig.defaults());
        sim.injectNext(Fault.MALFORMED_CONTENT, 1);
        Path config = f.config("c", "openai", null, FaultBatch.sqlite(dir.resolve("cache.db")));
        String[] summarize = {
            "summarize",
            "--config",
            config.toString(),
            "--backend",
            "sim",
            "--lang",
            "en",
            "--style",
            "bullets",
            englishStory().toString()
        };

        // when
        FaultBatch.Result first = f.run(summarize);
        int sentFirst = sim.stats().requests();
        FaultBatch.Result second = f.run(summarize);

        // then: one malformed answer, one good one; the warm run is served from the cache, unchanged
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(sim.stats().faults(Fault.MALFORMED_CONTENT)).isEqualTo(1);
        assertThat(sentFirst).isEqualTo(2);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(sim.stats().requests()).as("the warm run sends nothing").isEqualTo(sentFirst);
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void should_fail_a_summary_that_stays_malformed_in_words_and_cache_nothing() {
        // given: every answer's content is malformed
        FaultBatch f = fixture(SimConfig.defaults());
        sim.injectNext(Fault.MALFORMED_CONTENT, 50);
        Path config = f.config("c", "openai", null, FaultBatch.sqlite(dir.resolve("cache.db")));

        // when
        FaultBatch.Result r = f.run(
                "summarize",
                "--config",
                config.toString(),
                "--backend",
                "sim",
                "--lang",
                "en",
                "--style",
                "bullets",
                story(f).toString());
        FaultBatch.Result stats = f.run("cache", "stats", "--config", config.toString(), "--format", "json");

        // then: a clear failure, a bounded number of requests, and no entry kept
        assertThat(r.exit()).as(r.err()).isNotZero().isNotEqualTo(70);
        assertThat(r.err()).startsWith("dragoman: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(sim.stats().requests()).as("asked again, not for ever").isBetween(2, 10);
        assertThat(stats.out()).contains("\"entries\" : 0");
    }

    @Test
    void should_not_take_chatter_for_a_paragraph_summary() throws Exception {
        // given: the first answer is talk to the requester ("Sure! Here are your translations: 1) ..."), not prose
        FaultBatch f = fixture(SimConfig.defaults());
        sim.injectNext(Fault.MALFORMED_CONTENT, 1);
        Path config = f.config("c", "openai", null, FaultBatch.sqlite(dir.resolve("cache.db")));
        String[] summarize = {
            "summarize",
            "--config",
            config.toString(),
            "--backend",
            "sim",
            "--lang",
            "en",
            englishStory().toString()
        };

        // when
        FaultBatch.Result first = f.run(summarize);
        int sentFirst = sim.stats().requests();
        FaultBatch.Result second = f.run(summarize);

        // then: asked again once; the summary is the second answer, never the chatter, and the warm run sends nothing
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).doesNotContain("Sure!").doesNotContain("translations");
        assertThat(sentFirst).isEqualTo(2);
        assertThat(sim.chatRequests().get(1).get(0).content())
                .contains("previous answer")
                .contains("talks to");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(sim.stats().requests()).as("the warm run sends nothing").isEqualTo(sentFirst);
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void should_fail_a_paragraph_summary_that_stays_chatter_and_cache_nothing() {
        // given: every answer is chatter
        FaultBatch f = fixture(SimConfig.defaults());
        sim.injectNext(Fault.MALFORMED_CONTENT, 50);
        Path config = f.config("c", "openai", null, FaultBatch.sqlite(dir.resolve("cache.db")));

        // when
        FaultBatch.Result r = f.run(
                "summarize", "--config", config.toString(), "--backend", "sim", "--lang", "en", story(f).toString());
        FaultBatch.Result stats = f.run("cache", "stats", "--config", config.toString(), "--format", "json");

        // then: exit 69 after one re-ask, in words, nothing printed as a summary, nothing kept
        assertThat(r.exit()).as(r.err()).isEqualTo(69);
        assertThat(r.err())
                .startsWith("dragoman: ")
                .contains("no usable summary")
                .contains("asked again once");
        assertThat(r.out()).doesNotContain("Sure!");
        assertThat(sim.stats().requests()).isEqualTo(2);
        assertThat(stats.out()).contains("\"entries\" : 0");
    }

    @Test
    void should_exit_69_from_translate_and_from_batch_when_the_local_server_is_down() {
        // given: the configured OpenAI-compatible server is stopped
        FaultBatch f = fixture(SimConfig.defaults());
        Path config = f.config("c", "openai", "attempts: 1", "store: none");
        sim.close();

        // when
        FaultBatch.Result translate =
                f.run("translate", "--config", config.toString(), "--to", "en", story(f).toString());
        FaultBatch.Result batch = f.batch(config, dir.resolve("out"), 1);

        // then: the same failure, the same code: backend unavailable, not a configuration error
        assertThat(translate.exit()).as(translate.err()).isEqualTo(69);
        assertThat(translate.err()).contains("Cannot reach").contains("start the server");
        assertThat(batch.exit()).as(batch.err()).isEqualTo(69);
    }
}

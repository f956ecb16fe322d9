package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

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

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
        assertThat(f.outcome(dir.resolve("out")).assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET).done())
                .isEqualTo(ARTICLES);
        BatchOutcome.assertNothingFinishedSentTwice(sim, f.corpus);
    }
}

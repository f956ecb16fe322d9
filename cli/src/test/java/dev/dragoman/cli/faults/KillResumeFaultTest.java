package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.Latency;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code dragoman batch} process mid-batch, then the same command again: the batch
 * completes with every output correct, none missing, none duplicated, nothing half written, and no segment of an
 * article the killed run had finished reaches the backend again.
 */
class KillResumeFaultTest {

    private static final int ARTICLES = 24;

    @TempDir
    Path dir;

    private SimulatedBackend sim;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void should_complete_after_kill_9_mid_batch_without_resending_finished_items() throws Exception {
        // given: a child process batch; SIGKILL when the backend receives its 10th request (while it is answered)
        sim = SimulatedBackend.start(SimConfig.defaults().withLatency(Latency.fixed(Duration.ofMillis(40))));
        FaultBatch f = new FaultBatch(dir, sim, ARTICLES, 31);
        Path cache = dir.resolve("cache.db");
        Path config = f.config("c", "deepl", null, FaultBatch.sqlite(cache));
        Path out = dir.resolve("out");
        CountDownLatch killed = new CountDownLatch(1);
        sim.onRequest(10, () -> {
            child.destroyForcibly(); // SIGKILL on Linux
            try {
                child.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            killed.countDown();
        });
        child = startChild(f, config, out);

        // when
        assertThat(killed.await(60, TimeUnit.SECONDS))
                .as("the child reached the 10th request")
                .isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        BatchOutcome afterKill = f.outcome(out);
        Set<String> finished = new HashSet<>();
        for (WireCorpus.Item item : f.corpus) {
            if (afterKill.outputs.containsKey(item.name())) {
                BatchOutcome.assertCorrect(item, afterKill.outputs.get(item.name()), FaultBatch.DEEPL_TARGET);
                finished.addAll(item.uniqueSegments());
            }
        }
        assertThat(finished).as("some articles were finished before the kill").isNotEmpty();
        assertThat(afterKill.done()).as("some were not").isLessThan(ARTICLES);
        sim.resetStats();
        FaultBatch.Result again = f.batch(config, out, 4);

        // then
        assertThat(again.exit()).as(again.err()).isZero();
        BatchOutcome done = f.outcome(out).assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET);
        assertThat(done.done()).isEqualTo(ARTICLES);
        assertThat(done.failures).isEmpty();
        assertThat(sim.sentSegments().keySet())
                .as("segments of articles finished before the kill, sent again")
                .doesNotContainAnyElementsOf(finished);
        try (var files = java.nio.file.Files.list(out.resolve("articles"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".json")).count())
                    .as("no duplicate outputs")
                    .isEqualTo(ARTICLES);
        }
    }

    private static Process startChild(FaultBatch f, Path config, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.dragoman.cli.Main",
                "batch",
                "--config",
                config.toString(),
                f.in.toString(),
                "--out",
                out.toString(),
                "--translate-to",
                FaultBatch.TARGET,
                "--jobs",
                "2",
                "--progress",
                "lines"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(f.dir.resolve("child.out").toFile())
                .redirectError(f.dir.resolve("child.err").toFile());
        pb.environment().putAll(f.env());
        return pb.start();
    }
}

package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.Latency;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrency: two batches on one --out (cron plus a manual run) never interleave; the second is told who holds it. */
class ConcurrentRunFaultTest {

    @TempDir
    Path dir;

    private SimulatedBackend sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void should_refuse_a_second_batch_on_the_same_out_while_the_first_runs_and_lose_nothing() throws Exception {
        // given a slow backend and a first batch under way
        sim = SimulatedBackend.start(SimConfig.defaults().withLatency(Latency.fixed(Duration.ofMillis(250))));
        FaultBatch f = new FaultBatch(dir, sim, 8, 14);
        Path config = f.config("c", "deepl", null, FaultBatch.sqlite(dir.resolve("cache.db")));
        Path out = dir.resolve("out");
        CompletableFuture<FaultBatch.Result> first = CompletableFuture.supplyAsync(() -> f.batch(config, out, 1));
        Path lock = out.resolve(".dragoman").resolve("lock");
        while (!first.isDone() && !(Files.exists(lock) && Files.size(lock) > 0)) {
            Thread.onSpinWait();
        }

        // when a second one starts on the same folder
        FaultBatch.Result second = f.batch(config, out, 2);

        // then it exits at once as a temporary failure naming the first, and the first finishes every item
        assertThat(second.exit()).as(second.err()).isEqualTo(75);
        assertThat(second.err()).contains("another dragoman batch (pid ", out.toString());
        FaultBatch.Result r = first.get();
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(f.outcome(out)
                        .assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET)
                        .done())
                .isEqualTo(8);
        List<String> journal = Files.readAllLines(out.resolve(".dragoman").resolve("journal.jsonl"));
        for (String line : journal) {
            JsonNode node = Json.mapper().readTree(line);
            assertThat(node.path("type").asText()).isNotEmpty();
        }
    }
}

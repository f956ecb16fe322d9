package dev.dragoman.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.MutableClock;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchEngineTest;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.batch.Scripted;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job a front end runs: engine, then digest, once or on a schedule. */
class BatchJobTest {

    @TempDir
    Path tmp;

    private BatchEngine engine(Path in, Path out, MutableClock clock) {
        return BatchEngine.builder(BatchOptions.of(List.of(in.toString()), out)
                        .withTranslateTo(Language.ENGLISH)
                        .withBackends("scripted"))
                .translator(Scripted.backend(new Scripted.ScriptedTranslator()))
                .clock(clock)
                .build();
    }

    private Path inputs(int count) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (int i = 1; i <= count; i++) {
            Files.writeString(
                    in.resolve("a" + i + ".json"),
                    Json.mapper().writeValueAsString(BatchEngineTest.article(i)),
                    StandardCharsets.UTF_8);
        }
        return in;
    }

    @Test
    void should_run_once_and_write_the_digest_beside_the_articles() throws Exception {
        // given
        Path out = tmp.resolve("out");
        MutableClock clock = new MutableClock(Instant.parse("2024-06-25T07:00:00Z"));
        BatchJob job = BatchJob.once(engine(inputs(2), out, clock)).withClock(clock, null);
        List<BatchJob.Run> heard = new ArrayList<>();
        // when
        BatchJob.Run run = job.run(BatchListener.NONE, heard::add);
        // then
        assertThat(heard).containsExactly(run);
        assertThat(run.report().done()).isEqualTo(2);
        assertThat(run.digest())
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "digest-20240625T070000Z.md", "digest-20240625T070000Z.html", "digest-20240625T070000Z.json");
        assertThat(Files.readString(run.digest().get(0))).contains("from 2 articles; 2 done this run");
    }

    @Test
    void should_run_on_its_schedule_until_stopped_and_hear_each_run() throws Exception {
        // given a job on a ten-minute schedule whose third run stops it
        Path out = tmp.resolve("out");
        MutableClock clock = new MutableClock(Instant.parse("2024-06-25T07:00:00Z"));
        List<BatchJob.Run> heard = new ArrayList<>();
        BatchJob[] job = new BatchJob[1];
        job[0] = BatchJob.once(engine(inputs(1), out, clock))
                .on(Schedule.every(Duration.ofMinutes(10)))
                .withClock(clock, BatchSchedulerTest.jumping(clock, new ArrayList<>()));
        // when
        BatchJob.Run last = job[0].run(BatchListener.NONE, r -> {
            heard.add(r);
            if (heard.size() == 3) {
                job[0].stop();
            }
        });
        // then the first run did the article, the later ones had nothing new, and each wrote its own digest
        assertThat(heard).extracting(r -> r.report().done()).containsExactly(1, 0, 0);
        assertThat(last).isSameAs(heard.get(2));
        assertThat(heard)
                .extracting(r -> r.digest().get(0).getFileName().toString())
                .doesNotHaveDuplicates();
    }
}

package dev.dragoman.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.MutableClock;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchEngineTest;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.batch.RunReport;
import dev.dragoman.pipeline.batch.Scripted;
import dev.dragoman.pipeline.digest.Digest;
import dev.dragoman.pipeline.digest.DigestWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler driven by a settable clock and a waiter that jumps the clock: no test sleeps. */
class BatchSchedulerTest {

    @TempDir
    Path tmp;

    /** Jumps the clock to the wake-up time instead of sleeping, and remembers each wait. */
    static BatchScheduler.Waiter jumping(MutableClock clock, List<Instant> waits) {
        return (when, c) -> {
            waits.add(when);
            if (when.isAfter(clock.instant())) {
                clock.set(when);
            }
            return true;
        };
    }

    @Test
    void should_fire_a_cron_schedule_in_its_explicit_zone() throws Exception {
        // given 07:00 in Berlin (summer time, UTC+2), starting the evening before
        MutableClock clock = new MutableClock(Instant.parse("2024-06-24T20:00:00Z"));
        List<Instant> waits = new ArrayList<>();
        List<Instant> runs = new ArrayList<>();
        BatchScheduler scheduler = new BatchScheduler(
                Schedule.cron("0 7 * * *", ZoneId.of("Europe/Berlin")),
                clock,
                jumping(clock, waits),
                at -> runs.add(clock.instant()));
        // when
        int n = scheduler.loop(false, 3);
        // then
        assertThat(n).isEqualTo(3);
        assertThat(runs)
                .containsExactly(
                        Instant.parse("2024-06-25T05:00:00Z"),
                        Instant.parse("2024-06-26T05:00:00Z"),
                        Instant.parse("2024-06-27T05:00:00Z"));
    }

    @Test
    void should_never_overlap_runs_and_skip_fire_times_missed_by_a_long_run() throws Exception {
        // given every 10 minutes; the second run takes 25 minutes
        MutableClock clock = new MutableClock(Instant.parse("2024-06-25T06:00:00Z"));
        List<Instant> waits = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        BatchScheduler scheduler =
                new BatchScheduler(Schedule.every(Duration.ofMinutes(10)), clock, jumping(clock, waits), at -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    starts.add(clock.instant());
                    clock.advance(starts.size() == 2 ? Duration.ofMinutes(25) : Duration.ofMinutes(1));
                    running.decrementAndGet();
                });
        // when
        scheduler.loop(true, 4);
        // then
        assertThat(maxRunning.get()).isEqualTo(1);
        assertThat(starts)
                .containsExactly(
                        Instant.parse("2024-06-25T06:00:00Z"),
                        Instant.parse("2024-06-25T06:11:00Z"),
                        Instant.parse("2024-06-25T06:46:00Z"),
                        Instant.parse("2024-06-25T06:57:00Z"));
    }

    @Test
    void should_stop_waiting_when_stopped() throws Exception {
        // given a waiter that receives SIGTERM while waiting
        MutableClock clock = new MutableClock(Instant.parse("2024-06-25T06:00:00Z"));
        AtomicInteger runs = new AtomicInteger();
        BatchScheduler[] self = new BatchScheduler[1];
        self[0] = new BatchScheduler(
                Schedule.every(Duration.ofHours(1)),
                clock,
                (when, c) -> {
                    self[0].stop();
                    return false;
                },
                at -> runs.incrementAndGet());
        // when
        int n = self[0].loop(false, 0);
        // then
        assertThat(n).isZero();
        assertThat(runs.get()).isZero();
    }

    @Test
    void should_process_only_unseen_articles_in_each_scheduled_run_and_write_a_dated_digest_per_run() throws Exception {
        // given a directory that grows between runs
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path out = tmp.resolve("out");
        for (int i = 1; i <= 3; i++) {
            Files.writeString(
                    in.resolve("a" + i + ".json"),
                    Json.mapper().writeValueAsString(BatchEngineTest.article(i)),
                    StandardCharsets.UTF_8);
        }
        MutableClock clock = new MutableClock(Instant.parse("2024-06-25T05:59:00Z"));
        Scripted.ScriptedTranslator t = new Scripted.ScriptedTranslator();
        BatchEngine engine = BatchEngine.builder(BatchOptions.of(List.of(in.toString()), out)
                        .withTranslateTo(dev.dragoman.core.Language.ENGLISH)
                        .withJobs(2)
                        .withBackends("t"))
                .translator(Scripted.backend(t))
                .clock(clock)
                .build();
        List<RunReport> reports = new ArrayList<>();
        BatchScheduler scheduler = new BatchScheduler(
                Schedule.cron("0 * * * *", ZoneOffset.UTC), clock, jumping(clock, new ArrayList<>()), at -> {
                    RunReport r = engine.run(BatchListener.NONE, true);
                    reports.add(r);
                    try {
                        new DigestWriter()
                                .write(out, Digest.of(r, new dev.dragoman.core.cluster.MinHashStoryClusterer()));
                        // two new articles arrive before the next run
                        for (int i = 4 * reports.size(); i < 4 * reports.size() + 2; i++) {
                            Files.writeString(
                                    in.resolve("b" + i + ".json"),
                                    Json.mapper().writeValueAsString(BatchEngineTest.article(100 + i)),
                                    StandardCharsets.UTF_8);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    clock.advance(Duration.ofSeconds(30));
                });
        // when
        scheduler.loop(false, 3);
        // then
        assertThat(reports).extracting(RunReport::done).containsExactly(3, 2, 2);
        assertThat(reports).extracting(r -> r.entries().size()).containsExactly(3, 2, 2);
        assertThat(t.total()).isEqualTo(7);
        try (Stream<Path> digests = Files.list(out.resolve("digests"))) {
            assertThat(digests.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".md"))
                            .sorted())
                    .containsExactly(
                            "digest-20240625T060000Z.md", "digest-20240625T070000Z.md", "digest-20240625T080000Z.md");
        }
    }

    @Test
    void should_reject_bad_schedules_with_a_clear_message() {
        assertThatThrownBy(() -> Schedule.cron("0 7 * *", ZoneOffset.UTC))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("--cron '0 7 * *'");
        assertThatThrownBy(() -> Schedule.every(Duration.ZERO)).hasMessageContaining("--every must be a positive");
    }
}

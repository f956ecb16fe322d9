package dev.dragoman.pipeline.schedule;

import dev.dragoman.core.cluster.MinHashStoryClusterer;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.RunReport;
import dev.dragoman.pipeline.digest.Digest;
import dev.dragoman.pipeline.digest.DigestWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A batch with a digest after every run, once or on a {@link Schedule}: what {@code dragoman batch} does and what a
 * Java program calls for a daily digest. Each run goes through the {@link BatchEngine}, then its digest (stories
 * grouped with {@link MinHashStoryClusterer}) is written as Markdown, HTML and JSON under {@code <out>/digests/}. A
 * one-shot run's digest covers the whole batch (items finished by earlier runs too); a scheduled run's digest only
 * the items it finished. {@link #stop()} (SIGTERM) ends the wait at once or lets the current run finish its items
 * in flight. Immutable apart from the stop signal; {@code on}/{@code withClock} return changed copies.
 */
public final class BatchJob {

    /** One run: its report and the digest files it wrote (Markdown first). */
    public record Run(RunReport report, List<Path> digest) {
        public Run {
            Objects.requireNonNull(report, "report");
            digest = List.copyOf(digest);
        }

        /**
         * What a person is told after the run, a line each: where the digest is, the provider batches still in
         * flight, and where the failures are (under {@code out}, the run's output directory) when any item failed.
         */
        public List<String> notes(Path out) {
            List<String> notes = new ArrayList<>();
            notes.add("digest: " + digest.get(0) + " (+ .html, .json)");
            if (!report.batchesInFlight().isEmpty()) {
                notes.add("in flight: " + String.join("; ", report.batchesInFlight())
                        + "; run the same command again later");
            }
            if (report.failed() > 0) {
                notes.add("failures: " + out.resolve(BatchEngine.FAILURES));
            }
            return notes;
        }
    }

    private final BatchEngine engine;
    private final Schedule schedule;
    private final Clock clock;
    private final BatchScheduler.Waiter waiter;
    private final AtomicReference<BatchScheduler> running = new AtomicReference<>();
    private volatile boolean stopped;

    private BatchJob(BatchEngine engine, Schedule schedule, Clock clock, BatchScheduler.Waiter waiter) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.schedule = schedule;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.waiter = waiter;
    }

    /** Runs {@code engine} once per {@link #run} call. */
    public static BatchJob once(BatchEngine engine) {
        return new BatchJob(engine, null, Clock.systemUTC(), null);
    }

    /** A copy that runs on {@code schedule} until {@link #stop()} (null: once). */
    public BatchJob on(Schedule schedule) {
        return new BatchJob(engine, schedule, clock, waiter);
    }

    /** A copy that reads time from {@code clock} and waits with {@code waiter} (null: sleeps) — for tests. */
    public BatchJob withClock(Clock clock, BatchScheduler.Waiter waiter) {
        return new BatchJob(engine, schedule, clock, waiter);
    }

    public Schedule schedule() {
        return schedule;
    }

    /**
     * Runs once, or on the schedule until {@link #stop()}; {@code afterEach} hears every finished run.
     *
     * @return the last run, or null when stopped before any
     * @throws DragomanException of kind INTERNAL when a digest cannot be written
     */
    public Run run(BatchListener listener, Consumer<Run> afterEach) throws InterruptedException {
        AtomicReference<Run> last = new AtomicReference<>();
        if (schedule == null) {
            Run r = runOnce(listener, false);
            afterEach.accept(r);
            return r;
        }
        BatchScheduler scheduler = new BatchScheduler(schedule, clock, waiter, at -> {
            Run r = runOnce(listener, true);
            last.set(r);
            afterEach.accept(r);
        });
        running.set(scheduler);
        if (stopped) {
            return null;
        }
        scheduler.loop(false, 0);
        return last.get();
    }

    /**
     * As {@link #run}, for a process that runs one job: SIGTERM (or Ctrl-C) {@link #stop()}s it, and the JVM waits
     * up to two minutes for the items in flight to finish and be journaled before it exits.
     *
     * @return the last run, or null when stopped before any (also when interrupted)
     */
    public Run runUntilShutdown(BatchListener listener, Consumer<Run> afterEach) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop();
                    try {
                        finished.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "batch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(listener, afterEach);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already running the hook
            }
        }
    }

    /** Stops taking new items and new runs; the items in flight finish and are recorded. Any thread. */
    public void stop() {
        stopped = true;
        engine.requestStop();
        BatchScheduler s = running.get();
        if (s != null) {
            s.stop();
        }
    }

    private Run runOnce(BatchListener listener, boolean onlyNew) {
        Path out = engine.options().out();
        // the digest is written before the output folder's lock is released
        return engine.run(listener, onlyNew, report -> {
            try {
                return new Run(report, new DigestWriter().write(out, Digest.of(report, new MinHashStoryClusterer())));
            } catch (IOException e) {
                throw new DragomanException(
                        DragomanException.Kind.CANNOT_WRITE,
                        "cannot write the digest under " + out + ": " + e.getMessage(),
                        e);
            }
        });
    }
}

package dev.dragoman.pipeline.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a batch running on a {@link Schedule}: waits for the next fire time, runs, and computes the following fire
 * time from the END of the run — so runs never overlap, and fire times missed while a long run was going are
 * skipped (logged), not queued. {@link #stop()} (SIGTERM) ends the wait at once, or lets the current run finish
 * its items in flight and checkpoint, then returns. Time comes from the injected {@link Clock} and waiting from the
 * injected {@link Waiter}, so tests drive it without sleeping.
 */
public final class BatchScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(BatchScheduler.class);

    /** Waits until an instant; returns false when woken early because the scheduler stopped. */
    @FunctionalInterface
    public interface Waiter {
        boolean awaitUntil(Instant when, Clock clock) throws InterruptedException;
    }

    /** One scheduled run; {@code scheduledFor} is the fire time it serves. */
    @FunctionalInterface
    public interface Run {
        void run(Instant scheduledFor);
    }

    private final Schedule schedule;
    private final Clock clock;
    private final Waiter waiter;
    private final Run run;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch stopLatch = new CountDownLatch(1);

    public BatchScheduler(Schedule schedule, Clock clock, Waiter waiter, Run run) {
        this.schedule = schedule;
        this.clock = clock;
        this.waiter = waiter == null ? this::sleepUntil : waiter;
        this.run = run;
    }

    /** Runs until {@link #stop()}; {@code maxRuns} bounds the number of runs (≤ 0 = unbounded). Returns the count. */
    public int loop(boolean runNow, int maxRuns) throws InterruptedException {
        int runs = 0;
        Instant next = runNow ? clock.instant() : schedule.nextAfter(clock.instant());
        while (!stopped.get() && (maxRuns <= 0 || runs < maxRuns)) {
            LOG.info("next run at {} ({})", next, schedule.describe());
            if (!waiter.awaitUntil(next, clock) || stopped.get()) {
                break;
            }
            try {
                run.run(next);
            } catch (dev.dragoman.core.error.DragomanException e) {
                if (e.kind() != dev.dragoman.core.error.DragomanException.Kind.BUSY) {
                    throw e;
                }
                // another run holds the output folder (a manual run beside this schedule): skip this fire time
                LOG.warn("skipping the run for {}: {}", next, e.getMessage());
            }
            runs++;
            Instant end = clock.instant();
            Instant following = schedule.nextAfter(end);
            Instant missed = schedule.nextAfter(next);
            if (missed.isBefore(end)) {
                LOG.warn(
                        "the run for {} ended at {}, after the next fire time {}: skipping the missed fire times",
                        next,
                        end,
                        missed);
            }
            next = following;
        }
        return runs;
    }

    public void stop() {
        stopped.set(true);
        stopLatch.countDown();
    }

    private boolean sleepUntil(Instant when, Clock clock) throws InterruptedException {
        // wait in steps of at most a minute, so a wall-clock jump (suspend, NTP) delays a run by a minute at most
        while (true) {
            Duration wait = Duration.between(clock.instant(), when);
            if (wait.isNegative() || wait.isZero()) {
                return !stopped.get();
            }
            if (stopLatch.await(Math.min(wait.toMillis(), 60_000), TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
    }
}

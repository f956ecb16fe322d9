package dev.dragoman.serve;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control for requests that may call a backend: at most {@code slots} run at once, at most {@code queued}
 * more wait, each for at most {@code wait}; everything past that is refused at once (the caller answers 429 with
 * Retry-After) instead of queueing without bound. Thread-safe.
 */
final class Admission {

    private final int slots;
    private final Semaphore free;
    private final int queued;
    private final long waitNanos;
    private final AtomicInteger waiting = new AtomicInteger();

    Admission(int slots, int queued, Duration wait) {
        this.slots = slots;
        this.free = new Semaphore(slots, true);
        this.queued = queued;
        this.waitNanos = wait.toNanos();
    }

    /** True when the caller got a slot (and must {@link #leave()}); false when it is refused. */
    boolean enter() {
        if (free.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > queued) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return free.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    void leave() {
        free.release();
    }

    int inFlight() {
        return slots - free.availablePermits();
    }

    int waiting() {
        return waiting.get();
    }
}

package dev.dragoman.core.testing;

import dev.dragoman.core.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when told to, and a {@link Sleeper} that advances it instead of sleeping — so code that
 * waits (retry backoff, rate limiting, TTLs) is tested without real waiting. Records every requested sleep.
 * Thread-safe.
 */
public final class ManualClock extends Clock {

    private volatile Instant now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public ManualClock(Instant start) {
        this.now = start;
    }

    public ManualClock() {
        this(Instant.parse("2024-06-25T08:00:00Z"));
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    /** A sleeper that records the wait and advances this clock by it. */
    public Sleeper sleeper() {
        return d -> {
            sleeps.add(d);
            if (!d.isNegative()) {
                advance(d);
            }
        };
    }

    /** Every wait requested through {@link #sleeper()}, zero waits included, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The requested waits that were longer than zero. */
    public List<Duration> realSleeps() {
        return sleeps.stream().filter(d -> !d.isZero() && !d.isNegative()).toList();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

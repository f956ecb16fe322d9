package dev.dragoman.core.ratelimit;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A client-side rate limiter for one backend: at most {@code requestsPerMinute} calls and {@code unitsPerMinute}
 * units (characters for MT APIs, tokens for LLMs) per minute, shared by every thread that calls the backend.
 *
 * <p>Two token buckets refilled continuously at the per-minute rate, each holding at most one second's share
 * (at least 1): a fresh or idle limiter lets a burst of about one second's allowance through, never a whole
 * minute's (a server that limits per second would answer a minute's burst with 429s). {@link #reserve} books its
 * share at once — the balance may go negative, a debt later callers wait out — and the caller then waits outside
 * the lock until the balance it booked against had held its share, so callers are served in arrival order and no
 * thread holds the lock while waiting. A single request larger than the burst passes as soon as the bucket is full
 * (its excess becomes debt), so big requests are never starved; one larger than a minute's allowance is charged a
 * minute's worth. A limit of 0 means unlimited.
 *
 * <p>Thread-safe. The clock and sleeper are injected so tests never really wait.
 */
public final class RateLimiter {

    private static final long MINUTE_MICROS = 60_000_000L;
    /** Keeps the bucket arithmetic inside a long. */
    public static final long MAX_PER_MINUTE = 10_000_000_000L;

    private final Bucket requests;
    private final Bucket units;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param requestsPerMinute calls per minute, 0 = unlimited
     * @param unitsPerMinute characters or tokens per minute, 0 = unlimited
     */
    public RateLimiter(long requestsPerMinute, long unitsPerMinute, Clock clock, Sleeper sleeper) {
        if (requestsPerMinute < 0 || unitsPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must not be negative");
        }
        if (requestsPerMinute > MAX_PER_MINUTE || unitsPerMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException(
                    "rate limits above " + MAX_PER_MINUTE + " per minute: use 0 (unlimited)");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        long now = nanos();
        this.requests = new Bucket(requestsPerMinute, now);
        this.units = new Bucket(unitsPerMinute, now);
    }

    /** A limiter with real time and real sleeping. */
    public static RateLimiter perMinute(long requestsPerMinute, long unitsPerMinute) {
        return new RateLimiter(requestsPerMinute, unitsPerMinute, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /** A limiter that never waits. */
    public static RateLimiter unlimited() {
        return perMinute(0, 0);
    }

    public long requestsPerMinute() {
        return requests.capacity;
    }

    public long unitsPerMinute() {
        return units.capacity;
    }

    /**
     * Takes one request and {@code unitCount} units, waiting as long as the limits require.
     *
     * @return how long this call waited
     * @throws DragomanException of kind INTERNAL when interrupted while waiting
     */
    public Duration acquire(long unitCount) {
        Duration wait = reserve(unitCount);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DragomanException(
                    DragomanException.Kind.INTERNAL, "interrupted while waiting for the rate limit", e);
        }
        return wait;
    }

    /** Takes one request and {@code unitCount} units now and returns how long the caller must wait before sending. */
    public synchronized Duration reserve(long unitCount) {
        if (unitCount < 0) {
            throw new IllegalArgumentException("unit count must not be negative");
        }
        long now = nanos();
        long wait = Math.max(requests.take(1, now), units.take(unitCount, now));
        return Duration.ofNanos(wait);
    }

    private long nanos() {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /**
     * A bucket refilled at {@code capacity} units per minute and holding at most one second's share of it (at
     * least 1 unit), kept in exact integer arithmetic: the balance is stored in unit-microseconds
     * (units × 60,000,000), so refills and waits have no rounding drift. The balance may go negative (debt that
     * later callers wait out).
     */
    private static final class Bucket {
        /** Units per minute (the long-run rate); 0 = unlimited. */
        final long capacity;
        /** The burst: the most the balance holds, one second's share rounded up, at least 1 unit. */
        final long full;

        long balance;
        long last;

        Bucket(long capacity, long now) {
            this.capacity = capacity;
            long burst = Math.max(1, (capacity + 59) / 60);
            this.full = Math.multiplyExact(burst, MINUTE_MICROS);
            this.balance = full;
            this.last = now;
        }

        /** Takes {@code n} units and returns the nanoseconds until the balance is back at zero (0 = go now). */
        long take(long n, long nowNanos) {
            if (capacity == 0) {
                return 0;
            }
            long elapsedMicros = Math.min((nowNanos - last) / 1000, MINUTE_MICROS);
            if (elapsedMicros > 0) {
                balance = Math.min(full, balance + elapsedMicros * capacity);
                last += elapsedMicros * 1000;
                if (balance == full) {
                    last = nowNanos;
                }
            }
            long charge = Math.min(n, capacity) * MINUTE_MICROS;
            // the balance that must be there before this request goes: its share, at most a full bucket
            long needed = Math.min(charge, full);
            long deficit = needed - balance;
            balance -= charge;
            if (deficit <= 0) {
                return 0;
            }
            long waitMicros = (deficit + capacity - 1) / capacity;
            return waitMicros * 1000;
        }
    }
}

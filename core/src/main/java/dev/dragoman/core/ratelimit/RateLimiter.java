package dev.dragoman.core.ratelimit;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A client-side rate limiter for one backend: at most {@code requestsPerMinute} calls and {@code unitsPerMinute}
 * units (characters for MT APIs, tokens for LLMs) per minute, shared by every thread that calls the backend — and,
 * for calls made through {@link #call}, no faster than the rate the server turns out to allow.
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
 * <p><b>Learning the server's rate.</b> A 429 ({@link RateLimitedException}) from a call made through {@link #call}
 * says the client sends faster than the server allows; the rate is then the one an {@link AimdRate} controller keeps
 * (its first estimate: the calls sent in the second before the refused one that were not refused themselves, calls
 * still in flight counting as accepted; then multiplicative decrease on 429s, additive increase without), and
 * requests go one at a time (burst 1), evenly spaced at that rate. A 429's Retry-After holds every later caller until
 * then, in order and evenly spaced, not in a burst. The learned rate never exceeds the configured requests per
 * minute; calls made through {@link #acquire} or {@link #reserve} alone are limited but teach nothing.
 *
 * <p><b>The server's own figures.</b> Where a provider states its budget on every answer ({@link RateLimitHeaders}:
 * requests remaining, time to reset), {@link #observe} takes "none remaining" as the signal a 429 would have given
 * (at most once a second: the answers in flight all say it at once), without the wasted request; a budget that
 * resets more than a second later (a per-minute window) also holds every caller until the reset. A budget with
 * requests left changes nothing: spreading them over the time to reset, or holding every caller until a sub-second
 * reset, was measured slower than learning, since the figures are stale by the answer's latency and leave out the
 * calls in flight (RateLimitBenchmark).
 *
 * <p><b>Shared with other processes.</b> A limiter {@link #sharing} a {@link SharedRate} books every call there too,
 * after its own limit let it through and just before it is sent, and tells it of each 429: the workers of a cluster
 * then keep one provider's rate together (each keeps its own limit as well, and learns from its own 429s as above).
 *
 * <p>Thread-safe. The clock and sleeper are injected so tests never really wait.
 */
public final class RateLimiter {

    private static final long MINUTE_MICROS = 60_000_000L;
    private static final long SECOND_NANOS = 1_000_000_000L;
    /** Keeps the bucket arithmetic inside a long. */
    public static final long MAX_PER_MINUTE = 10_000_000_000L;

    private final long configuredRequestsPerMinute;
    private final Bucket requests;
    private final Bucket units;
    private final Clock clock;
    private final Sleeper sleeper;
    /** The budget shared with other processes, or null. */
    private final SharedRate shared;

    /** The rate learned from 429s (0 until the first one). */
    private final AimdRate learned;
    /** When a server's answer last said its budget was exhausted (nanos; 0 = never). */
    private long lastExhausted;
    /** The calls sent through {@link #call} in the last two seconds or so, in booking order. */
    private final ArrayDeque<Send> sends = new ArrayDeque<>();

    /**
     * @param requestsPerMinute calls per minute, 0 = unlimited (until a server's 429s teach a rate)
     * @param unitsPerMinute characters or tokens per minute, 0 = unlimited
     */
    public RateLimiter(long requestsPerMinute, long unitsPerMinute, Clock clock, Sleeper sleeper) {
        this(requestsPerMinute, unitsPerMinute, clock, sleeper, null);
    }

    private RateLimiter(long requestsPerMinute, long unitsPerMinute, Clock clock, Sleeper sleeper, SharedRate shared) {
        if (requestsPerMinute < 0 || unitsPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must not be negative");
        }
        if (requestsPerMinute > MAX_PER_MINUTE || unitsPerMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException(
                    "rate limits above " + MAX_PER_MINUTE + " per minute: use 0 (unlimited)");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.shared = shared;
        long now = nanos();
        this.configuredRequestsPerMinute = requestsPerMinute;
        this.requests = new Bucket(requestsPerMinute, now);
        this.units = new Bucket(unitsPerMinute, now);
        this.learned = new AimdRate(requestsPerMinute / 60.0);
    }

    /** A limiter with real time and real sleeping. */
    public static RateLimiter perMinute(long requestsPerMinute, long unitsPerMinute) {
        return new RateLimiter(requestsPerMinute, unitsPerMinute, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /** A limiter that never waits (until a server's 429s, met through {@link #call}, teach it a rate). */
    public static RateLimiter unlimited() {
        return perMinute(0, 0);
    }

    /**
     * A fresh limiter with this one's configured limits, clock and sleeper that also books every call against
     * {@code budget} (null: none), shared with other processes; nothing learned here is carried over.
     */
    public RateLimiter sharing(SharedRate budget) {
        return new RateLimiter(configuredRequestsPerMinute, units.capacity, clock, sleeper, budget);
    }

    /** The configured requests per minute (0 = unlimited); see {@link #effectiveRequestsPerMinute()}. */
    public long requestsPerMinute() {
        return configuredRequestsPerMinute;
    }

    public long unitsPerMinute() {
        return units.capacity;
    }

    /** The requests per minute in force now: the configured limit, or the lower rate learned from 429s (0 = none). */
    public synchronized long effectiveRequestsPerMinute() {
        return requests.capacity;
    }

    /**
     * Takes one request and {@code unitCount} units, waiting as long as the limits require.
     *
     * @return how long this call waited
     * @throws DragomanException of kind INTERNAL when interrupted while waiting; retriable when a shared budget
     *     cannot be reached
     */
    public Duration acquire(long unitCount) {
        Duration wait = reserve(unitCount);
        sleep(wait);
        return wait.plus(waitShared(unitCount));
    }

    /** Books the call against the shared budget, if any, and waits as long as it says. */
    private Duration waitShared(long unitCount) {
        if (shared == null) {
            return Duration.ZERO;
        }
        Duration wait = shared.reserve(unitCount);
        sleep(wait);
        return wait;
    }

    /**
     * Takes one request and {@code unitCount} units now and returns how long the caller must wait before sending.
     * The shared budget, if any, is not booked: {@link #acquire} and {@link #call} book it.
     */
    public synchronized Duration reserve(long unitCount) {
        if (unitCount < 0) {
            throw new IllegalArgumentException("unit count must not be negative");
        }
        long now = nanos();
        if (learned.grow(now)) {
            apply(now);
        }
        long wait = Math.max(requests.take(1, now), units.take(unitCount, now));
        return Duration.ofNanos(wait);
    }

    /**
     * Waits for one request and {@code unitCount} units like {@link #acquire}, runs {@code action}, and learns from
     * its outcome: a {@link RateLimitedException} lowers the request rate (see the class comment) and is rethrown.
     *
     * @throws DragomanException of kind INTERNAL when interrupted while waiting; whatever {@code action} throws
     */
    public <T> T call(long unitCount, Supplier<T> action) {
        Objects.requireNonNull(action, "action");
        Send send;
        synchronized (this) {
            Duration wait = reserve(unitCount);
            long now = nanos();
            send = new Send(learned.epoch(), now + wait.toNanos(), wait);
            sends.addLast(send);
            while (sends.size() > 1 && sends.peekFirst().sentAt < now - 2 * SECOND_NANOS) {
                sends.pollFirst();
            }
        }
        sleep(send.wait);
        waitShared(unitCount);
        try {
            return action.get();
        } catch (RateLimitedException e) {
            refused(send, e.retryAfter().orElse(null));
            if (shared != null) {
                shared.refused(e.retryAfter().orElse(null));
            }
            throw e;
        }
    }

    private synchronized void refused(Send send, Duration retryAfter) {
        long now = nanos();
        send.refused = true;
        int accepted = 0;
        for (Send s : sends) {
            if (!s.refused && s != send && s.sentAt > send.sentAt - SECOND_NANOS && s.sentAt <= send.sentAt) {
                accepted++;
            }
        }
        if (learned.refused(send.epoch, accepted, now)) {
            apply(now);
        }
        if (retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero()) {
            requests.holdUntil(now + retryAfter.toNanos(), now);
        }
    }

    /**
     * What an answer's headers said about the server's budget (see the class comment). Any thread may report; a
     * hint about the past (an answer overtaken by a later one) only ever slows the next requests down.
     */
    public synchronized void observe(RateLimitHeaders stated) {
        if (stated.remaining() > 0) {
            return; // budget left: pacing by remaining ÷ reset measured slower than learning (RateLimitBenchmark)
        }
        long now = nanos();
        // none left: the same signal as a 429, without the wasted request — once per second, since the answers in
        // flight all say it at once
        if (now - lastExhausted >= SECOND_NANOS || lastExhausted == 0) {
            lastExhausted = now;
            int accepted = 0;
            for (Send s : sends) {
                if (!s.refused && s.sentAt > now - SECOND_NANOS && s.sentAt <= now) {
                    accepted++;
                }
            }
            if (learned.refused(learned.epoch(), accepted, now)) {
                apply(now);
            }
        }
        // a budget that resets later than a second from now is a longer window's: wait for it
        long reset = stated.reset().toNanos();
        if (reset > SECOND_NANOS && learned.perSecond() > 0) {
            requests.holdUntil(now + reset, now);
        }
    }

    /** The requests bucket at the rate in force: the configured one, or below it the learned one (one at a time). */
    private void apply(long now) {
        double rate = learned.perSecond();
        if (rate == 0) {
            requests.setRate(configuredRequestsPerMinute, now, false);
            return;
        }
        long perMinute = Math.max(1, (long) Math.floor(rate * 60));
        if (configuredRequestsPerMinute > 0 && perMinute >= configuredRequestsPerMinute) {
            requests.setRate(configuredRequestsPerMinute, now, false);
            return;
        }
        requests.setRate(Math.min(perMinute, MAX_PER_MINUTE), now, true);
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DragomanException(
                    DragomanException.Kind.INTERNAL, "interrupted while waiting for the rate limit", e);
        }
    }

    private long nanos() {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** One call through {@link #call}: the rate it was booked under, when it was sent, whether it was refused. */
    private static final class Send {
        final long epoch;
        final long sentAt;
        final Duration wait;
        boolean refused;

        Send(long epoch, long sentAt, Duration wait) {
            this.epoch = epoch;
            this.sentAt = sentAt;
            this.wait = wait;
        }
    }

    /**
     * A bucket refilled at {@code capacity} units per minute and holding at most one second's share of it (at
     * least 1 unit; exactly 1 once the rate is learned), kept in exact integer arithmetic: the balance is stored in
     * unit-microseconds (units × 60,000,000), so refills and waits have no rounding drift. The balance may go
     * negative (debt that later callers wait out).
     */
    private static final class Bucket {
        /** Units per minute (the long-run rate); 0 = unlimited. */
        long capacity;
        /** The burst: the most the balance holds, one second's share rounded up, at least 1 unit. */
        long full;

        long balance;
        long last;

        Bucket(long capacity, long now) {
            this.capacity = capacity;
            long burst = Math.max(1, (capacity + 59) / 60);
            this.full = Math.multiplyExact(burst, MINUTE_MICROS);
            this.balance = full;
            this.last = now;
        }

        /**
         * A new rate; {@code even}: with a burst of one unit (a learned or stated rate is kept evenly, never in
         * bursts), else one second's share as at construction. 0 = unlimited.
         */
        void setRate(long perMinute, long now, boolean even) {
            if (perMinute == capacity && (full == MINUTE_MICROS) == even) {
                return;
            }
            if (capacity > 0) {
                refill(now);
            } else {
                balance = MINUTE_MICROS;
                last = now;
            }
            capacity = perMinute;
            full = even ? MINUTE_MICROS : Math.multiplyExact(Math.max(1, (perMinute + 59) / 60), MINUTE_MICROS);
            balance = Math.min(balance, full);
        }

        /** Makes the next unit wait until {@code until} (nanos), unless it already has to wait longer. */
        void holdUntil(long until, long now) {
            if (capacity == 0 || until <= now) {
                return;
            }
            refill(now);
            long holdMicros = (until - now + 999) / 1000;
            balance = Math.min(balance, full - holdMicros * capacity);
        }

        private void refill(long nowNanos) {
            long elapsedMicros = Math.min((nowNanos - last) / 1000, MINUTE_MICROS);
            if (elapsedMicros > 0) {
                balance = Math.min(full, balance + elapsedMicros * capacity);
                last += elapsedMicros * 1000;
                if (balance == full) {
                    last = nowNanos;
                }
            }
        }

        /** Takes {@code n} units and returns the nanoseconds until the balance is back at zero (0 = go now). */
        long take(long n, long nowNanos) {
            if (capacity == 0) {
                return 0;
            }
            refill(nowNanos);
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

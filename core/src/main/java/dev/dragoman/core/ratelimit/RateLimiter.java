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
 * says the client sends faster than the server allows. The limiter then counts the calls it sent in the second
 * before the refused one that were not refused themselves (calls still in flight count as accepted): at a server that
 * limits per second, that is its limit. From then on requests go one at a time (burst 1), evenly spaced at
 * {@value #MARGIN_PERCENT} % of that count. A further 429 lowers the rate to {@value #DECREASE_PERCENT} % of itself
 * — but only for a call booked after the last adjustment: the calls already under way when the rate changed were
 * sent at the old rate, and their 429s say nothing new. While no 429 comes the rate creeps up by
 * {@value #PROBE_PER_MILLE_PER_SECOND} ‰ per second, so a limit that was underestimated, or raised, is found again
 * (at the price of one 429 about every ten seconds at the limit: under 1 % of requests at 12 per second). A server
 * whose window is longer than a second (per minute) answers more 429s; each cuts the rate again, geometrically. A 429's
 * Retry-After holds every later caller until then, in order and evenly spaced, not in a burst. The learned rate never
 * exceeds the configured requests per minute; calls made through {@link #acquire} or {@link #reserve} alone are
 * limited but teach nothing.
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

    /** The learned rate, as a share of the requests the server accepted in the second before a 429. */
    static final int MARGIN_PERCENT = 95;
    /** A further 429 cuts the learned rate to this share of itself. */
    static final int DECREASE_PERCENT = 95;
    /** The learned rate's growth per second without a 429, in thousandths. */
    static final int PROBE_PER_MILLE_PER_SECOND = 5;
    /** The lowest learned rate: one request per minute. */
    private static final double MIN_PER_SECOND = 1.0 / 60;

    private final long configuredRequestsPerMinute;
    private final Bucket requests;
    private final Bucket units;
    private final Clock clock;
    private final Sleeper sleeper;
    /** The budget shared with other processes, or null. */
    private final SharedRate shared;

    /** Requests per second learned from 429s; 0 until the first one. */
    private double learnedPerSecond;
    /** Counts the learned rate's cuts: a call booked under an earlier count is not evidence against the rate. */
    private long adjustments;
    /** When the learned rate last grew (nanos). */
    private long probedAt;
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
        probe(now);
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
            send = new Send(adjustments, now + wait.toNanos(), wait);
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
        if (send.adjustments == adjustments) {
            int accepted = 0;
            for (Send s : sends) {
                if (!s.refused && s != send && s.sentAt > send.sentAt - SECOND_NANOS && s.sentAt <= send.sentAt) {
                    accepted++;
                }
            }
            double fromCount = Math.max(1, accepted) * MARGIN_PERCENT / 100.0;
            double rate = learnedPerSecond == 0 ? fromCount : learnedPerSecond * DECREASE_PERCENT / 100.0;
            learnedPerSecond = Math.max(MIN_PER_SECOND, rate);
            adjustments++;
            probedAt = now;
            apply(now);
        }
        if (retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero()) {
            requests.holdUntil(now + retryAfter.toNanos(), now);
        }
    }

    /** Lets the learned rate grow by {@value #PROBE_PER_MILLE_PER_SECOND} ‰ for each second since it last grew. */
    private void probe(long now) {
        if (learnedPerSecond == 0 || now - probedAt < SECOND_NANOS) {
            return;
        }
        long seconds = (now - probedAt) / SECOND_NANOS;
        learnedPerSecond *= Math.pow(1 + PROBE_PER_MILLE_PER_SECOND / 1000.0, Math.min(seconds, 3600));
        probedAt += seconds * SECOND_NANOS;
        apply(now);
    }

    /** The requests bucket at the learned rate (within the configured one), one request at a time. */
    private void apply(long now) {
        long perMinute = Math.max(1, (long) Math.floor(learnedPerSecond * 60));
        if (configuredRequestsPerMinute > 0 && perMinute >= configuredRequestsPerMinute) {
            learnedPerSecond = configuredRequestsPerMinute / 60.0; // nothing to learn above the configured limit
            perMinute = configuredRequestsPerMinute;
        }
        requests.setRate(Math.min(perMinute, MAX_PER_MINUTE), now);
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
        final long adjustments;
        final long sentAt;
        final Duration wait;
        boolean refused;

        Send(long adjustments, long sentAt, Duration wait) {
            this.adjustments = adjustments;
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

        /** A new rate, with a burst of one unit: a learned rate is kept evenly, never in bursts. */
        void setRate(long perMinute, long now) {
            if (capacity > 0) {
                refill(now);
            } else {
                balance = MINUTE_MICROS;
                last = now;
            }
            capacity = perMinute;
            full = MINUTE_MICROS;
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

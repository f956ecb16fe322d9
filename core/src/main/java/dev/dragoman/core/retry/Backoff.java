package dev.dragoman.core.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * An exponential backoff policy with jitter and a bounded number of attempts, modelled on DeepL's official client:
 * the first retry waits about {@code initial}, each later one {@code multiplier} times longer, every wait is moved by
 * up to ±{@code jitter} of itself at random (so many clients that failed together do not retry together) and no wait
 * exceeds {@code max}. {@code maxAttempts} counts every try, the first one included.
 *
 * <p>{@link #DEFAULT}: 1 s, ×1.6, ±23 %, cap 120 s, 5 attempts. Immutable; variants via {@code with*}.
 */
public record Backoff(Duration initial, double multiplier, double jitter, Duration max, int maxAttempts) {

    /** 1 s, ×1.6, ±23 % jitter, capped at 120 s, at most 5 attempts. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), 1.6, 0.23, Duration.ofSeconds(120), 5);

    /** A policy that tries once and never retries. */
    public static final Backoff NONE = DEFAULT.withMaxAttempts(1);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max, got " + initial + " and " + max);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be >= 1, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("backoff jitter must be in [0, 1), got " + jitter);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs at least 1 attempt, got " + maxAttempts);
        }
    }

    public Backoff withMaxAttempts(int attempts) {
        return new Backoff(initial, multiplier, jitter, max, attempts);
    }

    public Backoff withInitial(Duration first) {
        return new Backoff(first, multiplier, jitter, max.compareTo(first) < 0 ? first : max, maxAttempts);
    }

    public Backoff withMax(Duration cap) {
        return new Backoff(initial, multiplier, jitter, cap, maxAttempts);
    }

    /**
     * The wait after the {@code failures}-th failed attempt (1 = after the first failure).
     *
     * @param unitRandom a value in [0, 1) that picks the jitter; 0.5 means no jitter
     */
    public Duration delayAfter(int failures, double unitRandom) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be >= 1, got " + failures);
        }
        double capNanos = max.toNanos();
        double base = Math.min(initial.toNanos() * Math.pow(multiplier, failures - 1), capNanos);
        double factor = 1.0 + jitter * (2.0 * unitRandom - 1.0);
        double nanos = Math.min(base * factor, capNanos);
        return Duration.ofNanos(Math.max(0L, (long) nanos));
    }
}

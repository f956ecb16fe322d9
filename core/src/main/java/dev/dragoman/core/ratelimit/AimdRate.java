package dev.dragoman.core.ratelimit;

/**
 * The adaptive part of client-side rate limiting, kept apart from any bucket: an AIMD controller (additive increase,
 * multiplicative decrease, as TCP's congestion window) of the request rate a server allows, fed with its 429s.
 *
 * <ul>
 *   <li><b>Start</b>: no rate ({@link #perSecond()} 0, nothing to enforce) until the first 429; that one sets the rate
 *       to {@value #MARGIN_PERCENT} % of the requests the server accepted in the second before it — at a server that
 *       limits per second, its limit (the "slow start" ends at the first loss).
 *   <li><b>Decrease</b>: every later 429 cuts the rate to {@value #DECREASE_PERCENT} % of itself — but only for a call
 *       booked after the last cut ({@link #epoch()}): calls already under way were sent at the old rate and their
 *       429s say nothing new. The cut is gentle because the first estimate is already near the limit; a server with
 *       a longer window (per minute) answers more 429s and each cuts again, geometrically.
 *   <li><b>Increase</b>: while no 429 comes the rate grows linearly by {@value #INCREASE_PER_MILLE} ‰ of the rate set
 *       at the last cut per second, so a limit that was underestimated, or raised, is found again, at the price of
 *       one 429 about every ten seconds at the limit (under 1 % of requests at 12 per second).
 * </ul>
 *
 * The rate never exceeds {@code ceilingPerSecond} (the configured limit; 0 = none) and never falls below one request
 * a minute. Times are nanoseconds on the caller's clock, so the controller is deterministic under a fake clock. Not
 * thread-safe: the owner ({@link RateLimiter}, or another limiter that composes it) synchronizes.
 */
public final class AimdRate {

    /** The first learned rate, as a share of the requests the server accepted in the second before a 429. */
    public static final int MARGIN_PERCENT = 95;
    /** A further 429 cuts the learned rate to this share of itself. */
    public static final int DECREASE_PERCENT = 95;
    /** The additive growth per second without a 429, in thousandths of the rate set at the last cut. */
    public static final int INCREASE_PER_MILLE = 5;

    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final double MIN_PER_SECOND = 1.0 / 60;

    private final double ceilingPerSecond;
    private double perSecond;
    /** The rate right after the last cut: the additive step is a fixed share of it until the next cut. */
    private double cutTo;

    private long grownAt;
    private long epoch;

    /** @param ceilingPerSecond the highest rate it may learn (a configured limit), 0 = none */
    public AimdRate(double ceilingPerSecond) {
        if (ceilingPerSecond < 0) {
            throw new IllegalArgumentException("the ceiling must not be negative");
        }
        this.ceilingPerSecond = ceilingPerSecond;
    }

    /** Requests per second learned so far; 0 until the first 429 (nothing learned, nothing to enforce). */
    public double perSecond() {
        return perSecond;
    }

    /** Counts the cuts: a call booked under an earlier epoch is no evidence against the current rate. */
    public long epoch() {
        return epoch;
    }

    /**
     * A 429 for a call booked in {@code bookedEpoch}.
     *
     * @param acceptedInLastSecond calls the server accepted in the second before the refused one (used by the
     *     first 429 only)
     * @return true when the rate changed
     */
    public boolean refused(long bookedEpoch, int acceptedInLastSecond, long nowNanos) {
        if (bookedEpoch != epoch) {
            return false;
        }
        double rate = perSecond == 0
                ? Math.max(1, acceptedInLastSecond) * MARGIN_PERCENT / 100.0
                : perSecond * DECREASE_PERCENT / 100.0;
        perSecond = clamp(rate);
        cutTo = perSecond;
        grownAt = nowNanos;
        epoch++;
        return true;
    }

    /**
     * Adds the additive increase for every whole second since the rate last grew.
     *
     * @return true when the rate changed
     */
    public boolean grow(long nowNanos) {
        if (perSecond == 0 || nowNanos - grownAt < SECOND_NANOS) {
            return false;
        }
        long seconds = Math.min((nowNanos - grownAt) / SECOND_NANOS, 24 * 3600);
        double before = perSecond;
        perSecond = clamp(perSecond + seconds * cutTo * INCREASE_PER_MILLE / 1000.0);
        grownAt += seconds * SECOND_NANOS;
        return perSecond != before;
    }

    private double clamp(double rate) {
        double r = Math.max(MIN_PER_SECOND, rate);
        return ceilingPerSecond > 0 ? Math.min(r, ceilingPerSecond) : r;
    }
}

package dev.dragoman.core.ratelimit;

import java.time.Duration;

/**
 * One backend's rate budget shared by every process that uses the same store — the workers of a cluster, several
 * batches on one account — so that N processes together never send N times the provider's rate. A
 * {@link RateLimiter} books each call here after its own (per-process) limit lets it through.
 *
 * <p>Implementations are thread-safe.
 */
public interface SharedRate {

    /**
     * Books one request and {@code units} characters or tokens against the shared budget now.
     *
     * @return how long the caller must wait before sending (zero: at once); the booking stands, so the caller sends
     *     after waiting rather than asking again
     * @throws dev.dragoman.core.error.DragomanException (retriable) when the shared store cannot be reached: a call
     *     is never sent unbooked
     */
    Duration reserve(long units);

    /**
     * A call booked here was answered 429: every process slows down (see the implementation for how much), and
     * when the server named a wait ({@code retryAfter}, or null) every process holds until then.
     */
    default void refused(Duration retryAfter) {}
}

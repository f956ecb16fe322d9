package dev.dragoman.core.retry;

import java.time.Duration;

/**
 * Waits for a while. Injected wherever Dragoman waits (retry backoff, rate limiting) so that tests never really
 * sleep: a test sleeper records the requested waits and advances a manual clock instead.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with {@link Thread#sleep}. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    /**
     * Waits for {@code duration} (zero or negative: returns at once).
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}

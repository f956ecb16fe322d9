package dev.dragoman.core.retry;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action and tries it again, following a {@link Backoff}, while it fails with a
 * {@link DragomanException#isRetriable() retriable} {@link DragomanException} (rate limited, backend unavailable,
 * timeout). A {@link RateLimitedException} that carries a {@code Retry-After} waits exactly that long instead of the
 * backoff delay; a Retry-After longer than the backoff's cap gives up at once rather than hammering the backend early.
 * Anything else (authentication, quota, bad request, invalid input, unchecked bugs) propagates immediately.
 *
 * <p>When the attempts run out the last failure is rethrown with the same kind and a message that says how many
 * attempts were made. The sleeper, clock and random source are injected so tests never really wait.
 *
 * <p>Thread-safe: one instance may serve every thread.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** Told about every retry before its wait; for metrics and tests. */
    @FunctionalInterface
    public interface Listener {
        /** @param attempt the attempt that failed (1-based); {@code delay} is the wait before the next one */
        void onRetry(String what, int attempt, Duration delay, DragomanException failure);

        /**
         * A retry as people read it: "deepl failed (attempt 1: MESSAGE); retrying in 1.0 s", ending ", as the server
         * asked (Retry-After)" when the wait is the server's.
         */
        static String describe(String what, int attempt, Duration delay, DragomanException failure) {
            boolean asked = failure instanceof RateLimitedException rl
                    && rl.retryAfter().isPresent();
            return String.format(
                    Locale.ROOT,
                    "%s failed (attempt %d: %s); retrying in %.1f s%s",
                    what,
                    attempt,
                    failure.getMessage(),
                    delay.toMillis() / 1000.0,
                    asked ? ", as the server asked (Retry-After)" : "");
        }
    }

    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Listener listener;

    /**
     * @param random values in [0, 1) for the jitter (must be thread-safe)
     */
    public Retrier(Backoff backoff, Sleeper sleeper, Clock clock, DoubleSupplier random, Listener listener) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = listener == null ? (w, a, d, f) -> {} : listener;
    }

    /** The default policy with real sleeping, the system clock and thread-local randomness. */
    public static Retrier withDefaults() {
        return of(Backoff.DEFAULT);
    }

    /** {@code backoff} with real sleeping, the system clock and thread-local randomness. */
    public static Retrier of(Backoff backoff) {
        return new Retrier(
                backoff,
                Sleeper.SYSTEM,
                Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble(),
                null);
    }

    /** A retrier that tries once (for callers that must not retry). */
    public static Retrier none() {
        return of(Backoff.NONE);
    }

    public Backoff backoff() {
        return backoff;
    }

    /** A copy that also reports every retry to {@code newListener}. */
    public Retrier withListener(Listener newListener) {
        return new Retrier(backoff, sleeper, clock, random, newListener);
    }

    /**
     * Runs {@code action} until it succeeds, fails with a non-retriable error, or the attempts run out.
     *
     * @param what names the call in logs and messages ("DeepL translate")
     * @throws DragomanException the action's last failure; {@link DragomanException.Kind#INTERNAL} if interrupted
     */
    public <T> T call(String what, Supplier<T> action) {
        Instant start = clock.instant();
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (DragomanException e) {
                if (!e.isRetriable()) {
                    throw e;
                }
                if (attempt >= backoff.maxAttempts()) {
                    throw gaveUp(e, attempt, start, null);
                }
                Duration delay = backoff.delayAfter(attempt, random.getAsDouble());
                if (e instanceof RateLimitedException rl && rl.retryAfter().isPresent()) {
                    Duration asked = rl.retryAfter().get();
                    if (asked.compareTo(backoff.max()) > 0) {
                        throw gaveUp(
                                e,
                                attempt,
                                start,
                                "the backend asked to wait " + asked.toSeconds() + " s, longer than the "
                                        + backoff.max().toSeconds() + " s retry cap");
                    }
                    delay = asked.isNegative() ? Duration.ZERO : asked;
                }
                LOG.warn(
                        "{} failed ({}), attempt {}/{}; retrying in {} ms",
                        what,
                        e.getMessage(),
                        attempt,
                        backoff.maxAttempts(),
                        delay.toMillis());
                listener.onRetry(what, attempt, delay, e);
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new DragomanException(
                            DragomanException.Kind.INTERNAL, what + " was interrupted while waiting to retry", ie);
                }
            }
        }
    }

    private DragomanException gaveUp(DragomanException last, int attempts, Instant start, String why) {
        if (attempts == 1 && why == null) {
            return last;
        }
        long seconds = Duration.between(start, clock.instant()).toSeconds();
        String reason =
                why != null ? "; gave up: " + why : " (gave up after " + attempts + " attempts over " + seconds + " s)";
        return new DragomanException(last.kind(), last.getMessage() + reason, last);
    }
}

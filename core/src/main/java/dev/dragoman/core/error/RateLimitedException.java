package dev.dragoman.core.error;

import java.time.Duration;
import java.util.Optional;

/** The backend answered "too many requests"; {@link #retryAfter()} carries its Retry-After hint when it sent one. */
public final class RateLimitedException extends DragomanException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(Kind.RATE_LIMITED, message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

package dev.dragoman.serve;

import java.time.Duration;

/**
 * A request the server answers with an error status: the message goes to the client in its API's error shape
 * ({@code {"error": …}} for LibreTranslate and /api/v1, {@code {"message": …}} for DeepL). Never carries a secret or a
 * stack trace.
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final Duration retryAfter;
    private final String refusal;

    ApiError(int status, String message) {
        this(status, message, null);
    }

    ApiError(int status, String message, Duration retryAfter) {
        this(status, message, retryAfter, null);
    }

    /** @param refusal why the request was refused before any work, for {@code /metrics} (null: not a refusal) */
    ApiError(int status, String message, Duration retryAfter, String refusal) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
        this.refusal = refusal;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    int status() {
        return status;
    }

    String refusal() {
        return refusal;
    }

    /** Seconds for {@code Retry-After} (at least 1), or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}

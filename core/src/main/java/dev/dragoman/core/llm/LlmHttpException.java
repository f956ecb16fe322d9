package dev.dragoman.core.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx answer to a LangChain4j provider's HTTP request, with what LangChain4j's own {@link HttpException} drops:
 * the server's wait ({@code Retry-After} in seconds or as an HTTP date, or {@code retry-after-ms}), already parsed by
 * {@link dev.dragoman.core.error.ErrorMapper#retryAfter}. Thrown by the HTTP client Dragoman gives the providers;
 * the providers keep it as the cause of what they throw, and {@link LlmErrorMapper} reads it from there. Immutable.
 */
public final class LlmHttpException extends HttpException {

    private final transient Duration retryAfter;

    /**
     * @param body the response body (the provider parses its error message from it)
     * @param retryAfter the server's wait, or null when it gave none
     */
    public LlmHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

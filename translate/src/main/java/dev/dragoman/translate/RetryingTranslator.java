package dev.dragoman.translate;

import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import java.util.Objects;

/**
 * Retries a backend call on retriable failures (429 with Retry-After, 5xx, timeouts, connection resets, malformed
 * answers) following the {@link Retrier}'s backoff; authentication, quota and bad-request errors fail at once.
 * Thread-safe if the inner backend is.
 */
public final class RetryingTranslator implements TranslationBackend {

    private final TranslationBackend inner;
    private final Retrier retrier;

    public RetryingTranslator(TranslationBackend inner, Retrier retrier) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
    }

    @Override
    public BackendProfile profile() {
        return inner.profile();
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        return retrier.call(inner.profile().id() + " translate", () -> inner.translate(request));
    }

    @Override
    public String toString() {
        return "Retrying(" + inner + ")";
    }
}

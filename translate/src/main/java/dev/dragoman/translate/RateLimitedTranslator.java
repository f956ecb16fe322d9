package dev.dragoman.translate;

import dev.dragoman.core.ratelimit.RateLimiter;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import java.util.Objects;

/**
 * Waits for the backend's client-side {@link RateLimiter} before every call: one request plus the request's
 * characters (MT) or estimated tokens (LLM: the segments' {@link BatchLimits#estimateTokens estimate} twice — prompt
 * and answer — plus the template). Sits inside the retry, so every attempt is counted, and hands the limiter each
 * attempt's outcome so a server's 429s teach it the server's rate. Thread-safe; share one limiter per backend between
 * all threads.
 */
public final class RateLimitedTranslator implements TranslationBackend {

    /** Estimated tokens of the LLM prompt template and JSON framing per request. */
    static final long PROMPT_TOKENS = 500;

    private final TranslationBackend inner;
    private final RateLimiter limiter;

    public RateLimitedTranslator(TranslationBackend inner, RateLimiter limiter) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    @Override
    public BackendProfile profile() {
        return inner.profile();
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        if (request.segments().isEmpty()) {
            return inner.translate(request);
        }
        // through call(), so the limiter learns the server's rate from its 429s
        return limiter.call(units(request), () -> inner.translate(request));
    }

    private long units(TranslationRequest request) {
        if (inner.profile().unit() == BackendProfile.Unit.CHARACTERS) {
            return request.characters();
        }
        long tokens = 0;
        for (String s : request.segments()) {
            tokens += BatchLimits.estimateTokens(s);
        }
        // providers count the prompt and the answer against tokens-per-minute too: the template, and an answer
        // about as long as the segments
        return PROMPT_TOKENS + 2 * tokens;
    }

    @Override
    public String toString() {
        return "RateLimited(" + inner + ")";
    }
}

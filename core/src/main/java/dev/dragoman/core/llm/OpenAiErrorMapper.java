package dev.dragoman.core.llm;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.ErrorMapper;
import dev.langchain4j.exception.RateLimitException;

/**
 * OpenAI (and OpenAI-compatible servers): a 429 whose error code is {@code insufficient_quota} ("You exceeded your
 * current quota") is a used-up quota that no wait fixes, not a rate limit.
 */
final class OpenAiErrorMapper extends LlmErrorMapper {

    OpenAiErrorMapper(ErrorMapper http, String model) {
        super(http, model);
    }

    @Override
    protected DragomanException provider(RuntimeException e) {
        String t = text(e);
        if ((e instanceof RateLimitException || t.contains("429"))
                && (t.contains("insufficient_quota") || t.contains("exceeded your current quota"))) {
            return quota(e);
        }
        return null;
    }
}

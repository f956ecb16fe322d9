package dev.dragoman.core.llm;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.ErrorMapper;

/**
 * Anthropic: "Your credit balance is too low" (a 400 {@code invalid_request_error}) is a used-up quota; 529
 * {@code overloaded_error} is the service being busy, which a later retry can fix.
 */
final class AnthropicErrorMapper extends LlmErrorMapper {

    AnthropicErrorMapper(ErrorMapper http, String model) {
        super(http, model);
    }

    @Override
    protected DragomanException provider(RuntimeException e) {
        String t = text(e);
        if (t.contains("credit balance is too low")) {
            return quota(e);
        }
        if (t.contains("overloaded_error")) {
            return new DragomanException(
                    Kind.BACKEND_UNAVAILABLE, name() + " is overloaded (" + said(e) + "); try again later", e);
        }
        return null;
    }
}

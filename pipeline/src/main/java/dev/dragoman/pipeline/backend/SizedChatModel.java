package dev.dragoman.pipeline.backend;

import dev.dragoman.core.llm.TokenEstimate;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A chat model whose every request is sized before it is sent: a provider's limits that must follow the request's
 * size (Anthropic's required {@code max_tokens}, Ollama's {@code num_ctx}) are set here, once, from the
 * {@link TokenEstimate}, instead of one fixed value that cuts long answers or wastes memory. Thread-safe if the
 * delegate is.
 */
public final class SizedChatModel extends ForwardingChatModel {

    /** Answers shorter than this are never asked for: a too-small limit cuts an answer, a large one costs nothing. */
    static final int MIN_ANSWER_TOKENS = 1_024;

    private final UnaryOperator<ChatRequest> sizing;

    private SizedChatModel(ChatModel delegate, UnaryOperator<ChatRequest> sizing) {
        super(delegate);
        this.sizing = Objects.requireNonNull(sizing, "sizing");
    }

    /** {@code delegate} with every request passed through {@code sizing} first. */
    public static SizedChatModel of(ChatModel delegate, UnaryOperator<ChatRequest> sizing) {
        return new SizedChatModel(delegate, sizing);
    }

    /**
     * The answer room a request needs: its own {@code maxOutputTokens} when it sets one, else twice the estimated
     * tokens of its user messages (a translation of the data, in JSON) plus 256, at least {@value #MIN_ANSWER_TOKENS}.
     */
    public static int answerTokens(ChatRequest request) {
        if (request.maxOutputTokens() != null) {
            return request.maxOutputTokens();
        }
        long sized = 2 * TokenEstimate.ofUser(request.messages()) + 256;
        return (int) Math.max(MIN_ANSWER_TOKENS, Math.min(Integer.MAX_VALUE, sized));
    }

    /** The estimated tokens of the whole prompt. */
    public static long promptTokens(ChatRequest request) {
        return TokenEstimate.of(request.messages());
    }

    /** {@code request} with {@code parameters} in place of its own. */
    public static ChatRequest withParameters(ChatRequest request, ChatRequestParameters parameters) {
        return ChatRequest.builder()
                .messages(request.messages())
                .parameters(parameters)
                .build();
    }

    /** {@code request} with its answer limit set to {@code tokens}. */
    public static ChatRequest withMaxOutputTokens(ChatRequest request, int tokens) {
        return withParameters(
                request,
                DefaultChatRequestParameters.builder()
                        .overrideWith(request.parameters())
                        .maxOutputTokens(tokens)
                        .build());
    }

    /**
     * Sizes the request as the caller made it — before the delegate's defaults are merged in, so a default (such as
     * Anthropic's 1024-token answer) is not mistaken for the caller's choice — and sends it through the delegate.
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        return delegate().chat(sizing.apply(request));
    }

    @Override
    public String toString() {
        return "Sized(" + delegate() + ")";
    }
}

package dev.dragoman.core.llm;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.usage.Usage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Objects;

/**
 * One chat exchange with an LLM, done the same way for translation and summaries: the call, the one error mapping
 * ({@link LlmErrorMapper}), an answer without text as a retriable failure, and token usage — the provider's counts,
 * or the {@link TokenEstimate} of prompt and answer when it reports none. No retry here: the decorator stack owns it.
 *
 * <p>Thread-safe if the model is (LangChain4j's are).
 */
public final class LlmChat {

    private final ChatModel model;
    private final LlmErrorMapper errors;

    /** @param model a LangChain4j chat model built with {@code maxRetries(0)} */
    public LlmChat(ChatModel model, LlmErrorMapper errors) {
        this.model = Objects.requireNonNull(model, "model");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    public LlmErrorMapper errors() {
        return errors;
    }

    public ChatModel model() {
        return model;
    }

    /**
     * An answer and what it cost.
     *
     * @param text the answer's text, never null
     * @param usage one request and its tokens
     */
    public record Answer(String text, Usage usage) {
        public Answer {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(usage, "usage");
        }
    }

    /**
     * Sends {@code request}.
     *
     * @throws DragomanException mapped by {@link LlmErrorMapper}; {@link Kind#BACKEND_UNAVAILABLE} (retriable) for an
     *     answer without text
     */
    public Answer chat(ChatRequest request) {
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            throw errors.map(e);
        }
        if (response == null
                || response.aiMessage() == null
                || response.aiMessage().text() == null) {
            throw new DragomanException(Kind.BACKEND_UNAVAILABLE, errors.name() + " answered without text");
        }
        String text = response.aiMessage().text();
        TokenUsage t = response.tokenUsage();
        long in = t == null || t.inputTokenCount() == null ? estimate(request) : t.inputTokenCount();
        long out = t == null || t.outputTokenCount() == null ? TokenEstimate.of(text) : t.outputTokenCount();
        return new Answer(text, Usage.ofTokens(1, in, out));
    }

    private static long estimate(ChatRequest request) {
        long tokens = 0;
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                tokens += TokenEstimate.of(s.text());
            } else if (m instanceof UserMessage u && u.hasSingleText()) {
                tokens += TokenEstimate.of(u.singleText());
            }
        }
        return tokens;
    }

    @Override
    public String toString() {
        return "LlmChat[" + errors.name() + "]";
    }
}

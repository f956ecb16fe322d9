package dev.dragoman.core.llm;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.UnusableAnswerException;
import dev.dragoman.core.usage.Usage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat exchange with an LLM, done the same way for translation and summaries: the call, the one error mapping
 * ({@link LlmErrorMapper}), an answer without text as an {@link UnusableAnswerException} (asked again once by the
 * call stack), and token usage — the provider's counts,
 * or the {@link TokenEstimate} of prompt and answer when it reports none. No retry here: the decorator stack owns it.
 *
 * <p>A response format the provider refuses — its client cannot send it ({@code UnsupportedFeatureException}) or its
 * server answers 400 naming {@code response_format} — is dropped: the request is sent once more without it, and every
 * later request of this instance (the run) goes without it. The prompts ask for JSON in words as well, so the
 * answer's shape does not depend on the format.
 *
 * <p>Thread-safe if the model is (LangChain4j's are).
 */
public final class LlmChat {

    private static final Logger LOG = LoggerFactory.getLogger(LlmChat.class);

    private final ChatModel model;
    private final LlmErrorMapper errors;
    private final AtomicBoolean formatRefused = new AtomicBoolean();

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
     * @throws DragomanException mapped by {@link LlmErrorMapper}; {@link UnusableAnswerException} for an empty answer
     */
    public Answer chat(ChatRequest request) {
        ChatRequest r = formatRefused.get() ? withoutFormat(request) : request;
        ChatResponse response;
        try {
            response = model.chat(r);
        } catch (RuntimeException e) {
            if (r.responseFormat() == null || !refusesFormat(e)) {
                throw errors.map(e);
            }
            if (formatRefused.compareAndSet(false, true)) {
                LOG.warn(
                        "{} does not take a response format ({}); asking without it for the rest of the run",
                        errors.name(),
                        errors.redact(String.valueOf(e.getMessage())));
            }
            r = withoutFormat(request);
            try {
                response = model.chat(r);
            } catch (RuntimeException again) {
                throw errors.map(again);
            }
        }
        TokenUsage t = response == null ? null : response.tokenUsage();
        if (response == null
                || response.aiMessage() == null
                || response.aiMessage().text() == null
                || response.aiMessage().text().isBlank()) {
            long in = t == null || t.inputTokenCount() == null ? estimate(request) : t.inputTokenCount();
            long out = t == null || t.outputTokenCount() == null ? 0 : t.outputTokenCount();
            throw new UnusableAnswerException(
                    errors.name() + " answered without text", "the answer was empty", Usage.ofTokens(1, in, out));
        }
        String text = response.aiMessage().text();
        long in = t == null || t.inputTokenCount() == null ? estimate(request) : t.inputTokenCount();
        long out = t == null || t.outputTokenCount() == null ? TokenEstimate.of(text) : t.outputTokenCount();
        return new Answer(text, Usage.ofTokens(1, in, out));
    }

    /** True once the provider refused the response format in this run (then no request carries one). */
    public boolean formatRefused() {
        return formatRefused.get();
    }

    /** The client cannot send the format, or the server rejected the request naming it. */
    private static boolean refusesFormat(RuntimeException e) {
        if (e instanceof UnsupportedFeatureException) {
            return true;
        }
        boolean badRequest =
                e instanceof InvalidRequestException || (e instanceof HttpException h && h.statusCode() == 400);
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return badRequest
                && (m.contains("response_format") || m.contains("response format") || m.contains("json_object"));
    }

    private static ChatRequest withoutFormat(ChatRequest request) {
        if (request.responseFormat() == null) {
            return request;
        }
        return ChatRequest.builder()
                .messages(request.messages())
                .parameters(DefaultChatRequestParameters.builder()
                        .overrideWith(request.parameters())
                        .responseFormat((dev.langchain4j.model.chat.request.ResponseFormat) null)
                        .build())
                .build();
    }

    private static long estimate(ChatRequest request) {
        return TokenEstimate.of(request.messages());
    }

    @Override
    public String toString() {
        return "LlmChat[" + errors.name() + "]";
    }
}

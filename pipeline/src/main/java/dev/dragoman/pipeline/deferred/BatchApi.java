package dev.dragoman.pipeline.deferred;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;
import java.util.Objects;

/**
 * A provider's batch API (OpenAI's Batch API, Anthropic's Message Batches): the wire body of one chat request, and
 * submitting, watching and reading a batch of them. Implementations live in their provider's package and are made by
 * {@link dev.dragoman.pipeline.backend.ChatModelProvider#batchApi}; they send through {@link BatchHttp} (the run's
 * HTTP client, the provider's error mapping, the retry). Thread-safe.
 */
public interface BatchApi {

    /**
     * The provider's request body for {@code request}, exactly as a live call would send it (model, messages,
     * temperature, answer limit, response format); deterministic, because its digest is the request's id.
     *
     * @throws IllegalArgumentException for a message the batch body cannot carry (images, tool calls)
     */
    ObjectNode body(ChatRequest request);

    /**
     * Submits {@code requests} as one batch.
     *
     * @return the provider's batch id
     * @throws dev.dragoman.core.error.DragomanException mapped by the provider's error mapper
     */
    String submit(List<Request> requests);

    /** One look at the batch {@code batchId}. */
    Status status(String batchId);

    /**
     * The answers of an ended batch, in the order the provider gives them (not the order of the requests); a request
     * with no line here is treated by the caller as failed with {@code ended.state()}.
     */
    List<Answer> results(Status ended);

    /** One request of a batch: its id (the digest of {@code body}) and the provider's body. */
    record Request(String customId, ObjectNode body) {
        public Request {
            Objects.requireNonNull(customId, "customId");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * A batch as the provider last described it.
     *
     * @param id the provider's batch id
     * @param state the provider's word for it ("in_progress", "completed", "ended", "expired" …)
     * @param ended true once no more answers will come (completed, failed, expired, cancelled)
     * @param raw the provider's batch object (for {@link #results})
     */
    record Status(String id, String state, boolean ended, JsonNode raw) {
        public Status {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The outcome of one request of a batch: an answer with its token counts, or an error.
     *
     * @param customId the request's id
     * @param text the answer's text; null when the request failed
     * @param error why it failed (the provider's words, redacted); null when it succeeded
     * @param retriable for a failure: true when a live call may succeed (expired, cancelled, server error), false when
     *     the provider refused the request itself (invalid request)
     */
    record Answer(String customId, String text, long inputTokens, long outputTokens, String error, boolean retriable) {
        public Answer {
            Objects.requireNonNull(customId, "customId");
            if ((text == null) == (error == null)) {
                throw new IllegalArgumentException("an answer has either a text or an error");
            }
        }

        public static Answer ok(String customId, String text, long inputTokens, long outputTokens) {
            return new Answer(customId, text, inputTokens, outputTokens, null, false);
        }

        public static Answer failed(String customId, String error, boolean retriable) {
            return new Answer(customId, null, 0, 0, error, retriable);
        }

        public boolean succeeded() {
            return text != null;
        }
    }

    /** The role of a text message as the chat APIs name it: system, user or assistant. */
    static String role(ChatMessage message) {
        if (message instanceof SystemMessage) {
            return "system";
        }
        if (message instanceof UserMessage) {
            return "user";
        }
        if (message instanceof AiMessage) {
            return "assistant";
        }
        throw new IllegalArgumentException("a batch request carries text messages only, not " + message.type());
    }

    /** The text of a text message. */
    static String text(ChatMessage message) {
        if (message instanceof SystemMessage s) {
            return s.text();
        }
        if (message instanceof UserMessage u && u.hasSingleText()) {
            return u.singleText();
        }
        if (message instanceof AiMessage a && a.text() != null && !a.hasToolExecutionRequests()) {
            return a.text();
        }
        throw new IllegalArgumentException("a batch request carries text messages only, not " + message.type());
    }
}

package dev.dragoman.pipeline.deferred;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.error.DragomanException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat model of a language-model backend in deferred mode. A request whose batch answer is in gives that answer,
 * as the provider's live answer would come — so it goes through the same {@code LlmChat}, parsing, guards and
 * load-through cache as a live one, and is cached (or flagged, or refused) by the same code. A request the batch
 * refused for a reason a retry may cure (expired, cancelled, server error) is sent live; one it refused as invalid
 * fails like a live refusal (the item lands in {@code failures.jsonl}). Any other request is handed to the run's
 * next batch: recorded under the digest of its body, and a {@link DeferredException} ends the call. Thread-safe if the
 * live model is.
 */
final class DeferredChatModel implements ChatModel {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredChatModel.class);
    /** The operation of the key whose digest is a batch request's custom id. */
    static final String OPERATION = "batch-request";

    private final String backend;
    private final BatchApi api;
    private final ChatModel live;
    private final DeferredBatches run;

    DeferredChatModel(String backend, BatchApi api, ChatModel live, DeferredBatches run) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.api = Objects.requireNonNull(api, "api");
        this.live = Objects.requireNonNull(live, "live");
        this.run = Objects.requireNonNull(run, "run");
    }

    /** The custom id of a request body: the digest of a cache key over the backend and the exact body. */
    static String customId(String backend, ObjectNode body) {
        return CacheKey.builder(OPERATION)
                .backend(backend)
                .input(body.toString())
                .build()
                .digest();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        ObjectNode body = api.body(request);
        String id = customId(backend, body);
        BatchApi.Answer answer = run.answer(id);
        if (answer == null) {
            run.collect(backend, id, body);
            throw new DeferredException(backend);
        }
        if (answer.succeeded()) {
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from(answer.text()))
                    .tokenUsage(new TokenUsage((int) Math.min(Integer.MAX_VALUE, answer.inputTokens()), (int)
                            Math.min(Integer.MAX_VALUE, answer.outputTokens())))
                    .build();
        }
        if (answer.retriable()) {
            LOG.info("backend '{}': a batch request failed ({}); sending it live", backend, answer.error());
            run.countLive();
            return live.chat(request);
        }
        throw new DragomanException(
                DragomanException.Kind.BAD_REQUEST,
                "backend '" + backend + "' refused the request in its batch: " + answer.error());
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return chat(request);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return live.defaultRequestParameters();
    }

    @Override
    public java.util.Set<dev.langchain4j.model.chat.Capability> supportedCapabilities() {
        return live.supportedCapabilities();
    }

    @Override
    public String toString() {
        return "Deferred(" + live + ")";
    }
}

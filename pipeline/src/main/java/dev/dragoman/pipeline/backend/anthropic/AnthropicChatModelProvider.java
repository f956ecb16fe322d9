package dev.dragoman.pipeline.backend.anthropic;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.pipeline.backend.ChatModelProvider;
import dev.dragoman.pipeline.backend.SizedChatModel;
import dev.dragoman.pipeline.deferred.BatchApi;
import dev.dragoman.pipeline.deferred.BatchHttp;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Type {@code anthropic}: Anthropic's Messages API. Its {@code max_tokens} is required and LangChain4j sends 1024 when
 * a request names none, which cuts long translations; so every request without its own limit gets one sized from
 * its data ({@link SizedChatModel#answerTokens}), at most the model's output limit (option {@code max-output},
 * default {@value #MAX_OUTPUT_TOKENS}, the Claude 3.5 limit). No JSON response format: the client refuses it.
 */
public final class AnthropicChatModelProvider implements ChatModelProvider {

    /** The default longest answer asked for (Claude 3.5 Haiku and Sonnet allow 8192 output tokens). */
    static final int MAX_OUTPUT_TOKENS = 8_192;
    /** The Messages API version sent with batch calls (the documented one, "2023-06-01"). */
    static final String API_VERSION = "2023-06-01";

    @Override
    public String type() {
        return "anthropic";
    }

    @Override
    public String description() {
        return "Anthropic Messages API";
    }

    @Override
    public BackendDefaults defaults() {
        return new BackendDefaults(
                "ANTHROPIC_API_KEY", "https://api.anthropic.com/v1/", "claude-3-5-haiku-latest", true);
    }

    @Override
    public ChatModel create(BackendSpec spec, String apiKey, Duration timeout, HttpClientBuilder http) {
        BackendSpec s = withDefaults(spec);
        int limit = ChatModelProvider.intOption(s, "max-output", MAX_OUTPUT_TOKENS);
        ChatModel model = AnthropicChatModel.builder()
                .baseUrl(s.baseUrl())
                .apiKey(apiKey)
                .modelName(s.model())
                .timeout(timeout)
                .maxRetries(0)
                .httpClientBuilder(http)
                .build();
        return SizedChatModel.of(model, r -> sized(r, limit));
    }

    /** Anthropic's Message Batches, sized like live requests. */
    @Override
    public boolean hasBatchApi() {
        return true;
    }

    @Override
    public BatchApi batchApi(BackendSpec spec, String apiKey, BatchHttp http) {
        BackendSpec s = withDefaults(spec);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("anthropic-version", API_VERSION);
        if (apiKey != null) {
            headers.put("x-api-key", apiKey);
        }
        return new AnthropicBatchApi(
                s.baseUrl(),
                s.model(),
                ChatModelProvider.intOption(s, "max-output", MAX_OUTPUT_TOKENS),
                http.withHeaders(headers));
    }

    /** {@code request} with the answer limit Anthropic requires: sized from its data, at most {@code limit}. */
    static ChatRequest sized(ChatRequest request, int limit) {
        return SizedChatModel.withMaxOutputTokens(request, Math.min(limit, SizedChatModel.answerTokens(request)));
    }
}

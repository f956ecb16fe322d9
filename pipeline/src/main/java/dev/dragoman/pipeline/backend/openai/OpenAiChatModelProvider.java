package dev.dragoman.pipeline.backend.openai;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.pipeline.backend.ChatModelProvider;
import dev.dragoman.pipeline.deferred.BatchApi;
import dev.dragoman.pipeline.deferred.BatchHttp;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Map;

/**
 * Type {@code openai}: OpenAI, or any OpenAI-compatible server by base URL (vLLM, llama.cpp, LM Studio). Such a
 * server at a custom address often takes no key, so the key is required only at OpenAI's own address.
 */
public final class OpenAiChatModelProvider implements ChatModelProvider {

    static final String DEFAULT_URL = "https://api.openai.com/v1";

    @Override
    public String type() {
        return "openai";
    }

    @Override
    public String description() {
        return "OpenAI or an OpenAI-compatible server";
    }

    @Override
    public BackendDefaults defaults() {
        return new BackendDefaults("OPENAI_API_KEY", DEFAULT_URL, "gpt-4o-mini", true);
    }

    @Override
    public boolean keyRequired(BackendSpec spec) {
        return atOpenAi(spec);
    }

    /** OpenAI's own API has a JSON response format; compatible servers may not. */
    @Override
    public boolean jsonMode(BackendSpec spec) {
        return atOpenAi(spec);
    }

    @Override
    public ChatModel create(BackendSpec spec, String apiKey, Duration timeout, HttpClientBuilder http) {
        BackendSpec s = withDefaults(spec);
        return OpenAiChatModel.builder()
                .baseUrl(s.baseUrl())
                // OpenAI-compatible local servers take any key; the client insists on one
                .apiKey(apiKey == null ? "none" : apiKey)
                .modelName(s.model())
                .timeout(timeout)
                .maxRetries(0)
                .httpClientBuilder(http)
                .build();
    }

    /** OpenAI's Batch API (and a compatible server's, at its base URL). */
    @Override
    public boolean hasBatchApi() {
        return true;
    }

    @Override
    public BatchApi batchApi(BackendSpec spec, String apiKey, BatchHttp http) {
        BackendSpec s = withDefaults(spec);
        return new OpenAiBatchApi(
                s.baseUrl(),
                s.model(),
                apiKey == null ? http : http.withHeaders(Map.of("Authorization", "Bearer " + apiKey)));
    }

    private static boolean atOpenAi(BackendSpec spec) {
        return spec.baseUrl() == null || spec.baseUrl().startsWith(DEFAULT_URL);
    }
}

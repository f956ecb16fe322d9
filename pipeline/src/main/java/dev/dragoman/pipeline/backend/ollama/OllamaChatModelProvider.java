package dev.dragoman.pipeline.backend.ollama;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.pipeline.backend.ChatModelProvider;
import dev.dragoman.pipeline.backend.SizedChatModel;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import java.time.Duration;

/**
 * Type {@code ollama}: a local Ollama server; no key, JSON output, the long local timeout wherever it runs. Ollama
 * cuts a prompt longer than its context ({@code num_ctx}, 2048 tokens unless asked) without a word, so every request
 * asks for a context that holds its prompt and answer, rounded up to a power of two (fewer model reloads), at least
 * 2048 and at most option {@code num-ctx} (default {@value #MAX_NUM_CTX}). A model that is not pulled is "run:
 * ollama pull NAME" (core's {@code OllamaErrorMapper}).
 */
public final class OllamaChatModelProvider implements ChatModelProvider {

    /** The default largest context asked for. */
    static final int MAX_NUM_CTX = 32_768;

    @Override
    public String type() {
        return "ollama";
    }

    @Override
    public String description() {
        return "Ollama server";
    }

    @Override
    public BackendDefaults defaults() {
        return new BackendDefaults(null, "http://localhost:11434", "llama3.1", false);
    }

    @Override
    public boolean jsonMode(BackendSpec spec) {
        return true;
    }

    @Override
    public Duration timeout(BackendSpec spec) {
        return spec.timeout() != null ? spec.timeout() : LOCAL_TIMEOUT;
    }

    @Override
    public ChatModel create(BackendSpec spec, String apiKey, Duration timeout, HttpClientBuilder http) {
        BackendSpec s = withDefaults(spec);
        int cap = ChatModelProvider.intOption(s, "num-ctx", MAX_NUM_CTX);
        ChatModel model = OllamaChatModel.builder()
                .baseUrl(s.baseUrl())
                .modelName(s.model())
                .timeout(timeout)
                .maxRetries(0)
                .httpClientBuilder(http)
                .build();
        return SizedChatModel.of(
                model,
                r -> SizedChatModel.withParameters(
                        r,
                        OllamaChatRequestParameters.builder()
                                .overrideWith(r.parameters())
                                .numCtx(numCtx(r, cap))
                                .build()));
    }

    /** The context a request needs (prompt and answer), as a power of two in [2048, cap]. */
    static int numCtx(ChatRequest request, int cap) {
        long needed = SizedChatModel.promptTokens(request) + SizedChatModel.answerTokens(request);
        long size = 2_048;
        while (size < needed && size < cap) {
            size *= 2;
        }
        return (int) Math.min(size, cap);
    }
}

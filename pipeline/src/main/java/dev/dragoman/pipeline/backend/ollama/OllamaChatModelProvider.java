package dev.dragoman.pipeline.backend.ollama;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.pipeline.backend.ChatModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import java.time.Duration;

/** Type {@code ollama}: a local Ollama server; no key, JSON output, the long local timeout wherever it runs. */
public final class OllamaChatModelProvider implements ChatModelProvider {

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
    public ChatModel create(BackendSpec spec, String apiKey, Duration timeout) {
        BackendSpec s = withDefaults(spec);
        return OllamaChatModel.builder()
                .baseUrl(s.baseUrl())
                .modelName(s.model())
                .timeout(timeout)
                .maxRetries(0)
                .build();
    }
}

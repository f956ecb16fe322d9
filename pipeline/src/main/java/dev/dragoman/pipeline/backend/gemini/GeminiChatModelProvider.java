package dev.dragoman.pipeline.backend.gemini;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.pipeline.backend.ChatModelProvider;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import java.time.Duration;

/** Type {@code gemini}: Google's Gemini API; asked for JSON output. */
public final class GeminiChatModelProvider implements ChatModelProvider {

    @Override
    public String type() {
        return "gemini";
    }

    @Override
    public String description() {
        return "Google Gemini API";
    }

    @Override
    public BackendDefaults defaults() {
        return new BackendDefaults(
                "GEMINI_API_KEY", "https://generativelanguage.googleapis.com/v1beta", "gemini-2.0-flash", true);
    }

    @Override
    public boolean jsonMode(BackendSpec spec) {
        return true;
    }

    @Override
    public ChatModel create(BackendSpec spec, String apiKey, Duration timeout, HttpClientBuilder http) {
        BackendSpec s = withDefaults(spec);
        return GoogleAiGeminiChatModel.builder()
                .baseUrl(s.baseUrl())
                .apiKey(apiKey)
                .modelName(s.model())
                .timeout(timeout)
                .maxRetries(0)
                .httpClientBuilder(http)
                .build();
    }
}

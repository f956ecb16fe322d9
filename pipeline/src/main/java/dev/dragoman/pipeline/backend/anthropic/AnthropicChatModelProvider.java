package dev.dragoman.pipeline.backend.anthropic;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.pipeline.backend.ChatModelProvider;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;

/** Type {@code anthropic}: Anthropic's Messages API. */
public final class AnthropicChatModelProvider implements ChatModelProvider {

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
    public ChatModel create(BackendSpec spec, String apiKey, Duration timeout) {
        BackendSpec s = withDefaults(spec);
        return AnthropicChatModel.builder()
                .baseUrl(s.baseUrl())
                .apiKey(apiKey)
                .modelName(s.model())
                .timeout(timeout)
                .maxRetries(0)
                .build();
    }
}

package dev.dragoman.cli.wiring;

import dev.dragoman.cli.config.BackendConfig;
import dev.dragoman.cli.config.BackendType;
import dev.dragoman.cli.config.ConfigException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Map;

/**
 * Builds LangChain4j {@link ChatModel}s from configured backends: OpenAI (and any OpenAI-compatible server by base
 * URL), Ollama, Anthropic, Gemini. LangChain4j's own retries are off ({@code maxRetries(0)}): Dragoman's retry
 * decorator owns backoff, {@code Retry-After} and the attempt budget.
 */
public final class ChatModels {

    /** Local models can take minutes on a laptop; hosted ones answer within two. */
    static final Duration LOCAL_TIMEOUT = Duration.ofMinutes(10);

    static final Duration HOSTED_TIMEOUT = Duration.ofMinutes(2);

    private ChatModels() {}

    /**
     * @throws ConfigException when {@code backend} is not an LLM or its key is missing
     */
    public static ChatModel create(BackendConfig backend, Map<String, String> env) {
        if (backend.type().role() != BackendType.Role.LLM) {
            throw new ConfigException(
                    backend.describe() + " is of type " + backend.type().id()
                            + ", not a language model: use an openai, ollama, anthropic or gemini backend here.");
        }
        String key = Keys.require(backend, env);
        String baseUrl = backend.effectiveBaseUrl().orElseThrow();
        String model = backend.effectiveModel().orElseThrow();
        Duration timeout = timeout(backend);
        return switch (backend.type()) {
            case OPENAI ->
                OpenAiChatModel.builder()
                        .baseUrl(baseUrl)
                        // OpenAI-compatible local servers take any key; the client insists on one
                        .apiKey(key == null ? "none" : key)
                        .modelName(model)
                        .timeout(timeout)
                        .maxRetries(0)
                        .build();
            case OLLAMA ->
                OllamaChatModel.builder()
                        .baseUrl(baseUrl)
                        .modelName(model)
                        .timeout(timeout)
                        .maxRetries(0)
                        .build();
            case ANTHROPIC ->
                AnthropicChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(key)
                        .modelName(model)
                        .timeout(timeout)
                        .maxRetries(0)
                        .build();
            case GEMINI ->
                GoogleAiGeminiChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(key)
                        .modelName(model)
                        .timeout(timeout)
                        .maxRetries(0)
                        .build();
            default -> throw new IllegalStateException("not an LLM type: " + backend.type());
        };
    }

    /** The configured timeout, else a long one for local servers and a shorter one for hosted APIs. */
    public static Duration timeout(BackendConfig backend) {
        if (backend.timeout() != null) {
            return backend.timeout();
        }
        String url = backend.effectiveBaseUrl().orElse("");
        boolean local = backend.type() == BackendType.OLLAMA
                || backend.type() == BackendType.APERTIUM
                || backend.type() == BackendType.LIBRETRANSLATE
                || url.contains("://localhost")
                || url.contains("://127.")
                || url.contains("://[::1]");
        return local ? LOCAL_TIMEOUT : HOSTED_TIMEOUT;
    }
}

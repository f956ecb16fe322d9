package dev.dragoman.cli.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of backend a configuration may name, with the vendor's usual key variable and sensible defaults. An
 * LLM type can translate and summarize; an MT type only translates; {@code extractive} only summarizes.
 */
public enum BackendType {
    OPENAI(Role.LLM, "OPENAI_API_KEY", "https://api.openai.com/v1", "gpt-4o-mini"),
    OLLAMA(Role.LLM, null, "http://localhost:11434", "llama3.1"),
    ANTHROPIC(Role.LLM, "ANTHROPIC_API_KEY", "https://api.anthropic.com/v1/", "claude-3-5-haiku-latest"),
    GEMINI(Role.LLM, "GEMINI_API_KEY", "https://generativelanguage.googleapis.com/v1beta", "gemini-2.0-flash"),
    DEEPL(Role.MT, "DEEPL_AUTH_KEY", null, null),
    GOOGLE(Role.MT, "GOOGLE_API_KEY", "https://translation.googleapis.com", null),
    LIBRETRANSLATE(Role.MT, "LIBRETRANSLATE_API_KEY", "http://localhost:5000", null),
    AZURE(Role.MT, "AZURE_TRANSLATOR_KEY", "https://api.cognitive.microsofttranslator.com", null),
    APERTIUM(Role.MT, null, "http://localhost:2737", null),
    EXTRACTIVE(Role.EXTRACTIVE, null, null, null);

    /** What a backend of this type can do. */
    public enum Role {
        LLM,
        MT,
        EXTRACTIVE
    }

    private final Role role;
    private final String keyVariable;
    private final String defaultBaseUrl;
    private final String defaultModel;

    BackendType(Role role, String keyVariable, String defaultBaseUrl, String defaultModel) {
        this.role = role;
        this.keyVariable = keyVariable;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
    }

    public Role role() {
        return role;
    }

    /** The vendor's usual API key variable; empty for backends that need no key (Ollama, Apertium, extractive). */
    public Optional<String> keyVariable() {
        return Optional.ofNullable(keyVariable);
    }

    /**
     * True when a call cannot succeed without a key. LibreTranslate's key is optional (self-hosted servers need
     * none); an OpenAI-compatible server at a custom base URL (vLLM, llama.cpp, LM Studio) often needs none either.
     */
    public boolean keyRequired(String baseUrl) {
        return switch (this) {
            case OPENAI -> baseUrl == null || baseUrl.startsWith(defaultBaseUrl);
            case ANTHROPIC, GEMINI, DEEPL, GOOGLE, AZURE -> true;
            default -> false;
        };
    }

    public Optional<String> defaultBaseUrl() {
        return Optional.ofNullable(defaultBaseUrl);
    }

    public Optional<String> defaultModel() {
        return Optional.ofNullable(defaultModel);
    }

    public boolean canTranslate() {
        return role != Role.EXTRACTIVE;
    }

    public boolean canSummarize() {
        return role != Role.MT;
    }

    /** The name used in configuration files ({@code openai}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BackendType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id().equals(n)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(BackendType::id).collect(Collectors.joining(", "));
    }
}

package dev.dragoman.cli.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One named backend from the configuration file (or an implicit one named after its type, e.g. {@code deepl} with
 * every default). {@code literalKey} is a key written into the file itself: it works, but {@code config show} warns
 * about it, and {@link #toString()} never prints it. {@code line} is where the entry starts (0 = not from a file).
 */
public record BackendConfig(
        String name,
        BackendType type,
        String baseUrl,
        String model,
        String apiKeyEnv,
        String literalKey,
        String region,
        Integer requestsPerMinute,
        Integer charactersPerMinute,
        Integer tokensPerMinute,
        Duration timeout,
        Integer attempts,
        Path file,
        int line) {

    public BackendConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A backend named after its type with every default ({@code --backend deepl} without a file). */
    public static BackendConfig implicit(BackendType type) {
        return new BackendConfig(type.id(), type, null, null, null, null, null, null, null, null, null, null, null, 0);
    }

    public boolean fromFile() {
        return file != null;
    }

    /** The base URL to call: the configured one or the type's default (empty for DeepL: chosen by the key). */
    public Optional<String> effectiveBaseUrl() {
        return Optional.ofNullable(baseUrl).or(type::defaultBaseUrl);
    }

    public Optional<String> effectiveModel() {
        return Optional.ofNullable(model).or(type::defaultModel);
    }

    /** The variable the key is read from: {@code api-key-env}, else the vendor's usual one. */
    public Optional<String> keyVariable() {
        return Optional.ofNullable(apiKeyEnv).or(type::keyVariable);
    }

    /** The API key: written in the file, else from {@link #keyVariable()} in {@code env}; empty if neither. */
    public Optional<String> apiKey(Map<String, String> env) {
        if (literalKey != null && !literalKey.isBlank()) {
            return Optional.of(literalKey);
        }
        return keyVariable().map(env::get).filter(k -> !k.isBlank());
    }

    /** True when a call cannot succeed without a key and none is available. */
    public boolean missingKey(Map<String, String> env) {
        return type.keyRequired(baseUrl) && apiKey(env).isEmpty();
    }

    /** "backend 'gpt' (config.yaml line 4)" or "backend 'deepl'" — for messages. */
    public String describe() {
        return "backend '" + name + "'" + (file == null ? "" : " (" + file + (line > 0 ? " line " + line : "") + ")");
    }

    @Override
    public String toString() {
        return "BackendConfig[name=" + name + ", type=" + type.id() + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKeyEnv=" + apiKeyEnv + ", literalKey=" + (literalKey == null ? "none" : "<redacted>") + "]";
    }
}

package dev.dragoman.pipeline.config;

import dev.dragoman.core.backend.BackendSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One named backend from the configuration file (or an implicit one named after its type, e.g. {@code deepl} with
 * every default): the {@link BackendSpec} it maps to, with the provider's defaults filled in, plus what only the CLI
 * knows — where it was written and a key written into the file itself ({@code literalKey}: it works, but
 * {@code config show} warns about it; it never enters the spec, and {@link #toString()} never prints it).
 *
 * @param spec the backend, defaults resolved (base URL, model, key variable)
 * @param customBaseUrl true when the file gives a base URL (an unreachable one is then a configuration error)
 * @param file the configuration file, or null for an implicit backend
 * @param line where the entry starts (0 = not from a file)
 * @param fallback the backends, by name, that translate or summarize in this one's place once it has used up its
 *     quota, in order ({@code fallback: gpt, apertium}); empty for none. Each one's own {@code fallback:} is followed
 *     in turn (DeepL → gpt, gpt → apertium: DeepL, gpt, apertium), every backend once
 */
public record BackendConfig(
        BackendSpec spec, String literalKey, boolean customBaseUrl, Path file, int line, List<String> fallback) {

    public BackendConfig {
        Objects.requireNonNull(spec, "spec");
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
    }

    /** A backend named after its type with every default ({@code --backend deepl} without a file). */
    public static BackendConfig implicit(BackendSpec resolved) {
        return new BackendConfig(resolved, null, false, null, 0, List.of());
    }

    public String name() {
        return spec.name();
    }

    public String type() {
        return spec.type();
    }

    public boolean fromFile() {
        return file != null;
    }

    /**
     * Environment variables as the backend factory should see them: the environment, except that the spec's key
     * variable yields the key written in the file when there is one.
     */
    public Function<String, String> variables(Map<String, String> env) {
        return variable -> literalKey != null && variable.equals(spec.keyVariable()) ? literalKey : env.get(variable);
    }

    /** The API key: written in the file, else from the spec's key variable in {@code env}; empty if neither. */
    public Optional<String> apiKey(Map<String, String> env) {
        return Optional.ofNullable(spec.keyVariable()).map(variables(env)).filter(k -> !k.isBlank());
    }

    /** "backend 'gpt' (config.yaml line 4)" or "backend 'deepl'" — for messages. */
    public String describe() {
        return "backend '" + name() + "'" + (file == null ? "" : " (" + file + (line > 0 ? " line " + line : "") + ")");
    }

    @Override
    public String toString() {
        return "BackendConfig[" + spec + ", literalKey=" + (literalKey == null ? "none" : "<redacted>") + "]";
    }
}

package dev.dragoman.core.backend;

/**
 * What every backend provider tells about its type, whatever it builds (a translator, a summarizer, a chat model):
 * the type name a {@link BackendSpec} names and the defaults for what the spec leaves out. The building methods are
 * on the role interfaces that extend this one ({@code TranslatorProvider} in translate, {@code SummarizerProvider}
 * in summarize, {@code ChatModelProvider} in pipeline). Providers are found through {@link java.util.ServiceLoader};
 * implementations must be stateless, thread-safe and have a public no-argument constructor.
 */
public interface BackendProvider {

    /** The type name in specs and configuration files: lower case, stable ({@code deepl}). */
    String type();

    /** Defaults for the fields a spec leaves out. */
    BackendDefaults defaults();

    /**
     * True when {@code spec} cannot work without a key. By default {@link BackendDefaults#keyRequired()}; a provider
     * whose key depends on the server overrides it (an OpenAI-compatible server at a custom address needs none).
     *
     * @param spec a spec of this provider's type, defaults not necessarily filled in
     */
    default boolean keyRequired(BackendSpec spec) {
        return defaults().keyRequired();
    }

    /** A one-line description for listings ({@code "DeepL API v2"}). */
    default String description() {
        return type();
    }

    /**
     * {@code spec} with this provider's defaults filled in where it left them out (base URL, model, key variable).
     */
    default BackendSpec withDefaults(BackendSpec spec) {
        BackendDefaults d = defaults();
        BackendSpec s = spec;
        if (s.baseUrl() == null && d.baseUrl() != null) {
            s = s.withBaseUrl(d.baseUrl());
        }
        if (s.model() == null && d.model() != null) {
            s = s.withModel(d.model());
        }
        if (s.keyVariable() == null && d.keyVariable() != null) {
            s = s.withKeyVariable(d.keyVariable());
        }
        return s;
    }
}

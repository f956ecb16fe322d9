package dev.dragoman.core.backend;

/**
 * What a provider fills in when a {@link BackendSpec} leaves it out: the vendor's usual key variable, its base URL
 * and model, and whether a call can succeed without a key. Immutable.
 *
 * @param keyVariable the usual environment variable of the key ({@code DEEPL_AUTH_KEY}), or null when the backend
 *     takes no key (Ollama, Apertium, the extractive summarizer)
 * @param baseUrl the default server, or null when there is none (DeepL picks its host by the key; embedded backends)
 * @param model the default model, or null when the vendor has one
 * @param keyRequired true when no call can succeed without a key
 */
public record BackendDefaults(String keyVariable, String baseUrl, String model, boolean keyRequired) {

    /** An embedded backend or a keyless server with no default address. */
    public static final BackendDefaults NONE = new BackendDefaults(null, null, null, false);
}

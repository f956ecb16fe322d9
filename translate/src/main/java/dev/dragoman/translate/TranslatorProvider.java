package dev.dragoman.translate;

import dev.dragoman.core.backend.BackendProvider;
import dev.dragoman.core.backend.BackendSpec;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Builds one kind of machine-translation backend from a {@link BackendSpec}. Found through
 * {@link java.util.ServiceLoader}: a new backend is a package with its translator, this provider and a line in
 * {@code META-INF/services/dev.dragoman.translate.TranslatorProvider} — nothing else to edit. The pipeline's
 * {@code Backends} resolves the key and adds retry, rate limits, metering and the guards around what
 * {@link #create} returns. Implementations are stateless and thread-safe, with a public no-argument constructor.
 */
public interface TranslatorProvider extends BackendProvider {

    /**
     * What a provider is given besides the spec.
     *
     * @param apiKey the key read through the spec's key variable, or null when none is set (the factory has already
     *     refused a spec whose provider {@link #keyRequired requires} one)
     * @param http the process's shared client; derive per-backend settings with {@code newBuilder()}
     */
    record Context(String apiKey, OkHttpClient http) {
        public Context {
            Objects.requireNonNull(http, "http");
        }

        @Override
        public String toString() {
            return "Context[apiKey=" + (apiKey == null ? "none" : "<redacted>") + "]";
        }
    }

    /**
     * The bare backend: no retry, rate limit or guard.
     *
     * @param spec a spec of this type with the defaults filled in ({@link #withDefaults})
     * @throws dev.dragoman.core.error.DragomanException (configuration) when the spec cannot work
     */
    TranslationBackend create(BackendSpec spec, Context context);

    /**
     * Vendor options that may come from an environment variable when the spec leaves them out: option name →
     * variable name ({@code region} → {@code AZURE_TRANSLATOR_REGION}). The factory looks them up through the same
     * injected lookup as keys. Empty by default.
     */
    default Map<String, String> optionVariables() {
        return Map.of();
    }

    /**
     * The target languages the vendor publishes as a fixed list, as primary subtags ({@code en}, {@code pt}), so a
     * command line can refuse any other at once instead of retrying against the backend; empty when the vendor
     * publishes none or the installation decides (language models, LibreTranslate and Apertium servers), and then
     * every language is tried.
     */
    default java.util.Optional<java.util.Set<String>> targetLanguages(BackendSpec spec) {
        return java.util.Optional.empty();
    }

    /** True when backends of this type keep glossaries on the vendor's server ({@link #remoteGlossaries}). */
    default boolean keepsGlossaries() {
        return false;
    }

    /**
     * The glossaries this backend keeps on its vendor's server for Dragoman, to list and prune
     * ({@code dragoman glossary prune}); empty for a backend that keeps none there (the default).
     *
     * @param spec a spec of this type with the defaults filled in
     * @throws dev.dragoman.core.error.DragomanException (configuration) when the spec cannot work
     */
    default java.util.Optional<RemoteGlossaries> remoteGlossaries(BackendSpec spec, Context context) {
        return java.util.Optional.empty();
    }
}

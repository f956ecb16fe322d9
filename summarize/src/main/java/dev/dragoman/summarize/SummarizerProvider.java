package dev.dragoman.summarize;

import dev.dragoman.core.backend.BackendProvider;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.summary.Summarizer;
import java.util.Objects;

/**
 * Builds one kind of summarizer from a {@link BackendSpec}. Found through {@link java.util.ServiceLoader}: a new
 * summarizer is a package with its summarizer, this provider and a line in
 * {@code META-INF/services/dev.dragoman.summarize.SummarizerProvider}. (Language-model summaries come from the
 * pipeline's chat-model providers, which serve translation too.) Implementations are stateless and thread-safe, with
 * a public no-argument constructor.
 */
public interface SummarizerProvider extends BackendProvider {

    /**
     * What a provider is given besides the spec.
     *
     * @param apiKey the key read through the spec's key variable, or null when none is set
     * @param cache where results may be kept (never null; a no-op store when caching is off)
     */
    record Context(String apiKey, ResultCache cache) {
        public Context {
            Objects.requireNonNull(cache, "cache");
        }

        @Override
        public String toString() {
            return "Context[apiKey=" + (apiKey == null ? "none" : "<redacted>") + "]";
        }
    }

    /**
     * @param spec a spec of this type with the defaults filled in
     * @throws dev.dragoman.core.error.DragomanException (configuration) when the spec cannot work
     */
    Summarizer create(BackendSpec spec, Context context);

    /** The algorithm or model and its version, part of a run's fingerprint ({@code "textrank-v2"}). */
    String model(BackendSpec spec);
}

package dev.dragoman.pipeline.backend;

import dev.dragoman.core.backend.BackendProvider;
import dev.dragoman.core.backend.BackendSpec;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;

/**
 * Builds a LangChain4j {@link ChatModel} for one kind of language-model service from a {@link BackendSpec}. A chat
 * model both translates ({@code LlmTranslator}) and summarizes ({@code LlmSummarizer}), so one provider gives a type
 * both roles. Found through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.dragoman.pipeline.backend.ChatModelProvider}). LangChain4j's own retries must be off: the
 * pipeline's retry decorator owns backoff, {@code Retry-After} and the attempt budget. Implementations are
 * stateless and thread-safe, with a public no-argument constructor.
 */
public interface ChatModelProvider extends BackendProvider {

    /** Local models can take minutes on a laptop; hosted ones answer within two. */
    Duration LOCAL_TIMEOUT = Duration.ofMinutes(10);

    Duration HOSTED_TIMEOUT = Duration.ofMinutes(2);

    /**
     * @param spec a spec of this type with the defaults filled in
     * @param apiKey the key, or null when none is set and none is required
     * @param timeout the call timeout ({@link #timeout})
     * @param http the HTTP client to send through ({@link LlmHttpClient}: the run's shared client, which keeps the
     *     server's Retry-After); set it with the LangChain4j builder's {@code httpClientBuilder(http)}
     */
    ChatModel create(BackendSpec spec, String apiKey, Duration timeout, HttpClientBuilder http);

    /**
     * The service's batch API for deferred mode ({@link dev.dragoman.pipeline.deferred.DeferredBatches}), or null when
     * it has none (then a deferred run refuses the backend).
     *
     * @param spec a spec of this type with the defaults filled in
     * @param apiKey the key, or null
     * @param http the batch exchanges' client (the run's HTTP client, this provider's error mapping, the retry); add
     *     the key's headers with {@link dev.dragoman.pipeline.deferred.BatchHttp#withHeaders}
     */
    default dev.dragoman.pipeline.deferred.BatchApi batchApi(
            BackendSpec spec, String apiKey, dev.dragoman.pipeline.deferred.BatchHttp http) {
        return null;
    }

    /** True when {@link #batchApi} gives one (for messages naming the types that can run deferred). */
    default boolean hasBatchApi() {
        return false;
    }

    /** True when the service should be asked for JSON output (it supports a JSON response format). */
    default boolean jsonMode(BackendSpec spec) {
        return false;
    }

    /**
     * A whole-number vendor option of {@code spec} ({@code options: {num-ctx: 16384}}), else {@code fallback}.
     *
     * @throws dev.dragoman.core.error.DragomanException (configuration) when it is not a positive whole number
     */
    static int intOption(BackendSpec spec, String name, int fallback) {
        String value = spec.option(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new dev.dragoman.core.error.DragomanException(
                dev.dragoman.core.error.DragomanException.Kind.CONFIGURATION,
                "Backend '" + spec.name() + "': option " + name + " must be a positive whole number, not '" + value
                        + "'");
    }

    /** The spec's timeout, else a long one for a server on this machine and a shorter one for hosted APIs. */
    default Duration timeout(BackendSpec spec) {
        if (spec.timeout() != null) {
            return spec.timeout();
        }
        String url = withDefaults(spec).baseUrl();
        boolean local =
                url != null && (url.contains("://localhost") || url.contains("://127.") || url.contains("://[::1]"));
        return local ? LOCAL_TIMEOUT : HOSTED_TIMEOUT;
    }
}

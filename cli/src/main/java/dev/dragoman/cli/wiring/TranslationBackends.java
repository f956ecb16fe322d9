package dev.dragoman.cli.wiring;

import dev.dragoman.cli.config.BackendConfig;
import dev.dragoman.cli.config.BackendType;
import dev.dragoman.cli.config.ConfigException;
import dev.dragoman.core.ratelimit.RateLimiter;
import dev.dragoman.core.retry.Backoff;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.Translators;
import dev.dragoman.translate.apertium.ApertiumTranslator;
import dev.dragoman.translate.azure.AzureTranslator;
import dev.dragoman.translate.deepl.DeepLTranslator;
import dev.dragoman.translate.google.GoogleTranslator;
import dev.dragoman.translate.libretranslate.LibreTranslateTranslator;
import dev.dragoman.translate.llm.LlmTranslator;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Builds the translation backend a configured backend names, decorated in the documented order (retry around rate
 * limit around usage metering, then the completeness guard and the glossary check). Adding a backend type is one
 * case here.
 */
public final class TranslationBackends {

    private TranslationBackends() {}

    /**
     * @param http the run's shared HTTP client (each backend derives its own with {@code newBuilder()})
     * @param strict turn completeness flags into errors
     * @param onRetry told about each retry (for {@code --verbose}); may be null
     * @throws ConfigException for a backend that cannot translate, a missing key, or a type not in this build
     */
    public static TranslationBackend create(
            BackendConfig b,
            Map<String, String> env,
            Supplier<OkHttpClient> http,
            UsageMeter meter,
            boolean strict,
            Retrier.Listener onRetry) {
        TranslationBackend raw = raw(b, env, http);
        Backoff backoff = b.attempts() == null ? Backoff.DEFAULT : Backoff.DEFAULT.withMaxAttempts(b.attempts());
        Retrier retrier = Retrier.of(backoff);
        if (onRetry != null) {
            retrier = retrier.withListener(onRetry);
        }
        return Translators.standard(raw, retrier, limiter(b), meter, strict);
    }

    /**
     * The backend itself, without retry, rate limit or guard: for {@code backends --check}, which makes exactly one
     * call.
     *
     * @throws ConfigException as {@link #create}
     */
    public static TranslationBackend raw(BackendConfig b, Map<String, String> env, Supplier<OkHttpClient> http) {
        if (!b.type().canTranslate()) {
            throw new ConfigException(
                    capitalize(b.describe()) + " is of type " + b.type().id()
                            + ", which summarizes but does not translate: choose a translation backend with --backend or "
                            + "'translate: backend:'.");
        }
        return switch (b.type()) {
            case OPENAI, OLLAMA, ANTHROPIC, GEMINI ->
                LlmTranslator.builder(ChatModels.create(b, env))
                        .id(b.type().id())
                        .modelName(b.effectiveModel().orElseThrow())
                        .jsonMode(b.type() == BackendType.OLLAMA
                                || b.type() == BackendType.GEMINI
                                || (b.type() == BackendType.OPENAI && b.baseUrl() == null))
                        .keyHint(b.keyVariable().orElse("the API key of " + b.describe()))
                        .urlHint("the base-url of " + b.describe())
                        .build();
            case DEEPL -> {
                DeepLTranslator.Builder builder = DeepLTranslator.builder(http.get(), Keys.require(b, env));
                timeout(b).ifPresent(builder::timeout);
                if (b.baseUrl() != null) {
                    builder.baseUrl(b.baseUrl());
                }
                yield builder.build();
            }
            case GOOGLE -> {
                GoogleTranslator.Builder builder = GoogleTranslator.builder(http.get(), Keys.require(b, env));
                timeout(b).ifPresent(builder::timeout);
                if (b.baseUrl() != null) {
                    builder.baseUrl(b.baseUrl());
                }
                yield builder.build();
            }
            case AZURE -> {
                AzureTranslator.Builder builder = AzureTranslator.builder(http.get(), Keys.require(b, env));
                timeout(b).ifPresent(builder::timeout);
                String region = b.region() != null ? b.region() : env.get("AZURE_TRANSLATOR_REGION");
                if (region != null && !region.isBlank()) {
                    builder.region(region.strip());
                }
                if (b.baseUrl() != null) {
                    builder.baseUrl(b.baseUrl());
                }
                yield builder.build();
            }
            case LIBRETRANSLATE -> {
                LibreTranslateTranslator.Builder builder = LibreTranslateTranslator.builder(
                        http.get(), b.effectiveBaseUrl().orElseThrow());
                timeout(b).ifPresent(builder::timeout);
                String key = Keys.require(b, env);
                if (key != null) {
                    builder.apiKey(key);
                }
                yield builder.build();
            }
            case APERTIUM -> {
                ApertiumTranslator.Builder builder = ApertiumTranslator.builder(
                        http.get(), b.effectiveBaseUrl().orElseThrow());
                timeout(b).ifPresent(builder::timeout);
                yield builder.build();
            }
            default -> throw new IllegalStateException("not a translation type: " + b.type());
        };
    }

    /** The configured timeout; empty = the backend's own default (long for self-hosted servers). */
    static java.util.Optional<java.time.Duration> timeout(BackendConfig b) {
        return java.util.Optional.ofNullable(b.timeout());
    }

    /** requests-per-minute and characters- or tokens-per-minute; null when neither is set. */
    static RateLimiter limiter(BackendConfig b) {
        Integer units = b.type().role() == BackendType.Role.LLM ? b.tokensPerMinute() : b.charactersPerMinute();
        if (b.requestsPerMinute() == null && units == null) {
            return null;
        }
        return RateLimiter.perMinute(
                b.requestsPerMinute() == null ? 0 : b.requestsPerMinute(), units == null ? 0 : units);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

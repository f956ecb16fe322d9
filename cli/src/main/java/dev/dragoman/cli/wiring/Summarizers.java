package dev.dragoman.cli.wiring;

import dev.dragoman.cli.config.BackendConfig;
import dev.dragoman.cli.config.BackendType;
import dev.dragoman.cli.config.ConfigException;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.retry.Backoff;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
import dev.dragoman.summarize.llm.LlmSummarizer;
import java.util.Map;

/** Builds the summarizer a configured backend names: the embedded extractive one, or an LLM through LangChain4j. */
public final class Summarizers {

    private Summarizers() {}

    /**
     * @param cache where LLM summaries are kept (the extractive summarizer is cheaper than a look-up and uses none)
     * @param onRetry told about each retry of an LLM call; may be null
     * @throws ConfigException for a translation-only backend or a missing key
     */
    public static Summarizer create(
            BackendConfig b, Map<String, String> env, ResultCache cache, Retrier.Listener onRetry) {
        if (b.type() == BackendType.EXTRACTIVE) {
            return new ExtractiveSummarizer();
        }
        if (!b.type().canSummarize()) {
            throw new ConfigException(
                    Character.toUpperCase(b.describe().charAt(0)) + b.describe().substring(1)
                            + " is of type " + b.type().id() + ", which translates but does not summarize: use "
                            + "--backend extractive (embedded) or an LLM backend (openai, ollama, anthropic, gemini).");
        }
        Backoff backoff = b.attempts() == null ? Backoff.DEFAULT : Backoff.DEFAULT.withMaxAttempts(b.attempts());
        Retrier retrier = Retrier.of(backoff);
        if (onRetry != null) {
            retrier = retrier.withListener(onRetry);
        }
        return LlmSummarizer.builder(ChatModels.create(b, env), b.type().id())
                .modelName(b.effectiveModel().orElseThrow())
                .cache(cache)
                .retrier(retrier)
                .build();
    }
}

package dev.dragoman.pipeline.config;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.cache.store.CacheStoreSpec;
import dev.dragoman.core.ratelimit.SharedRateLimits;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.backend.RunBackends;
import dev.dragoman.pipeline.cost.CostEstimator;
import dev.dragoman.pipeline.cost.Estimate;
import dev.dragoman.pipeline.deferred.DeferredBatches;
import dev.dragoman.pipeline.step.StepOptions;
import dev.dragoman.translate.TranslationBackend;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A run's backends from the configuration (flags &gt; environment &gt; file): the names are resolved to specs, the
 * cache store is opened, and the pipeline builds them ({@link RunBackends}) exactly as {@code dragoman translate}
 * does — the same for {@code dragoman batch}, a server or a cluster job. Only what the run needs is built, so a
 * summary-only run needs no translation backend. With {@link Setting#RATE_LIMIT_URL} set, the backends' rate limits
 * are shared through that Redis with every other process naming it. Closing it closes the cache store (and the
 * rate limits' connections).
 */
public final class ConfiguredBackends implements AutoCloseable {

    private final RunBackends backends;
    private final MeteredResultCache store;
    private final SharedRateLimits rateLimits;

    private ConfiguredBackends(RunBackends backends, MeteredResultCache store, SharedRateLimits rateLimits) {
        this.backends = backends;
        this.store = store;
        this.rateLimits = rateLimits;
    }

    /**
     * The backends a run of {@code step} needs: a translator for its translations and briefs (checked against the
     * target languages its vendor publishes), a summarizer for its summaries and briefs.
     *
     * @param settings the run's settings (names, keys, cache settings)
     * @param choice the backend and cache store names the front end was given
     * @param onRetry told of each retry (a progress display)
     * @param deferred the language-model backends' deferred mode, or null to call them live
     * @throws dev.dragoman.core.error.UsageException when the translation backend publishes its languages and a
     *     target is not one
     * @throws ConfigException when a needed backend is missing or cannot do its job, or {@code deferred} is given
     *     but neither backend is a language model
     */
    public static ConfiguredBackends open(
            Settings settings,
            StepOptions step,
            BackendChoice choice,
            Retrier.Listener onRetry,
            DeferredBatches deferred) {
        BackendConfig translate = translateConfig(settings, step, choice.translate());
        BackendConfig summarize = summarizeConfig(settings, step, choice.summarize());
        if (deferred != null && !languageModel(settings, translate) && !languageModel(settings, summarize)) {
            throw new ConfigException("--deferred hands language-model requests to a provider batch, but this run uses"
                    + " none: choose an openai or anthropic backend with --translate-backend/--summarize-backend,"
                    + " or run without --deferred.");
        }
        MeteredResultCache store = Stores.open(settings, choice.cacheStore(), choice.cachePath(), choice.cacheUrl());
        SharedRateLimits shared = null;
        try {
            shared = Stores.rateLimits(settings);
            return new ConfiguredBackends(
                    RunBackends.build(
                            factory(settings, translate, store, shared, onRetry, deferred),
                            translate == null ? null : translate.spec(),
                            factory(settings, summarize, store, shared, onRetry, deferred),
                            summarize == null ? null : summarize.spec()),
                    store,
                    shared);
        } catch (RuntimeException e) {
            store.close();
            if (shared != null) {
                shared.close();
            }
            throw e;
        }
    }

    /**
     * The backends, cache store and shared rate limit a run elsewhere builds for itself — a Flink job's workers — as
     * specs, resolved exactly as {@link #open} resolves them; nothing is opened or built here. Keys are never part of a
     * spec: each worker reads its backend's key variable from its own environment.
     *
     * @param translate the translation backend, or null; {@code summarize} the summarizer, or null
     * @param cache the result cache store; {@code rateLimitUrl} the shared rate limit's Redis, or null
     */
    public record Specs(BackendSpec translate, BackendSpec summarize, CacheStoreSpec cache, String rateLimitUrl) {}

    /**
     * The run's {@link Specs}: the same backend choice and checks as {@link #open}.
     *
     * @throws ConfigException when a needed backend is missing, when its key is written into the configuration file
     *     (it would not reach the workers), when the translation backend has a fallback chain or when a glossary is
     *     set (the job carries neither yet)
     */
    public static Specs specs(Settings settings, StepOptions step, BackendChoice choice) {
        BackendConfig translate = translateConfig(settings, step, choice.translate());
        BackendConfig summarize = summarizeConfig(settings, step, choice.summarize());
        for (BackendConfig b : java.util.Arrays.asList(translate, summarize)) {
            if (b != null && b.literalKey() != null) {
                throw new ConfigException(b.describe() + " has its key written in the configuration file, which a"
                        + " cluster job's workers do not read: set " + b.spec().keyVariable()
                        + " in their environment and remove the key from the file.");
            }
        }
        if (translate != null && !translate.fallback().isEmpty()) {
            throw new ConfigException(translate.describe() + " has a fallback chain ('fallback: "
                    + String.join(", ", translate.fallback()) + "'), which a cluster job's workers do not build yet:"
                    + " run the batch locally, or choose a backend without 'fallback:' for the cluster job.");
        }
        if (translate != null && settings.glossary() != null) {
            throw new ConfigException("A glossary is not carried to a cluster job's workers yet: run without"
                    + " --glossary (and without 'glossary:' in the configuration), or run the batch locally.");
        }
        return new Specs(
                translate == null ? null : translate.spec(),
                summarize == null ? null : summarize.spec(),
                Stores.spec(settings, choice.cacheStore(), choice.cachePath(), choice.cacheUrl()),
                Stores.rateLimitUrl(settings));
    }

    private static BackendConfig translateConfig(Settings settings, StepOptions step, String translateBackend) {
        List<Language> targets = Stream.of(step.translateTo(), step.brief())
                .filter(Objects::nonNull)
                .toList();
        if (targets.isEmpty()) {
            return null;
        }
        if (translateBackend == null || translateBackend.isBlank()) {
            throw new ConfigException("No translation backend is configured for --translate-to/--brief: pass "
                    + "--translate-backend NAME, set DRAGOMAN_TRANSLATE_BACKEND or write 'translate: backend:' "
                    + "in " + settings.config().path() + " ('dragoman config init' writes a starter file).");
        }
        return settings.translationBackend(translateBackend, targets); // a usage error (exit 2) before any item
    }

    private static BackendConfig summarizeConfig(Settings settings, StepOptions step, String summarizeBackend) {
        return step.needsSummary() ? settings.summaryBackend(summarizeBackend) : null;
    }

    /**
     * What a run with these backends would cost, calling none of them: the same backend choice and checks as
     * {@link #open}, the same cache store (only read), prices from {@link Settings#prices()}; {@code plan} runs the
     * {@link CostEstimator} over the run's work — a batch's inputs ({@code e -> e.estimate(batchOptions, fetcher)}) or
     * articles already read ({@code e -> e.estimate(articles, stepOptions)}).
     */
    public static Estimate estimate(
            Settings settings, StepOptions step, BackendChoice choice, Function<CostEstimator, Estimate> plan) {
        BackendConfig translate = translateConfig(settings, step, choice.translate());
        BackendConfig summarize = summarizeConfig(settings, step, choice.summarize());
        BackendConfig any = translate != null ? translate : summarize;
        try (MeteredResultCache store =
                Stores.open(settings, choice.cacheStore(), choice.cachePath(), choice.cacheUrl())) {
            if (any == null) {
                return new Estimate(0, 0, 0, 0, List.of());
            }
            return plan.apply(new CostEstimator(
                    settings.backends(any).withCache(store),
                    settings.prices(),
                    translate == null ? null : translate.spec(),
                    summarize == null ? null : summarize.spec()));
        }
    }

    private static Backends factory(
            Settings settings,
            BackendConfig b,
            MeteredResultCache store,
            SharedRateLimits shared,
            Retrier.Listener onRetry,
            DeferredBatches deferred) {
        return b == null
                ? null
                : settings.backends(b)
                        .withCache(store)
                        .withRateLimits(shared)
                        .withRetryListener(onRetry)
                        .withDeferral(deferred);
    }

    private static boolean languageModel(Settings settings, BackendConfig b) {
        return b != null && settings.backends(b).languageModel(b.spec().type());
    }

    /** The decorated translator, or null when none was asked for. */
    public TranslationBackend translator() {
        return backends.translator();
    }

    /** The decorated summarizer, or null when none was asked for. */
    public Summarizer summarizer() {
        return backends.summarizer();
    }

    /** Where both backends record every call that reached them ({@link RunBackends#meter()}): the run's usage. */
    public UsageMeter meter() {
        return backends.meter();
    }

    /** Part of the options fingerprint: a different backend or model redoes finished items. */
    public String describe() {
        return backends.description();
    }

    /** Where people hear of a failing or repaired cache store (see {@link MeteredResultCache#onWarning}). */
    public ConfiguredBackends onCacheWarning(java.util.function.Consumer<String> sink) {
        store.onWarning(sink);
        return this;
    }

    @Override
    public void close() {
        store.close();
        if (rateLimits != null) {
            rateLimits.close();
        }
    }
}

package dev.dragoman.pipeline.config;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.cache.store.CacheStoreSpec;
import dev.dragoman.core.ratelimit.SharedRateLimits;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.translation.Translator;
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
 * cache store is opened, and the pipeline builds them ({@link RunBackends}) — the one way the commands that run
 * articles ({@code translate}, {@code summarize}, {@code brief}, {@code batch}) build their configured backends; a
 * cluster job's workers build the same from its {@link #specs}. Only what the run needs is built, so a summary-only
 * run needs no translation backend. With
 * {@link Setting#RATE_LIMIT_URL} set, the backends' rate limits are shared through that Redis with every other
 * process naming it. Closing it closes the cache store (and the rate limits' connections).
 */
public final class ConfiguredBackends implements AutoCloseable {

    private final RunBackends backends;
    private final Translator briefTranslator;
    private final BackendConfig translate;
    private final BackendConfig summarize;
    private final UsageMeter meter;
    private final MeteredResultCache store;
    private final SharedRateLimits rateLimits;

    private ConfiguredBackends(
            RunBackends backends,
            Translator briefTranslator,
            BackendConfig translate,
            BackendConfig summarize,
            UsageMeter meter,
            MeteredResultCache store,
            SharedRateLimits rateLimits) {
        this.backends = backends;
        this.briefTranslator = briefTranslator;
        this.translate = translate;
        this.summarize = summarize;
        this.meter = meter;
        this.store = store;
        this.rateLimits = rateLimits;
    }

    /**
     * How a front end wants its run's backends built, beyond the names it chose.
     *
     * @param onRetry told of each retry (a progress display), or null
     * @param deferred the language-model backends' deferred mode, or null to call them live
     * @param strict a translation that looks incomplete fails (exit 65) instead of being flagged ({@code translate
     *     --strict}); a batch leaves it false and fails a flagged item itself ({@link StepOptions#allowFlagged})
     * @param translateOnDemand for a run that briefs and does not translate: its translator is built on the first
     *     translation, and a missing translation backend is an error only then, so a brief of an article already in
     *     its target language needs neither a backend nor its key ({@code dragoman brief})
     */
    public record Wiring(
            Retrier.Listener onRetry, DeferredBatches deferred, boolean strict, boolean translateOnDemand) {

        /** Live calls, flagged translations kept, the translator built at once. */
        public static Wiring of(Retrier.Listener onRetry) {
            return new Wiring(onRetry, null, false, false);
        }

        public Wiring withDeferred(DeferredBatches batches) {
            return new Wiring(onRetry, batches, strict, translateOnDemand);
        }

        public Wiring withStrict(boolean failFlagged) {
            return new Wiring(onRetry, deferred, failFlagged, translateOnDemand);
        }

        public Wiring withTranslateOnDemand(boolean onDemand) {
            return new Wiring(onRetry, deferred, strict, onDemand);
        }
    }

    /** As {@link #open(Settings, StepOptions, BackendChoice, Wiring)} for a batch: flagged translations kept. */
    public static ConfiguredBackends open(
            Settings settings,
            StepOptions step,
            BackendChoice choice,
            Retrier.Listener onRetry,
            DeferredBatches deferred) {
        return open(settings, step, choice, Wiring.of(onRetry).withDeferred(deferred));
    }

    /**
     * The backends a run of {@code step} needs: a translator for its translations and briefs (checked against the
     * target languages its vendor publishes, counting its usage), a summarizer for its summaries and briefs.
     *
     * @param settings the run's settings (names, keys, cache settings, glossary, budget)
     * @param choice the backend and cache store names the front end was given
     * @param wiring retry listener, deferred mode, strictness and when the translator is built
     * @throws dev.dragoman.core.error.UsageException when the translation backend publishes its languages and a
     *     target is not one
     * @throws ConfigException when a needed backend is missing or cannot do its job, or {@code deferred} is given
     *     but neither backend is a language model
     */
    public static ConfiguredBackends open(Settings settings, StepOptions step, BackendChoice choice, Wiring wiring) {
        boolean onDemand = wiring.translateOnDemand() && step.translateTo() == null && step.brief() != null;
        BackendConfig translate =
                onDemand && blank(choice.translate()) ? null : translateConfig(settings, step, choice);
        BackendConfig summarize = summarizeConfig(settings, step, choice.summarize());
        DeferredBatches deferred = wiring.deferred();
        if (deferred != null && !languageModel(settings, translate) && !languageModel(settings, summarize)) {
            throw new ConfigException("--deferred hands language-model requests to a provider batch, but this run uses"
                    + " none: choose an openai or anthropic backend with --translate-backend/--summarize-backend,"
                    + " or run without --deferred.");
        }
        MeteredResultCache store = Stores.open(settings, choice.cacheStore(), choice.cachePath(), choice.cacheUrl());
        SharedRateLimits shared = null;
        try {
            shared = Stores.rateLimits(settings);
            UsageMeter meter = new UsageMeter();
            Backends translating = translate == null
                    ? null
                    : factory(settings, translate, store, shared, wiring)
                            .withMeter(meter)
                            .withStrict(wiring.strict());
            RunBackends run = RunBackends.build(
                    translating,
                    translate == null || onDemand ? null : translate.spec(),
                    summarize == null ? null : factory(settings, summarize, store, shared, wiring),
                    summarize == null ? null : summarize.spec());
            Translator brief = run.translator();
            if (onDemand) {
                brief = translate == null
                        ? noBackend(settings, choice, step.brief())
                        : translating.cachedTranslatorOnDemand(translate.spec());
            }
            return new ConfiguredBackends(run, brief, translate, summarize, meter, store, shared);
        } catch (RuntimeException e) {
            store.close();
            if (shared != null) {
                shared.close();
            }
            throw e;
        }
    }

    /** A translator that fails the moment a brief needs translating, saying how to configure a backend. */
    private static Translator noBackend(Settings settings, BackendChoice choice, Language target) {
        String message = settings.noTranslationBackend(choice.translateFlag())
                .replace(
                        "No translation backend is configured.",
                        "This brief needs translating into " + target + ", and no translation backend is configured.");
        return request -> {
            throw new ConfigException(message);
        };
    }

    private static boolean blank(String name) {
        return name == null || name.isBlank();
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
        BackendConfig translate = translateConfig(settings, step, choice);
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
        if (summarize != null
                && settings.backends(summarize).fallbacks().stream()
                        .anyMatch(f ->
                                BackendTypes.registry().canSummarize(f.spec().type()))) {
            throw new ConfigException(summarize.describe() + " has a summary fallback chain ('fallback: "
                    + String.join(", ", summarize.fallback()) + "'), which a cluster job's workers do not build yet:"
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

    private static BackendConfig translateConfig(Settings settings, StepOptions step, BackendChoice choice) {
        List<Language> targets = Stream.of(step.translateTo(), step.brief())
                .filter(Objects::nonNull)
                .toList();
        if (targets.isEmpty()) {
            return null;
        }
        if (blank(choice.translate())) {
            throw new ConfigException(settings.noTranslationBackend(choice.translateFlag()));
        }
        return settings.translationBackend(choice.translate(), targets); // a usage error (exit 2) before any item
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
        BackendConfig translate = translateConfig(settings, step, choice);
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
                            summarize == null ? null : summarize.spec())
                    .withSummaryFallbacks(
                            summarize == null
                                    ? List.of()
                                    : settings.backends(summarize).fallbacks()));
        }
    }

    private static Backends factory(
            Settings settings, BackendConfig b, MeteredResultCache store, SharedRateLimits shared, Wiring wiring) {
        return settings.backends(b)
                .withCache(store)
                .withRateLimits(shared)
                .withRetryListener(wiring.onRetry())
                .withDeferral(wiring.deferred());
    }

    private static boolean languageModel(Settings settings, BackendConfig b) {
        return b != null && settings.backends(b).languageModel(b.spec().type());
    }

    /** The decorated translator, or null when none was asked for or it is built on demand. */
    public TranslationBackend translator() {
        return backends.translator();
    }

    /**
     * The translator of the run's briefs: {@link #translator()}, or with {@link Wiring#translateOnDemand} one built
     * on its first translation (without a configured backend, one that fails then, saying how to configure one).
     */
    public Translator briefTranslator() {
        return briefTranslator;
    }

    /** The configured translation backend, or null when the run has none. */
    public BackendConfig translateBackend() {
        return translate;
    }

    /** The configured summarizer, or null when the run makes no summary. */
    public BackendConfig summarizeBackend() {
        return summarize;
    }

    /**
     * "gpt (openai): 3 requests, 812 input + 240 output tokens; cache: 5 hits, 3 misses": what the run's translations
     * have spent so far and how the cache served them; null when the run has no translation backend.
     */
    public String translationUsage() {
        return translate == null ? null : BackendListing.usageLine(translate, meter.total(), store.counters());
    }

    /**
     * Runs {@code work}, naming the file and line of the run's configured base URL (its translation backend's, else
     * its summarizer's) when that server cannot be reached ({@link Unreachable}).
     */
    public <T> T namingUnreachable(java.util.function.Supplier<T> work) {
        return Unreachable.namingTheSetting(translate != null ? translate : summarize, work);
    }

    /** The decorated summarizer, or null when none was asked for. */
    public Summarizer summarizer() {
        return backends.summarizer();
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

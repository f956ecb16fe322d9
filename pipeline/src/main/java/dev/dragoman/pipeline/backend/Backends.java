package dev.dragoman.pipeline.backend;

import dev.dragoman.core.backend.BackendProvider;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.backend.MissingKeyException;
import dev.dragoman.core.backend.Providers;
import dev.dragoman.core.cache.CachedCall;
import dev.dragoman.core.cache.NoResultCache;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.llm.LlmErrorMapper;
import dev.dragoman.core.ratelimit.RateLimitHeaders;
import dev.dragoman.core.ratelimit.RateLimiter;
import dev.dragoman.core.ratelimit.SharedRateLimits;
import dev.dragoman.core.retry.Backoff;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.pipeline.deferred.BatchApi;
import dev.dragoman.pipeline.deferred.BatchHttp;
import dev.dragoman.pipeline.deferred.DeferredBatches;
import dev.dragoman.summarize.SummarizerProvider;
import dev.dragoman.summarize.llm.LlmSummarizer;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.TranslatorProvider;
import dev.dragoman.translate.Translators;
import dev.dragoman.translate.llm.LlmTranslator;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Builds decorated backends from {@link BackendSpec}s through the providers on the class path: machine translation
 * ({@link TranslatorProvider}), language models ({@link ChatModelProvider}: they translate and summarize) and other
 * summarizers ({@link SummarizerProvider}). Every process (CLI, HTTP server, cluster worker) builds the same backend
 * from the same spec. Nothing here reads the environment: keys and vendor options named by a spec are looked up
 * through the injected {@link #withVariables variable lookup}.
 *
 * <p>A type is known to exactly one provider; an unknown type is an {@link dev.dragoman.core.backend
 * .UnknownTypeException} naming the known ones. Immutable and thread-safe; variants come from the {@code with*}
 * methods (per run: the usage meter, strict mode, the retry listener).
 */
public final class Backends {

    private final Providers<TranslatorProvider> translators;
    private final Providers<SummarizerProvider> summarizers;
    private final Providers<ChatModelProvider> chatModels;
    private final Providers<BackendProvider> all;
    private final Wiring wiring;

    private Backends(
            Providers<TranslatorProvider> translators,
            Providers<SummarizerProvider> summarizers,
            Providers<ChatModelProvider> chatModels,
            Providers<BackendProvider> all,
            Wiring wiring) {
        this.translators = translators;
        this.summarizers = summarizers;
        this.chatModels = chatModels;
        this.all = all;
        this.wiring = wiring;
    }

    /**
     * Everything a {@code Backends} is given but its providers. Immutable; a variant is a copy changed through a
     * {@link Builder} ({@link Backends#with}), so each {@code with*} method names only what it changes, and the
     * defaults are the builder's initial values, in one place.
     *
     * @param meter where usage of every successful call is counted; null for none
     * @param onRetry told about every retry; null for none
     * @param limiters one limiter per backend spec, shared by every stack built for it (its translations and summaries)
     * @param rateLimits where rate limits are shared with other processes; null for per process only
     * @param glossary the run's glossary, read once on first use; null for none
     * @param deferral the provider batches language models hand their calls to; null for live calls
     * @param budget the run's cost cap; null for none
     * @param fallbacks the backends a translator or summarizer built here falls back to (those that can do its
     *     role), in order, once the ones before have used up their quota
     */
    private record Wiring(
            Function<String, String> variables,
            Supplier<OkHttpClient> http,
            ResultCache cache,
            UsageMeter meter,
            boolean strict,
            Retrier.Listener onRetry,
            Clock clock,
            ConcurrentMap<BackendSpec, RateLimiter> limiters,
            SharedRateLimits rateLimits,
            Supplier<Glossary> glossary,
            DeferredBatches deferral,
            SpendingCap budget,
            List<Fallback> fallbacks) {
        Wiring {
            Objects.requireNonNull(variables, "variables");
            Objects.requireNonNull(http, "http");
            Objects.requireNonNull(cache, "cache");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(limiters, "limiters");
            fallbacks = List.copyOf(fallbacks);
        }

        Builder toBuilder() {
            Builder b = new Builder();
            b.variables = variables;
            b.http = http;
            b.cache = cache;
            b.meter = meter;
            b.strict = strict;
            b.onRetry = onRetry;
            b.clock = clock;
            b.limiters = limiters;
            b.rateLimits = rateLimits;
            b.glossary = glossary;
            b.deferral = deferral;
            b.budget = budget;
            b.fallbacks = fallbacks;
            return b;
        }

        /** Starts with the defaults of {@link Backends#load()}. Not thread-safe; lives inside one {@code with}. */
        static final class Builder {
            Function<String, String> variables = name -> null;
            Supplier<OkHttpClient> http = DefaultHttp::client;
            ResultCache cache = new NoResultCache();
            UsageMeter meter;
            boolean strict;
            Retrier.Listener onRetry;
            Clock clock = Clock.systemUTC();
            ConcurrentMap<BackendSpec, RateLimiter> limiters = new ConcurrentHashMap<>();
            SharedRateLimits rateLimits;
            Supplier<Glossary> glossary;
            DeferredBatches deferral;
            SpendingCap budget;
            List<Fallback> fallbacks = List.of();

            Wiring build() {
                return new Wiring(
                        variables,
                        http,
                        cache,
                        meter,
                        strict,
                        onRetry,
                        clock,
                        limiters,
                        rateLimits,
                        glossary,
                        deferral,
                        budget,
                        fallbacks);
            }
        }
    }

    /** A copy of this factory, its wiring changed by {@code change}. */
    private Backends with(Consumer<Wiring.Builder> change) {
        Wiring.Builder b = wiring.toBuilder();
        change.accept(b);
        return new Backends(translators, summarizers, chatModels, all, b.build());
    }

    /**
     * The providers the thread's context class loader (else this module's) can see, no variables (no keys), a
     * process-wide OkHttp client made on first use, no cache, no meter.
     */
    public static Backends load() {
        return load(null);
    }

    /** As {@link #load()}, with providers from {@code loader}. */
    public static Backends load(ClassLoader loader) {
        Providers<TranslatorProvider> translators =
                Providers.load("translation backend", TranslatorProvider.class, TranslatorProvider::type, loader);
        Providers<SummarizerProvider> summarizers =
                Providers.load("summarizer", SummarizerProvider.class, SummarizerProvider::type, loader);
        Providers<ChatModelProvider> chatModels =
                Providers.load("language model", ChatModelProvider.class, ChatModelProvider::type, loader);
        List<BackendProvider> every = new ArrayList<>();
        every.addAll(translators.all());
        every.addAll(summarizers.all());
        every.addAll(chatModels.all());
        return new Backends(
                translators,
                summarizers,
                chatModels,
                Providers.of("backend", every, BackendProvider::type),
                new Wiring.Builder().build());
    }

    /** Keys and vendor options are read through {@code lookup} (variable name → value, null when unset). */
    public Backends withVariables(Function<String, String> lookup) {
        return with(b -> b.variables = lookup);
    }

    /** The variables of {@code env} (a copy of the process environment, or a test's map). */
    public Backends withVariables(Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return withVariables(copy::get);
    }

    /**
     * For estimates, which build backends to learn their profiles and prompts but never call them: a key that is not
     * set reads as a placeholder, so an estimate needs no key.
     */
    public Backends withPlaceholderKeys() {
        Function<String, String> real = wiring.variables();
        return withVariables(name -> {
            String value = real.apply(name);
            return value == null || value.isBlank() ? "unset-for-an-estimate" : value;
        });
    }

    /** The shared HTTP client, asked for only when an HTTP backend is built. */
    public Backends withHttp(Supplier<OkHttpClient> client) {
        return with(b -> b.http = client);
    }

    /** Where cached translations and summaries are kept. */
    public Backends withCache(ResultCache store) {
        return with(b -> b.cache = store);
    }

    /** Where usage of every successful call is counted; null for none. */
    public Backends withMeter(UsageMeter usage) {
        return with(b -> b.meter = usage);
    }

    /** True: translations that look incomplete fail instead of being flagged. */
    public Backends withStrict(boolean strictMode) {
        return with(b -> b.strict = strictMode);
    }

    /** Told about every retry (for a verbose front end); null for none. */
    public Backends withRetryListener(Retrier.Listener listener) {
        return with(b -> b.onRetry = listener);
    }

    /**
     * Deferred mode: every language-model backend built from now on hands the requests the cache cannot answer to
     * {@code batches} (its provider's batch API) instead of sending them, and gets no client-side rate limit (nothing
     * goes out but retries of failed batch requests; a server's 429 still slows those). A type without a batch API
     * is a configuration error. Null: live calls (the default).
     */
    public Backends withDeferral(DeferredBatches batches) {
        return with(b -> b.deferral = batches);
    }

    /**
     * Every backend built from here on kept within {@code b} (see {@link SpendingCap}; {@code pipeline.cost.Budget}): a machine translator at the bottom
     * of its stack, a language model's {@link ChatModel} (its translations and summaries). One budget is shared by
     * every backend given it, so a run's translations and summaries draw on the same cap. Null: no cap. A budget in
     * deferred mode is refused: the batch's price is only known once it has ended.
     */
    public Backends withBudget(SpendingCap b) {
        return with(w -> w.budget = b);
    }

    /**
     * A backend that a translator built from here falls back to ({@link #translator}, {@link #cachedTranslator}).
     *
     * @param spec the backend
     * @param variables where its key and vendor options are read (its own: a key written in the configuration file
     *     belongs to its entry only)
     */
    public record Fallback(BackendSpec spec, Function<String, String> variables) {
        public Fallback {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(variables, "variables");
        }
    }

    /**
     * Every translator and summarizer built from here on is a fallback chain ({@link FallbackTranslator},
     * {@link FallbackSummarizer}): its own backend first, then the entries of {@code chain} that can do that role
     * (translate, summarize), in order, each taking over the work of the ones before once they have used up their
     * quota — so {@code fallback: deepl, extractive} on a language model sends its translations to DeepL and its
     * summaries to the extractive summarizer. Each is built with everything else this factory has (cache, meter,
     * budget, rate limits, glossary, strictness), so a fallback's calls count against the same budget. An entry naming
     * the backend being built is left out. Empty: no fallback.
     */
    public Backends withFallbacks(List<Fallback> chain) {
        return with(b -> b.fallbacks = chain == null ? List.of() : chain);
    }

    /** The configured fallbacks of translators built here, in order (empty: none). */
    public List<Fallback> fallbacks() {
        return wiring.fallbacks();
    }

    public Backends withClock(Clock c) {
        return with(b -> b.clock = c);
    }

    /**
     * Every backend's rate limit is also booked in {@code shared} (a Redis the other processes name too: a cluster's
     * workers, other batches on the same account), per backend key — its type, server and key variable — so that
     * together they keep the configured limits; null for limits per process only. Backends without configured limits
     * share nothing (each process still learns its server's rate from 429s). The caller closes {@code shared}.
     */
    public Backends withRateLimits(SharedRateLimits shared) {
        return with(b -> {
            b.limiters = new ConcurrentHashMap<>();
            b.rateLimits = shared;
        });
    }

    /**
     * The glossary every translator built from here gives the requests that carry none
     * ({@link Translators.Pipeline#glossary}); read when the first translator is built (so a command that never
     * translates never reads it), once. Null, or a supplier of null, for none.
     */
    public Backends withGlossary(Supplier<Glossary> g) {
        Supplier<Glossary> once = g == null ? null : new Once<>(g);
        return with(b -> b.glossary = once);
    }

    /** The glossary translators get, or null for none (reads it if not read yet). */
    public Glossary glossary() {
        return wiring.glossary() == null ? null : wiring.glossary().get();
    }

    public ResultCache cache() {
        return wiring.cache();
    }

    /** Every known type, sorted. */
    public List<String> types() {
        return all.types();
    }

    /**
     * The provider of {@code type}, whatever its role.
     *
     * @throws dev.dragoman.core.backend.UnknownTypeException naming the known types
     */
    public BackendProvider provider(String type) {
        return all.require(type);
    }

    /** True when {@code type} is known. */
    public boolean knows(String type) {
        return all.find(type).isPresent();
    }

    public boolean canTranslate(String type) {
        return translators.find(type).isPresent() || chatModels.find(type).isPresent();
    }

    public boolean canSummarize(String type) {
        return summarizers.find(type).isPresent() || chatModels.find(type).isPresent();
    }

    /** True for language-model types: their limits and bills count tokens. */
    public boolean languageModel(String type) {
        return chatModels.find(type).isPresent();
    }

    /** {@code spec} with its provider's defaults where it left them out (base URL, model, key variable). */
    public BackendSpec resolve(BackendSpec spec) {
        return provider(spec.type()).withDefaults(spec);
    }

    /** True when {@code spec} cannot work without a key. */
    public boolean keyRequired(BackendSpec spec) {
        return provider(spec.type()).keyRequired(spec);
    }

    /** True when the key {@code spec} names is set. */
    public boolean hasKey(BackendSpec spec) {
        return key(resolve(spec)) != null;
    }

    /**
     * The backend alone: no retry, rate limit, metering or guard. For one diagnostic call ({@code backends --check}).
     *
     * @throws DragomanException (configuration) for an unknown type, a type that does not translate, a missing key
     */
    public TranslationBackend rawTranslator(BackendSpec spec) {
        return rawTranslator(spec, null);
    }

    /** The backend alone; the answers' rate-limit headers are reported to {@code limiter} (null = nowhere). */
    private TranslationBackend rawTranslator(BackendSpec spec, RateLimiter limiter) {
        BackendSpec s = resolve(spec);
        TranslatorProvider mt = translators.find(s.type()).orElse(null);
        if (mt != null) {
            s = withOptionVariables(s, mt);
            return mt.create(s, new TranslatorProvider.Context(requireKey(s, mt), http(limiter)));
        }
        ChatModelProvider llm = chatModels.find(s.type()).orElse(null);
        if (llm != null) {
            return rawLlmTranslator(s, spec, llm, limiter);
        }
        throw new DragomanException(
                DragomanException.Kind.CONFIGURATION,
                "Backend '" + s.name() + "' is of type " + s.type() + ", which summarizes but does not translate: "
                        + "choose a translation backend (" + String.join(", ", translationTypes()) + ").");
    }

    private TranslationBackend rawLlmTranslator(
            BackendSpec s, BackendSpec spec, ChatModelProvider llm, RateLimiter limiter) {
        return LlmTranslator.builder(chatModel(s, limiter))
                .id(s.type())
                .modelName(s.model())
                .jsonMode(llm.jsonMode(spec))
                .keyHint(keyHint(s))
                .urlHint(urlHint(s))
                .build();
    }

    private static String keyHint(BackendSpec s) {
        return s.keyVariable() != null ? s.keyVariable() : "the API key of backend '" + s.name() + "'";
    }

    private static String urlHint(BackendSpec s) {
        return "the base-url of backend '" + s.name() + "'";
    }

    /**
     * The translation backend of {@code spec} in the standard decorator stack: retry around the rate limit around
     * usage metering, then the punctuation fix, the completeness guard and the glossary check, with the run's
     * glossary ({@link #withGlossary}). Not cached: the article translator caches per segment — except with
     * {@link #withFallbacks fallbacks}: a cache above a chain would keep a fallback's answers under the first
     * backend's keys and drop their fallback notice, so a chain is used through {@link #cachedTranslator} (each link
     * caches under its own keys) and {@code ArticleTranslator.over}.
     */
    public TranslationBackend translator(BackendSpec spec) {
        return chain(spec, (factory, s, gate) -> factory.standard(s, gate).build());
    }

    /**
     * The whole stack of {@link Translators}: retry around the per-segment load-through cache (single flight per
     * segment) around the guards, the rate limit and metering.
     */
    public TranslationBackend cachedTranslator(BackendSpec spec) {
        return chain(
                spec,
                (factory, s, gate) -> factory.standard(s, gate)
                        .cache(new CachedCall(factory.wiring.cache()))
                        .clock(factory.wiring.clock())
                        .build());
    }

    /** Builds one backend's whole stack; {@code gate} (null: none) goes at its bottom. */
    private interface Stack {
        TranslationBackend build(Backends factory, BackendSpec spec, QuotaGate gate);
    }

    /**
     * {@code spec}'s stack, or with {@link #withFallbacks fallbacks} the chain of its stack and theirs, each built by
     * its own factory (its own key lookup) and gated so that a backend out of quota is not called again.
     */
    private TranslationBackend chain(BackendSpec spec, Stack stack) {
        BackendSpec first = resolve(spec);
        List<Fallback> rest = fallbacksFor(first, this::canTranslate);
        if (rest.isEmpty()) {
            return stack.build(this, spec, null);
        }
        List<FallbackTranslator.Link> links = new ArrayList<>();
        QuotaGate gate = new QuotaGate();
        Backends alone = withFallbacks(List.of());
        links.add(new FallbackTranslator.Link(first, stack.build(alone, spec, gate), gate));
        for (Fallback f : rest) {
            QuotaGate g = new QuotaGate();
            Backends own = alone.withVariables(f.variables());
            links.add(new FallbackTranslator.Link(own.resolve(f.spec()), stack.build(own, f.spec(), g), g));
        }
        return new FallbackTranslator(links);
    }

    /** The configured fallbacks whose type can do a role ({@code can}: translate, summarize), {@code first} left out. */
    private List<Fallback> fallbacksFor(BackendSpec first, java.util.function.Predicate<String> can) {
        return wiring.fallbacks().stream()
                .filter(f -> can.test(f.spec().type()))
                .filter(f -> !resolve(f.spec()).name().equals(first.name()))
                .toList();
    }

    /** Every layer but the cache, as {@link #translator} and {@link #cachedTranslator} share them. */
    private Translators.Pipeline standard(BackendSpec spec, QuotaGate gate) {
        RateLimiter limiter = limiter(spec);
        TranslationBackend raw = keyed(spec, limiter);
        BackendSpec s = resolve(spec);
        if (wiring.budget() != null && translators.find(s.type()).isPresent()) {
            // machine translation; a language model's calls are kept within the budget at its ChatModel
            raw = wiring.budget().translator(raw, s);
        }
        if (gate != null) {
            raw = gate.around(raw); // a fallback chain's link: not called again once its quota is gone
        }
        return Translators.pipeline(raw)
                .retry(retrier(spec))
                .rateLimit(limiter)
                .meter(wiring.meter())
                .punctuation(true)
                .guard(wiring.strict())
                .glossaryCheck(true)
                .glossary(glossary());
    }

    /**
     * {@link #cachedTranslator} built on the first translation it is asked for, so that a run that never translates
     * (a brief already in its target language) needs neither the backend's key nor its server. An unknown type or a
     * type that does not translate is still an error at once; a missing key is one on first use. Thread-safe: the
     * backend is built once.
     *
     * @throws DragomanException (configuration) for an unknown type or a type that does not translate
     */
    public Translator cachedTranslatorOnDemand(BackendSpec spec) {
        BackendSpec s = resolve(spec);
        if (!canTranslate(s.type())) {
            rawTranslator(s); // throws the message that names the translating types
        }
        return new Translator() {
            private volatile TranslationBackend built;

            @Override
            public TranslationResult translate(TranslationRequest request) {
                TranslationBackend b = built;
                if (b == null) {
                    synchronized (this) {
                        b = built;
                        if (b == null) {
                            b = cachedTranslator(spec);
                            built = b;
                        }
                    }
                }
                return b.translate(request);
            }

            @Override
            public String toString() {
                return s.name() + " (built on first use)";
            }
        };
    }

    /**
     * The summarizer of {@code spec}: a language model's summaries (cached, retried), or another provider's.
     *
     * @throws DragomanException (configuration) for an unknown type, a type that does not summarize, a missing key
     */
    public Summarizer summarizer(BackendSpec spec) {
        BackendSpec first = resolve(spec);
        List<Fallback> rest = fallbacksFor(first, this::canSummarize);
        if (rest.isEmpty()) {
            return summarizer(spec, null);
        }
        Backends alone = withFallbacks(List.of());
        List<FallbackSummarizer.Link> links = new ArrayList<>();
        QuotaGate gate = new QuotaGate();
        links.add(new FallbackSummarizer.Link(first, alone.summarizer(spec, gate), gate));
        for (Fallback f : rest) {
            QuotaGate g = new QuotaGate();
            Backends own = alone.withVariables(f.variables());
            links.add(new FallbackSummarizer.Link(own.resolve(f.spec()), own.summarizer(f.spec(), g), g));
        }
        return new FallbackSummarizer(links);
    }

    /** One summarizer; a language model's chat model behind {@code gate} (null: none), a fallback chain's link. */
    private Summarizer summarizer(BackendSpec spec, QuotaGate gate) {
        BackendSpec s = resolve(spec);
        SummarizerProvider sp = summarizers.find(s.type()).orElse(null);
        if (sp != null) {
            return sp.create(s, new SummarizerProvider.Context(requireKey(s, sp), wiring.cache()));
        }
        ChatModelProvider llm = chatModels.find(s.type()).orElse(null);
        if (llm != null) {
            RateLimiter limiter = limiter(s);
            ChatModel model = chatModel(s, limiter);
            return LlmSummarizer.builder(gate == null ? model : gate.around(model), s.type())
                    .modelName(s.model())
                    .endpoint(endpoint(s, llm))
                    .jsonMode(llm.jsonMode(s))
                    .cache(wiring.cache())
                    .retrier(retrier(s))
                    .rateLimit(limiter)
                    .meter(wiring.meter())
                    .clock(wiring.clock())
                    .glossary(glossary())
                    .build();
        }
        throw new DragomanException(
                DragomanException.Kind.CONFIGURATION,
                "Backend '" + s.name() + "' is of type " + s.type() + ", which translates but does not summarize: "
                        + "use a summarizing type (" + String.join(", ", summaryTypes()) + ").");
    }

    /** What a summarizer of {@code spec} runs: the model, or the algorithm and its version. */
    public String summaryModel(BackendSpec spec) {
        BackendSpec s = resolve(spec);
        return summarizers.find(s.type()).map(p -> p.model(s)).orElse(s.model() == null ? "-" : s.model());
    }

    /**
     * The LangChain4j chat model of a language-model spec, LangChain4j's own retries off.
     *
     * @throws DragomanException (configuration) when {@code spec} is not a language model or its key is missing
     */
    public ChatModel chatModel(BackendSpec spec) {
        return chatModel(spec, null);
    }

    private ChatModel chatModel(BackendSpec spec, RateLimiter limiter) {
        BackendSpec s = resolve(spec);
        ChatModelProvider p = chatModels
                .find(s.type())
                .orElseThrow(() -> new DragomanException(
                        DragomanException.Kind.CONFIGURATION,
                        "Backend '" + s.name() + "' is of type " + s.type() + ", not a language model: use one of "
                                + String.join(", ", chatModels.types()) + "."));
        String key = requireKey(s, p);
        ChatModel model = p.create(s, key, p.timeout(s), LlmHttpClient.builder(http(limiter), wiring.clock()));
        if (wiring.budget() != null) {
            if (wiring.deferral() != null) {
                throw new DragomanException(
                        DragomanException.Kind.CONFIGURATION,
                        "--max-cost (budget:) does not go with --deferred: a provider batch's cost is known only once"
                                + " it has ended. Run with --estimate first, then --deferred without a budget.");
            }
            model = wiring.budget().chatModel(model, s);
        }
        if (wiring.deferral() == null) {
            return model;
        }
        BatchHttp batchHttp = new BatchHttp(
                LlmHttpClient.builder(wiring.http().get(), wiring.clock())
                        .readTimeout(p.timeout(s))
                        .build(),
                LlmErrorMapper.forProvider(s.type(), s.model(), keyHint(s), urlHint(s), key == null ? "" : key),
                retrier(s));
        BatchApi api = p.batchApi(s, key, batchHttp);
        if (api == null) {
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "Backend '" + s.name() + "' (" + s.type() + ") has no batch API, so it cannot run deferred: use a "
                            + "type that has one (" + String.join(", ", batchTypes()) + ") or run without --deferred");
        }
        return wiring.deferral().model(s.name(), api, model);
    }

    /** Language-model types whose provider has a batch API (deferred mode), sorted. */
    public List<String> batchTypes() {
        return chatModels.all().stream()
                .filter(ChatModelProvider::hasBatchApi)
                .map(ChatModelProvider::type)
                .sorted()
                .toList();
    }

    /**
     * The server of {@code resolved} for cache keys when it is not the provider's default address (a self-hosted
     * LibreTranslate or OpenAI-compatible server): scheme, host, port and path, never credentials or a query; "" at
     * the default address, so those keys do not change.
     */
    static String endpoint(BackendSpec resolved, BackendProvider provider) {
        String url = resolved.baseUrl();
        String usual = provider.defaults().baseUrl();
        if (url == null || (usual != null && trimSlash(url).equals(trimSlash(usual)))) {
            return "";
        }
        try {
            java.net.URI u = new java.net.URI(url.strip());
            if (u.getHost() == null) {
                return trimSlash(
                        url.replaceAll("[?#].*$", "").replaceAll("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^@/]*@", "$1"));
            }
            String path = u.getPath() == null ? "" : u.getPath();
            return trimSlash(u.getScheme().toLowerCase(Locale.ROOT) + "://"
                    + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort()) + path);
        } catch (java.net.URISyntaxException e) {
            return trimSlash(url.replaceAll("[?#].*$", "").replaceAll("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^@/]*@", "$1"));
        }
    }

    private static String trimSlash(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * The bare backend of {@code spec} with its endpoint in its profile (so in its cache keys), without any decorator:
     * what the stacks are built around, and what an estimate prices.
     *
     * @throws DragomanException (configuration) as {@link #rawTranslator}
     */
    public TranslationBackend bareTranslator(BackendSpec spec) {
        return keyed(spec, null);
    }

    /** The bare backend with its endpoint in its profile (so in its cache keys): what the stacks are built around. */
    private TranslationBackend keyed(BackendSpec spec, RateLimiter limiter) {
        BackendSpec s = resolve(spec);
        return atEndpoint(rawTranslator(spec, limiter), s, provider(s.type()));
    }

    /** {@code backend} with its endpoint in its profile (so in its cache keys) when it is not the default one. */
    private static TranslationBackend atEndpoint(TranslationBackend backend, BackendSpec s, BackendProvider p) {
        String server = endpoint(s, p);
        if (server.isEmpty()) {
            return backend;
        }
        return TranslationBackend.of(backend.profile().withEndpoint(server), backend, backend.toString());
    }

    /**
     * Why {@code spec}'s backend cannot translate into {@code target} — its vendor publishes a fixed list of target
     * languages and {@code target} is not on it — or empty when it may (no list published, or on the list).
     */
    public java.util.Optional<String> unsupportedTarget(BackendSpec spec, dev.dragoman.core.Language target) {
        BackendSpec s = resolve(spec);
        return translators
                .find(s.type())
                .flatMap(p -> p.targetLanguages(s))
                .filter(targets -> !targets.contains(target.primary()))
                .map(targets -> "backend '" + s.name() + "' (" + s.type() + ") does not translate into "
                        + target.displayName() + " (" + target.tag() + "); it translates into "
                        + String.join(", ", new java.util.TreeSet<>(targets)));
    }

    /** Types whose backends keep glossaries on the vendor's server ({@link #remoteGlossaries}), sorted. */
    public List<String> glossaryTypes() {
        return translators.all().stream()
                .filter(TranslatorProvider::keepsGlossaries)
                .map(TranslatorProvider::type)
                .sorted()
                .toList();
    }

    /**
     * The glossaries {@code spec}'s backend keeps on its vendor's server for Dragoman (DeepL's), to list and prune;
     * empty for a type that keeps none there.
     *
     * @throws DragomanException (configuration) for an unknown type or a missing key
     */
    public java.util.Optional<dev.dragoman.translate.RemoteGlossaries> remoteGlossaries(BackendSpec spec) {
        BackendSpec s = resolve(spec);
        TranslatorProvider mt = translators.find(s.type()).orElse(null);
        if (mt == null || !mt.keepsGlossaries()) {
            return java.util.Optional.empty();
        }
        BackendSpec withOptions = withOptionVariables(s, mt);
        return mt.remoteGlossaries(
                withOptions, new TranslatorProvider.Context(requireKey(withOptions, mt), http(null)));
    }

    /** Types that translate, sorted. */
    public List<String> translationTypes() {
        return types().stream().filter(this::canTranslate).toList();
    }

    /** Types that summarize, sorted. */
    public List<String> summaryTypes() {
        return types().stream().filter(this::canSummarize).toList();
    }

    /**
     * The backend's retry: the default backoff, its {@code attempts}, and option {@code max-wait} (default 120 s) as
     * the longest wait — a server asking (Retry-After) for longer makes the call give up at once instead.
     */
    private Retrier retrier(BackendSpec spec) {
        Backoff backoff = spec.attempts() == 0 ? Backoff.DEFAULT : Backoff.DEFAULT.withMaxAttempts(spec.attempts());
        String maxWait = spec.option("max-wait");
        if (maxWait != null) {
            try {
                backoff = backoff.withMax(dev.dragoman.core.text.Durations.parseDuration(maxWait));
            } catch (IllegalArgumentException e) {
                throw new DragomanException(
                        DragomanException.Kind.CONFIGURATION,
                        "Backend '" + spec.name() + "': option max-wait must be a duration such as 300s, not '"
                                + maxWait + "'");
            }
        }
        Retrier r = Retrier.of(backoff);
        return wiring.onRetry() == null ? r : r.withListener(wiring.onRetry());
    }

    /**
     * The limiter of {@code spec}'s server, one per spec and shared by its translations and summaries: requests per
     * minute and characters- or tokens-per-minute, as the backend counts (a language model counts tokens; 0 = not
     * set). Always a limiter, so that a backend without configured limits still learns its server's rate from 429s
     * and from the rate-limit headers of its answers ({@link #http(RateLimiter)}). With shared
     * {@link #withRateLimits rate limits}, it books every call there too.
     */
    RateLimiter limiter(BackendSpec spec) {
        BackendSpec s = resolve(spec);
        if (wiring.deferral() != null && languageModel(s.type())) {
            // deferred: requests go to a batch, not the per-minute budget; only retries of failed ones are sent live
            return RateLimiter.perMinute(0, 0);
        }
        return wiring.limiters().computeIfAbsent(s, k -> {
            BackendSpec.Limits l = k.limits();
            int units = languageModel(k.type()) ? l.tokensPerMinute() : l.charactersPerMinute();
            RateLimiter local = RateLimiter.perMinute(l.requestsPerMinute(), units);
            return wiring.rateLimits() == null
                    ? local
                    : local.sharing(wiring.rateLimits().rate(rateKey(k), l.requestsPerMinute(), units));
        });
    }

    /**
     * What a shared rate limit is kept under: the type, the server (the provider's default address as
     * {@code default}) and the name of the variable holding the key — the same account on every worker, and never
     * the key itself.
     */
    String rateKey(BackendSpec spec) {
        BackendSpec s = resolve(spec);
        String server = endpoint(s, provider(s.type()));
        return s.type() + "|" + (server.isEmpty() ? "default" : server) + "|"
                + (s.keyVariable() == null ? "-" : s.keyVariable());
    }

    /**
     * The shared client, reporting every answer's rate-limit headers ({@link RateLimitHeaders}: OpenAI's
     * {@code x-ratelimit-*}, Anthropic's, the IETF draft's) to {@code limiter}; the shared client itself when null.
     */
    private OkHttpClient http(RateLimiter limiter) {
        OkHttpClient shared = wiring.http().get();
        if (limiter == null) {
            return shared;
        }
        return shared.newBuilder()
                .addInterceptor(chain -> {
                    okhttp3.Response response = chain.proceed(chain.request());
                    RateLimitHeaders.from(response::header, wiring.clock()).ifPresent(limiter::observe);
                    return response;
                })
                .build();
    }

    private String key(BackendSpec resolved) {
        if (resolved.keyVariable() == null) {
            return null;
        }
        String key = wiring.variables().apply(resolved.keyVariable());
        return key == null || key.isBlank() ? null : key.strip();
    }

    private String requireKey(BackendSpec resolved, BackendProvider provider) {
        String key = key(resolved);
        if (key == null && provider.keyRequired(resolved)) {
            throw new MissingKeyException(resolved);
        }
        return key;
    }

    private BackendSpec withOptionVariables(BackendSpec spec, TranslatorProvider provider) {
        BackendSpec s = spec;
        for (Map.Entry<String, String> e : provider.optionVariables().entrySet()) {
            if (s.option(e.getKey()) == null) {
                String value = wiring.variables().apply(e.getValue());
                if (value != null && !value.isBlank()) {
                    s = s.withOption(e.getKey(), value);
                }
            }
        }
        return s;
    }

    /** A supplier asked once, on first use; thread-safe. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> source;
        private volatile boolean done;
        private T value;

        Once(Supplier<T> source) {
            this.source = source;
        }

        @Override
        public T get() {
            if (!done) {
                synchronized (this) {
                    if (!done) {
                        value = source.get();
                        done = true;
                    }
                }
            }
            return value;
        }
    }

    /** One client per process for users who inject none, made on first use. */
    private static final class DefaultHttp {
        private static final OkHttpClient CLIENT = new OkHttpClient();

        static OkHttpClient client() {
            return CLIENT;
        }
    }
}

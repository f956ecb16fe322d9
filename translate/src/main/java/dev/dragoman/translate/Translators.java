package dev.dragoman.translate;

import dev.dragoman.core.cache.CachedCall;
import dev.dragoman.core.call.Call;
import dev.dragoman.core.call.CallStack;
import dev.dragoman.core.call.CallType;
import dev.dragoman.core.llm.TokenEstimate;
import dev.dragoman.core.ratelimit.RateLimiter;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.usage.UsageMeter;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The translation side of the one decorator stack ({@link CallStack}, shared with summaries): the same retry, rate
 * limit and metering, with the segment cache ({@link CachingTranslator}) and the translation guards as this kind's
 * layers. From the outside in:
 *
 * <pre>
 * glossary                the run's glossary, for requests that carry none (so it is in every cache key)
 * retry                   backoff on 429/5xx/timeouts/resets/malformed answers; a retry re-sends only what is still
 *                         missing from the cache
 *   CachingTranslator     cache lookup per segment; only misses go further, packed into batches
 *     GlossaryCheck       re-asks once for segments that miss a glossary term, then flags (or fails)
 *       CompletenessGuard re-asks once for untranslated-looking segments, then flags (or fails)
 *         TargetPunctuation  "؟?" → "?" (Arabic punctuation left in a Latin-script translation)
 *           rate limit    client-side requests/min and characters-or-tokens/min, every attempt
 *             metering    usage of every successful call
 *               backend   DeepL, Google, LibreTranslate, Azure, Apertium, LLM
 * </pre>
 *
 * Stateless.
 */
public final class Translators {

    /** Estimated tokens of the LLM prompt template and JSON framing per request, booked with the rate limiter. */
    static final long PROMPT_TOKENS = 500;

    private Translators() {}

    /**
     * Retry around rate limit around usage metering around {@code backend} — nothing else.
     *
     * @param limiter may be null (no client-side limit); {@code meter} may be null (no accounting)
     */
    public static TranslationBackend decorate(
            TranslationBackend backend, Retrier retrier, RateLimiter limiter, UsageMeter meter) {
        return pipeline(backend).retry(retrier).rateLimit(limiter).meter(meter).build();
    }

    /**
     * The recommended stack without a cache: {@link #decorate} plus the punctuation fix, the completeness guard
     * (flagging, or failing when {@code strict}) and the glossary check.
     */
    public static TranslationBackend standard(
            TranslationBackend backend, Retrier retrier, RateLimiter limiter, UsageMeter meter, boolean strict) {
        return standard(backend, retrier, limiter, meter, strict, null);
    }

    /**
     * The recommended stack with the segment cache inside the retry ({@link ArticleTranslator#over} takes it as is).
     *
     * @param cache the run's load-through cache; null = none
     */
    public static TranslationBackend standard(
            TranslationBackend backend,
            Retrier retrier,
            RateLimiter limiter,
            UsageMeter meter,
            boolean strict,
            CachedCall cache) {
        return pipeline(backend)
                .retry(retrier)
                .cache(cache)
                .rateLimit(limiter)
                .meter(meter)
                .punctuation(true)
                .guard(strict)
                .glossaryCheck(true)
                .build();
    }

    public static Pipeline pipeline(TranslationBackend backend) {
        return new Pipeline(backend);
    }

    /**
     * What the shared decorators book and record for a translation: one request plus its characters (MT) or
     * estimated tokens (LLM: the segments' {@link TokenEstimate} twice — prompt and answer — plus the template).
     */
    static CallType<TranslationRequest, TranslationResult> callType(BackendProfile profile) {
        return new CallType<>() {
            @Override
            public String operation() {
                return "translate";
            }

            @Override
            public OptionalLong units(TranslationRequest request) {
                if (request.segments().isEmpty()) {
                    return OptionalLong.empty();
                }
                if (profile.unit() == BackendProfile.Unit.CHARACTERS) {
                    return OptionalLong.of(request.characters());
                }
                long tokens = 0;
                for (String s : request.segments()) {
                    tokens += TokenEstimate.of(s);
                }
                // providers count the prompt and the answer against tokens-per-minute too
                return OptionalLong.of(PROMPT_TOKENS + 2 * tokens);
            }

            @Override
            public Usage usage(TranslationResult result) {
                return result.usage();
            }

            @Override
            public TranslationResult withSpent(TranslationResult result, Usage spent) {
                return new TranslationResult(
                        result.segments(),
                        result.detectedSource(),
                        result.backend(),
                        result.model(),
                        result.usage().plus(spent),
                        result.fallback());
            }
        };
    }

    /** Chooses layers; {@link #build()} applies them in the documented order. Not thread-safe. */
    public static final class Pipeline {
        private final TranslationBackend backend;
        private Retrier retrier;
        private CachedCall cache;
        private Clock clock;
        private RateLimiter limiter;
        private UsageMeter meter;
        private Boolean strict;
        private boolean glossaryCheck;
        private boolean punctuation;
        private Glossary glossary;

        private Pipeline(TranslationBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
        }

        public Pipeline retry(Retrier r) {
            this.retrier = r;
            return this;
        }

        /** The segment cache, inside the retry; null = none. */
        public Pipeline cache(CachedCall c) {
            this.cache = c;
            return this;
        }

        /** The clock of cache entries (default: the system's). */
        public Pipeline clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Pipeline rateLimit(RateLimiter l) {
            this.limiter = l;
            return this;
        }

        /** Records spending, and cache savings when there is a cache. */
        public Pipeline meter(UsageMeter m) {
            this.meter = m;
            return this;
        }

        /** Adds the completeness guard; {@code strictMode} turns flags into errors. */
        public Pipeline guard(boolean strictMode) {
            this.strict = strictMode;
            return this;
        }

        /** Adds {@link TargetPunctuation}. */
        public Pipeline punctuation(boolean on) {
            this.punctuation = on;
            return this;
        }

        /** Adds the glossary check ({@link CompletenessGuard#glossary}), strict when {@link #guard} is. */
        public Pipeline glossaryCheck(boolean on) {
            this.glossaryCheck = on;
            return this;
        }

        /**
         * The glossary of every request that carries none ({@code options().glossary()} null): configured
         * once for a run, it reaches every backend and every cache key. Null or empty = none.
         */
        public Pipeline glossary(Glossary g) {
            this.glossary = g == null || g.isEmpty() ? null : g;
            return this;
        }

        public TranslationBackend build() {
            BackendProfile profile = backend.profile();
            CallStack<TranslationRequest, TranslationResult> stack =
                    CallStack.over(profile.id(), callType(profile), backend::translate);
            String description = backend.toString();
            stack.retry(retrier).rateLimit(limiter).meter(meter);
            description = meter == null ? description : "Metered(" + description + ")";
            description = limiter == null ? description : "RateLimited(" + description + ")";
            if (punctuation) {
                stack.guard(c -> new TargetPunctuation(backend(profile, c))::translate);
                description = "TargetPunctuation(" + description + ")";
            }
            if (strict != null) {
                boolean s = strict;
                stack.guard(c -> new CompletenessGuard(backend(profile, c), s)::translate);
                description = "CompletenessGuard[" + (s ? "strict" : "flag") + "](" + description + ")";
            }
            if (glossaryCheck) {
                boolean s = strict != null && strict;
                stack.guard(c -> CompletenessGuard.glossary(backend(profile, c), s)::translate);
                description = "GlossaryCheck[" + (s ? "strict" : "flag") + "](" + description + ")";
            }
            if (cache != null) {
                CachedCall store = cache;
                stack.cache(c -> new CachingTranslator(backend(profile, c), store, meter, clock)::translate);
                description = "Caching(" + description + ")";
            }
            description = retrier == null ? description : "Retrying(" + description + ")";
            Call<TranslationRequest, TranslationResult> call = stack.build();
            if (glossary != null) {
                Glossary g = glossary;
                Call<TranslationRequest, TranslationResult> inner = call;
                call = request -> inner.call(
                        request.options().glossary() != null
                                ? request
                                : request.withOptions(request.options().withGlossary(g)));
                description = "Glossary[" + g.version() + "](" + description + ")";
            }
            return TranslationBackend.of(profile, call::call, description);
        }

        private static TranslationBackend backend(
                BackendProfile profile, Call<TranslationRequest, TranslationResult> c) {
            return TranslationBackend.of(profile, c::call);
        }
    }
}

package dev.dragoman.translate;

import dev.dragoman.core.ratelimit.RateLimiter;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.usage.UsageMeter;
import java.util.Objects;

/**
 * Explicit composition of the cross-cutting decorators around a backend. The order, from the outside in:
 *
 * <pre>
 * ArticleTranslator / CachingTranslator   cache lookup per segment; only misses go further, packed into batches
 *   GlossaryCheck                         flags translations that miss a glossary term
 *     CompletenessGuard                   re-asks once for untranslated-looking segments, then flags (or fails)
 *       TargetPunctuation                 "؟?" → "?" (Arabic punctuation left in a Latin-script translation)
 *         RetryingTranslator              backoff on 429/5xx/timeouts/resets/malformed answers
 *           RateLimitedTranslator         client-side requests/min and characters-or-tokens/min, every attempt
 *             MeteredTranslator           usage of every successful call
 *               backend                   DeepL, Google, LibreTranslate, Azure, Apertium, LLM
 * </pre>
 *
 * Retry sits outside the rate limiter so each attempt waits its turn, and inside the guard so the guard's second
 * ask is retried too. Cache lookup sits outside everything: a hit never waits for a rate limit; results are stored
 * only after the guard and glossary check passed them. Stateless.
 */
public final class Translators {

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
     * The recommended stack: {@link #decorate} plus the punctuation fix, the completeness guard (flagging, or
     * failing when {@code strict}) and the glossary check.
     */
    public static TranslationBackend standard(
            TranslationBackend backend, Retrier retrier, RateLimiter limiter, UsageMeter meter, boolean strict) {
        return pipeline(backend)
                .retry(retrier)
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

    /** Chooses decorators; {@link #build()} applies them in the documented order. Not thread-safe. */
    public static final class Pipeline {
        private final TranslationBackend backend;
        private Retrier retrier;
        private RateLimiter limiter;
        private UsageMeter meter;
        private Boolean strict;
        private boolean glossaryCheck;
        private boolean punctuation;

        private Pipeline(TranslationBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
        }

        public Pipeline retry(Retrier r) {
            this.retrier = r;
            return this;
        }

        public Pipeline rateLimit(RateLimiter l) {
            this.limiter = l;
            return this;
        }

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

        public Pipeline glossaryCheck(boolean on) {
            this.glossaryCheck = on;
            return this;
        }

        public TranslationBackend build() {
            TranslationBackend t = backend;
            if (meter != null) {
                t = new MeteredTranslator(t, meter);
            }
            if (limiter != null) {
                t = new RateLimitedTranslator(t, limiter);
            }
            if (retrier != null) {
                t = new RetryingTranslator(t, retrier);
            }
            if (punctuation) {
                t = new TargetPunctuation(t);
            }
            if (strict != null) {
                t = new CompletenessGuard(t, strict);
            }
            if (glossaryCheck) {
                t = new GlossaryCheck(t);
            }
            return t;
        }
    }
}

package dev.dragoman.core.call;

import dev.dragoman.core.error.UnusableAnswerException;
import dev.dragoman.core.ratelimit.RateLimiter;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.usage.UsageMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * THE decorator stack, built once for every kind of backend call (translations and summaries). From the outside in:
 *
 * <pre>
 * retry        backoff on retriable failures (429 with its wait, 5xx, timeouts, resets, cut-off bodies)
 *   cache      load-through: hits return at once; only misses go further, each loaded once across threads
 *     guards   check results (completeness, fact-lock, glossary …); re-ask once, then flag (not cached) or fail
 *       re-ask   an answer that cannot be used at all ({@link UnusableAnswerException}: malformed, empty, the
 *                wrong shape) is asked for again once, at once, with the problem ({@link CallType#reasked});
 *                a second one ends the call — never a backoff: it is not a transport fault; an answer that
 *                comes carries the unusable one's cost too ({@link CallType#withSpent})
 *         rate limit   client-side requests/min and characters-or-tokens/min, booked by every attempt
 *           metering   what every call that reached the backend cost, under the backend id (answers that could
 *                      not be used too: {@link UnusableAnswerException#spent()})
 *             backend
 * </pre>
 *
 * Retry sits outside the cache, so a retried call finds what the failed attempt already stored and sends only the
 * rest, and no backoff ever waits while holding a key other callers wait for; the cache sits outside the guards,
 * so only results that passed them are stored, and outside the rate limit, so a hit never waits for one.
 *
 * <p>The builder is not thread-safe; the built call is thread-safe if the backend and the layers are.
 *
 * @param <Q> the request
 * @param <R> the result
 */
public final class CallStack<Q, R> {

    private static final Logger LOG = LoggerFactory.getLogger(CallStack.class);

    private final String backendId;
    private final CallType<Q, R> type;
    private final Call<Q, R> backend;
    private Retrier retrier;
    private UnaryOperator<Call<Q, R>> cache;
    private final List<UnaryOperator<Call<Q, R>>> guards = new ArrayList<>();
    private RateLimiter limiter;
    private UsageMeter meter;

    private CallStack(String backendId, CallType<Q, R> type, Call<Q, R> backend) {
        this.backendId = Objects.requireNonNull(backendId, "backendId");
        this.type = Objects.requireNonNull(type, "type");
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** A stack around {@code backend}, whose results are recorded under {@code backendId}. */
    public static <Q, R> CallStack<Q, R> over(String backendId, CallType<Q, R> type, Call<Q, R> backend) {
        return new CallStack<>(backendId, type, backend);
    }

    /** Retries the whole call (cache included); null = no retry. */
    public CallStack<Q, R> retry(Retrier r) {
        this.retrier = r;
        return this;
    }

    /** The load-through cache layer of this kind of call (segments, summaries); null = none. */
    public CallStack<Q, R> cache(UnaryOperator<Call<Q, R>> layer) {
        this.cache = layer;
        return this;
    }

    /** Adds a guard; guards added later sit further out (and see the results of the earlier ones). */
    public CallStack<Q, R> guard(UnaryOperator<Call<Q, R>> layer) {
        guards.add(Objects.requireNonNull(layer, "layer"));
        return this;
    }

    /** The backend's client-side limiter, shared by every thread; null = no limit. */
    public CallStack<Q, R> rateLimit(RateLimiter l) {
        this.limiter = l;
        return this;
    }

    /** Where every backend call's cost is added; null = no accounting. */
    public CallStack<Q, R> meter(UsageMeter m) {
        this.meter = m;
        return this;
    }

    /** The decorated call, layered in the documented order. */
    public Call<Q, R> build() {
        Call<Q, R> c = backend;
        if (meter != null) {
            c = metered(c, meter);
        }
        if (limiter != null) {
            c = limited(c, limiter);
        }
        c = reasked(c);
        for (UnaryOperator<Call<Q, R>> g : guards) {
            c = Objects.requireNonNull(g.apply(c), "a guard layer returned null");
        }
        if (cache != null) {
            c = Objects.requireNonNull(cache.apply(c), "the cache layer returned null");
        }
        if (retrier != null) {
            c = retried(c, retrier);
        }
        return c;
    }

    private Call<Q, R> metered(Call<Q, R> inner, UsageMeter m) {
        return request -> {
            R result;
            try {
                result = inner.call(request);
            } catch (UnusableAnswerException e) {
                m.record(backendId, e.spent()); // paid for, though it could not be used
                throw e;
            }
            m.record(backendId, type.usage(result));
            return result;
        };
    }

    /** The one place an unusable answer is handled, for every kind of call: asked again once, then the end. */
    private Call<Q, R> reasked(Call<Q, R> inner) {
        return request -> {
            try {
                return inner.call(request);
            } catch (UnusableAnswerException first) {
                LOG.warn(
                        "{} {}: the answer could not be used ({}); asking once more",
                        backendId,
                        type.operation(),
                        first.problem());
                try {
                    return type.withSpent(inner.call(type.reasked(request, first.problem())), first.spent());
                } catch (UnusableAnswerException second) {
                    throw second.askedTwice();
                }
            }
        };
    }

    private Call<Q, R> limited(Call<Q, R> inner, RateLimiter l) {
        return request -> {
            OptionalLong units = type.units(request);
            if (units.isEmpty()) {
                return inner.call(request);
            }
            // through call(), so the limiter learns the server's rate from its 429s
            return l.call(units.getAsLong(), () -> inner.call(request));
        };
    }

    private Call<Q, R> retried(Call<Q, R> inner, Retrier r) {
        String what = backendId + " " + type.operation();
        return request -> r.call(what, () -> inner.call(request));
    }
}

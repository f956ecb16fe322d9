package dev.dragoman.core.call;

/**
 * One backend call of some kind — a translation request, a summary request — and every decorator around one. The
 * shared decorators of {@link CallStack} (retry, rate limit, usage metering) and the kind-specific ones (guards, the
 * cache) all have this shape, so one stack serves translations and summaries alike.
 *
 * @param <Q> the request
 * @param <R> the result
 */
@FunctionalInterface
public interface Call<Q, R> {

    /**
     * Makes the call.
     *
     * @throws dev.dragoman.core.error.DragomanException split by what the caller can do (retriable or not)
     */
    R call(Q request);
}

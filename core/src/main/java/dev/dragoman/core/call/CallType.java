package dev.dragoman.core.call;

import dev.dragoman.core.usage.Usage;
import java.util.OptionalLong;

/**
 * What the shared decorators need to know about one kind of call: its name in messages, what a request books with
 * the rate limiter, and what a result cost.
 *
 * @param <Q> the request
 * @param <R> the result
 */
public interface CallType<Q, R> {

    /** The operation's name in logs and messages ("translate", "summarize"). */
    String operation();

    /**
     * The units (characters or estimated tokens) a request books with the client-side rate limiter, besides one
     * request; empty when the request sends nothing (then it does not wait at all).
     */
    OptionalLong units(Q request);

    /** What a result cost (requests, characters, tokens). */
    Usage usage(R result);

    /**
     * {@code result} with {@code spent} added to its usage: the answers that could not be used before it came were
     * paid for too, so the result that a run reports (a batch's usage line sums its results) shows every paid answer,
     * as a guard's re-ask does for a rejected one.
     */
    R withSpent(R result, Usage spent);

    /**
     * The request to send when the answer to {@code request} could not be used: one that tells the backend
     * {@code problem}, where its prompt can carry it. The default sends the same request again.
     */
    default Q reasked(Q request, String problem) {
        return request;
    }
}

package dev.dragoman.pipeline.cost;

/**
 * A sum of money in US dollars, live and through the provider's batch API (deferred). Immutable.
 *
 * @param live what sending it now costs; null when the backend has no price
 * @param deferred what a deferred run pays: the provider's batch price, or the live one for a backend without a
 *     batch API; null when the backend has no price
 */
public record Cost(Double live, Double deferred) {

    public static final Cost ZERO = new Cost(0.0, 0.0);
    public static final Cost UNKNOWN = new Cost(null, null);

    /** The sum; a part unknown on either side stays unknown. */
    public Cost plus(Cost other) {
        return new Cost(add(live, other.live), add(deferred, other.deferred));
    }

    private static Double add(Double a, Double b) {
        return a == null || b == null ? null : a + b;
    }
}

package dev.dragoman.core.ratelimit;

/**
 * Where shared rate budgets live (a Redis server): one {@link SharedRate} per backend key. Closing it releases the
 * connections; the budgets stay with the store for the other processes.
 *
 * <p>Implementations are thread-safe.
 */
public interface SharedRateLimits extends AutoCloseable {

    /**
     * The shared budget of the backend identified by {@code backendKey} (its type, server and key variable: never a
     * secret) at {@code requestsPerMinute} and {@code unitsPerMinute}, 0 meaning no limit of that kind; null when both
     * are 0 (nothing to share: the per-process limiter still learns the server's rate from its 429s).
     */
    SharedRate rate(String backendKey, long requestsPerMinute, long unitsPerMinute);

    /** Where the budgets are, for messages: an address without its password. */
    String describe();

    @Override
    void close();
}

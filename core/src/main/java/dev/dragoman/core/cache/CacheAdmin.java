package dev.dragoman.core.cache;

import java.util.List;
import java.util.Optional;

/**
 * The administrative side of a cache store, for {@code dragoman cache stats|clear|path}: counts, clearing, pruning and
 * where the store lives. Every store implements it ({@code SqliteResultCache}, {@code RedisResultCache},
 * {@link MemoryResultCache}, {@link NoResultCache}); {@link #of(ResultCache)} finds it behind a decorator.
 *
 * <p>Counters ({@link CacheStats#hits()}, misses, saved usage) are kept <em>in the store</em>, so several processes
 * sharing a file or a Redis server share them and {@code cache stats} in a later process sees them. Errors are counted
 * where the store could still record them (a corrupt row, a recovered file); a failure that keeps the store from
 * writing at all (server down, disk full) is counted by {@link MeteredResultCache} in the process that saw it.
 *
 * <p>Thread-safe. Methods throw {@link CacheException} when the store cannot be reached; unlike look-ups, an
 * administrative command has no operation to protect, so the failure is the user's answer.
 */
public interface CacheAdmin {

    /** Entries, size and counters, in total and per backend. May scan the store (seconds on a very large one). */
    CacheStats stats();

    /**
     * Removes the entries that match {@code filter} and returns how many were removed. A filter with no backend and
     * no age ({@link CacheFilter#all()}) also resets the counters; a backend filter resets that backend's counters;
     * an age filter leaves the counters alone (they are history, not entries).
     */
    long clear(CacheFilter filter);

    /**
     * Removes expired entries and, where the store has a size cap, least-recently-used entries until it fits. Returns
     * how many entries were removed. Stores also prune as they go; this is for an explicit {@code cache prune}.
     */
    long prune();

    /**
     * Where the store lives, for {@code dragoman cache path}: a file path ({@code /home/u/.cache/dragoman/cache.db}),
     * a Redis address with its key prefix ({@code redis://127.0.0.1:6379 prefix dragoman:}) or a phrase
     * ({@code memory}, {@code none (caching disabled)}). Never contains a password.
     */
    String location();

    /**
     * Things the user should be told about the store, e.g. "cache file was corrupt; moved aside to X and a fresh
     * one was created". Empty when all is well. The CLI prints them on stderr.
     */
    List<String> warnings();

    /** The admin side of {@code cache}, looking through {@link MeteredResultCache}; empty for a foreign store. */
    static Optional<CacheAdmin> of(ResultCache cache) {
        ResultCache c = cache instanceof MeteredResultCache m ? m.delegate() : cache;
        return c instanceof CacheAdmin admin ? Optional.of(admin) : Optional.empty();
    }
}

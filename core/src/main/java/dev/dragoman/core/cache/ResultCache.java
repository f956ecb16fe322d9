package dev.dragoman.core.cache;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A store of backend results keyed by {@link CacheKey}. Implementations: SQLite (the embedded default), Redis
 * (shared by workers), in-memory, none.
 *
 * <p>Contract: thread-safe; {@code get} returns only a value stored under exactly the same key digest (never a
 * wrong value); a store failure (down, disk full, corrupt row) throws {@link CacheException}, which callers such as
 * {@link CachedCall} count, log once and step around — a cache failure never fails the user's operation.
 */
public interface ResultCache extends AutoCloseable {

    /** The entry stored under {@code key}, or empty on a miss or an expired entry. */
    Optional<CacheEntry> get(CacheKey key);

    /** Stores {@code entry} under {@code key}, replacing any previous one. */
    void put(CacheKey key, CacheEntry entry);

    /**
     * The entries stored under {@code keys}: only those found (a miss or an expired entry is absent), each as
     * {@link #get} would return it and counted as {@link #get} counts it. A store that can answers in one round trip
     * or under one lock, so a caller asking for an article's segments waits once, not once per segment; the default
     * asks {@link #get} key by key.
     *
     * @throws CacheException when the store failed; when only some entries failed their check (and were deleted),
     *     the exception's {@link CacheException#found()} holds the entries that were read, counted as hits
     */
    default Map<CacheKey, CacheEntry> getAll(Collection<CacheKey> keys) {
        Map<CacheKey, CacheEntry> found = new LinkedHashMap<>();
        CacheException failed = null;
        for (CacheKey key : keys) {
            try {
                get(key).ifPresent(entry -> found.put(key, entry));
            } catch (CacheException e) {
                failed = failed == null ? e : failed; // the others are still asked: one bad row spoils no other
            }
        }
        if (failed != null) {
            throw CacheException.partly(failed.getMessage(), failed, found);
        }
        return found;
    }

    /**
     * Stores every entry as {@link #put} would, in one transaction or round trip where the store has them (an
     * article's segments: one commit, not one per segment); the default calls {@link #put} entry by entry.
     *
     * @throws CacheException when the store failed (a store with transactions then stored none of them)
     */
    default void putAll(Map<CacheKey, CacheEntry> entries) {
        entries.forEach(this::put);
    }

    /** Releases connections and files; the default does nothing. */
    @Override
    default void close() {}
}

package dev.dragoman.core.cache;

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

    /** Releases connections and files; the default does nothing. */
    @Override
    default void close() {}
}

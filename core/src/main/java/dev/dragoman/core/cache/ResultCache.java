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
     * The entries stored under {@code keys}: only the ones found (a miss or an expired entry is absent), each as
     * {@link #get} would return it. A store that can answers in one round trip or under one lock, so a caller looking
     * up an article's segments asks once; the default asks {@link #get} key by key.
     */
    default Map<CacheKey, CacheEntry> getAll(Collection<CacheKey> keys) {
        Map<CacheKey, CacheEntry> found = new LinkedHashMap<>();
        for (CacheKey key : keys) {
            get(key).ifPresent(entry -> found.put(key, entry));
        }
        return found;
    }

    /**
     * Stores every entry, as {@link #put} would, in one transaction where the store has them; the default calls
     * {@link #put} entry by entry.
     */
    default void putAll(Map<CacheKey, CacheEntry> entries) {
        entries.forEach(this::put);
    }

    /** Releases connections and files; the default does nothing. */
    @Override
    default void close() {}
}

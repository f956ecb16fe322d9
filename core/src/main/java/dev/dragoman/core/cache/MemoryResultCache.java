package dev.dragoman.core.cache;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An unbounded in-process cache for tests and small library uses. Thread-safe. */
public final class MemoryResultCache implements ResultCache {

    private final ConcurrentMap<String, CacheEntry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<CacheEntry> get(CacheKey key) {
        return Optional.ofNullable(entries.get(key.digest()));
    }

    @Override
    public void put(CacheKey key, CacheEntry entry) {
        entries.put(key.digest(), entry);
    }

    public int size() {
        return entries.size();
    }
}

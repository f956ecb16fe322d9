package dev.dragoman.core.cache;

import java.util.List;
import java.util.Optional;

/**
 * The "none" store: caching switched off on purpose ({@code --cache none}). Every look-up misses, every write is
 * dropped, and {@link #location()} says so. It is an explicit choice, never what Dragoman falls back to when a real
 * store fails: a failing store is stepped around per call by {@link MeteredResultCache} and reported. Thread-safe.
 */
public final class NoResultCache implements ResultCache, CacheAdmin {

    /** Always empty. */
    @Override
    public Optional<CacheEntry> get(CacheKey key) {
        return Optional.empty();
    }

    /** Drops the entry. */
    @Override
    public void put(CacheKey key, CacheEntry entry) {}

    @Override
    public CacheStats stats() {
        return CacheStats.empty();
    }

    @Override
    public long clear(CacheFilter filter) {
        return 0;
    }

    @Override
    public long prune() {
        return 0;
    }

    @Override
    public String location() {
        return "none (caching disabled)";
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }
}

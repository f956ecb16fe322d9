package dev.dragoman.pipeline.cost;

import dev.dragoman.core.cache.CacheEntry;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.cache.ResultCache;
import java.util.Optional;

/**
 * The cache as an estimate sees it: the run's store, read and never written, under an overlay of what this estimate
 * has already counted as sent — in the live run a segment the first article sent (a shared dateline, a repeated
 * source line) is a cache hit for every later one, so the estimate counts it once too. The stand-ins the estimate
 * makes never reach the store. Thread-safe.
 */
final class EstimateCache implements ResultCache {

    private final ResultCache store;
    private final MemoryResultCache counted = new MemoryResultCache();

    EstimateCache(ResultCache store) {
        this.store = store;
    }

    @Override
    public Optional<CacheEntry> get(CacheKey key) {
        Optional<CacheEntry> sent = counted.get(key);
        return sent.isPresent() ? sent : store.get(key);
    }

    @Override
    public void put(CacheKey key, CacheEntry entry) {
        counted.put(key, entry); // into the overlay only: an estimate stores nothing
    }
}

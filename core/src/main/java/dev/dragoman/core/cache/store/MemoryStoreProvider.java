package dev.dragoman.core.cache.store;

import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.cache.ResultCache;

/** Type {@code memory}: entries kept in this process only, for one run, a test or a library user. */
public final class MemoryStoreProvider implements CacheStoreProvider {

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public ResultCache open(CacheStoreSpec spec) {
        return new MemoryResultCache();
    }

    @Override
    public String location(CacheStoreSpec spec) {
        return "memory (kept only while one command runs)";
    }
}

package dev.dragoman.core.cache.store;

import dev.dragoman.core.cache.NoResultCache;
import dev.dragoman.core.cache.ResultCache;

/** Type {@code none}: caching off; every look-up misses and nothing is stored. */
public final class NoStoreProvider implements CacheStoreProvider {

    @Override
    public String type() {
        return "none";
    }

    @Override
    public ResultCache open(CacheStoreSpec spec) {
        return new NoResultCache();
    }

    @Override
    public String location(CacheStoreSpec spec) {
        return "none (caching disabled)";
    }
}

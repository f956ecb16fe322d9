package dev.dragoman.core.cache.store;

import dev.dragoman.core.backend.Providers;
import dev.dragoman.core.cache.ResultCache;
import java.util.List;

/**
 * The cache stores on a class path, by type: {@link #open} opens the one a spec names; an unknown type is an
 * {@link dev.dragoman.core.backend.UnknownTypeException} naming the known ones. Immutable and thread-safe.
 */
public final class CacheStores {

    private final Providers<CacheStoreProvider> providers;

    private CacheStores(Providers<CacheStoreProvider> providers) {
        this.providers = providers;
    }

    /** The stores {@code loader} can see (null: the thread's context class loader, else core's). */
    public static CacheStores load(ClassLoader loader) {
        return new CacheStores(
                Providers.load("cache store", CacheStoreProvider.class, CacheStoreProvider::type, loader));
    }

    /** The known store types, sorted. */
    public List<String> types() {
        return providers.types();
    }

    /**
     * Opens the store {@code spec} names; the caller closes it.
     *
     * @throws dev.dragoman.core.backend.UnknownTypeException for an unknown type
     */
    public ResultCache open(CacheStoreSpec spec) {
        return providers.require(spec.type()).open(spec);
    }

    /** Where the store {@code spec} names is, without opening it. */
    public String location(CacheStoreSpec spec) {
        return providers.require(spec.type()).location(spec);
    }
}

package dev.dragoman.core.cache.store;

import dev.dragoman.core.cache.ResultCache;

/**
 * Opens one kind of result-cache store from a {@link CacheStoreSpec}. Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.dragoman.core.cache.store.CacheStoreProvider}): a new store is a package with the
 * store, this provider, its test (the shared {@code ResultCacheContract} suite) and one service line. Implementations
 * are stateless and thread-safe, with a public no-argument constructor.
 */
public interface CacheStoreProvider {

    /** The type name in specs and settings ({@code sqlite}). */
    String type();

    /**
     * Opens the store; the caller closes it.
     *
     * @throws dev.dragoman.core.error.DragomanException (configuration) when the spec cannot work (no path, a
     *     malformed URL), or a {@link dev.dragoman.core.cache.CacheException} when the store cannot be opened
     */
    ResultCache open(CacheStoreSpec spec);

    /** Where the store is, without opening it: a file path, an address (never its password), or a phrase. */
    String location(CacheStoreSpec spec);
}

package dev.dragoman.core.cache.sqlite;

import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.store.CacheStoreProvider;
import dev.dragoman.core.cache.store.CacheStoreSpec;
import dev.dragoman.core.error.DragomanException;

/** Type {@code sqlite}: one file (the front end resolves the default XDG path), with the spec's TTL and size cap. */
public final class SqliteStoreProvider implements CacheStoreProvider {

    @Override
    public String type() {
        return "sqlite";
    }

    @Override
    public ResultCache open(CacheStoreSpec spec) {
        SqliteOptions o = SqliteOptions.at(path(spec));
        if (spec.ttl() != null) {
            o = o.withTtl(spec.ttl());
        }
        if (spec.maxBytes() != null) {
            o = o.withMaxBytes(spec.maxBytes());
        }
        return new SqliteResultCache(o);
    }

    @Override
    public String location(CacheStoreSpec spec) {
        return path(spec).toString();
    }

    private static java.nio.file.Path path(CacheStoreSpec spec) {
        if (spec.path() == null) {
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "The sqlite cache store needs a file: give the spec a path (the CLI uses "
                            + "$XDG_CACHE_HOME/dragoman/cache.db).");
        }
        return spec.path();
    }
}

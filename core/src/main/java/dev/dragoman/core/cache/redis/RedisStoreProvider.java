package dev.dragoman.core.cache.redis;

import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.store.CacheStoreProvider;
import dev.dragoman.core.cache.store.CacheStoreSpec;

/**
 * Type {@code redis}: a shared Redis server at {@code redis://[:password@]host[:port][/db]}, with the spec's TTL.
 * The password never appears in a message or in {@link #location}.
 */
public final class RedisStoreProvider implements CacheStoreProvider {

    @Override
    public String type() {
        return "redis";
    }

    @Override
    public ResultCache open(CacheStoreSpec spec) {
        RedisOptions o = options(spec.url());
        if (spec.ttl() != null) {
            o = o.withTtl(spec.ttl());
        }
        return new RedisResultCache(o);
    }

    @Override
    public String location(CacheStoreSpec spec) {
        return options(spec.url()).describe();
    }

    /** {@code redis://[:password@]host[:port][/db]} → options; the password never appears in a message. */
    static RedisOptions options(String url) {
        return RedisOptions.fromUrl(url, "cache");
    }
}

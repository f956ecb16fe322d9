package dev.dragoman.core.cache.redis;

import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.store.CacheStoreProvider;
import dev.dragoman.core.cache.store.CacheStoreSpec;
import dev.dragoman.core.error.DragomanException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

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
        if (url == null || url.isBlank()) {
            throw config("The redis cache store needs a URL such as redis://HOST:6379/0.");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw config("The cache URL is not a URL: write it as redis://HOST:PORT/DB.");
        }
        if (!"redis".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw config("The cache URL must look like redis://HOST:PORT/DB (scheme redis, with a host).");
        }
        RedisOptions o = RedisOptions.at(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379);
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            String password = info.contains(":") ? info.substring(info.indexOf(':') + 1) : info;
            o = o.withPassword(URLDecoder.decode(password, StandardCharsets.UTF_8));
        }
        String db = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
        if (!db.isEmpty()) {
            try {
                o = o.withDatabase(Integer.parseInt(db));
            } catch (NumberFormatException e) {
                throw config("The cache URL's path must be a database number (redis://HOST:PORT/0).");
            }
        }
        return o;
    }

    private static DragomanException config(String message) {
        return new DragomanException(DragomanException.Kind.CONFIGURATION, message);
    }
}

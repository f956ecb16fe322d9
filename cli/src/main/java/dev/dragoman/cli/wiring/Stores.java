package dev.dragoman.cli.wiring;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.config.ConfigException;
import dev.dragoman.cli.config.Durations;
import dev.dragoman.cli.config.Setting;
import dev.dragoman.cli.config.Settings;
import dev.dragoman.core.cache.CachePaths;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.cache.NoResultCache;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.redis.RedisOptions;
import dev.dragoman.core.cache.redis.RedisResultCache;
import dev.dragoman.core.cache.sqlite.SqliteOptions;
import dev.dragoman.core.cache.sqlite.SqliteResultCache;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Opens the cache store the settings name — SQLite (default, at the XDG cache path), Redis by URL, memory, or none —
 * with the configured time to live and size cap, wrapped in {@link MeteredResultCache} so runs can report hits.
 */
public final class Stores {

    private Stores() {}

    /**
     * @param store, path, url the flag values (already defaulted from environment, file, built-in)
     * @throws ConfigException when the store is unknown, Redis has no URL, or a URL is malformed
     */
    public static MeteredResultCache open(Settings settings, String store, String path, String url) {
        String kind = store == null ? "sqlite" : store.strip().toLowerCase(Locale.ROOT);
        Duration ttl = settings.resolve(Setting.CACHE_TTL)
                .optional()
                .map(Durations::parseDuration)
                .orElse(null);
        Long maxBytes = settings.resolve(Setting.CACHE_MAX_SIZE)
                .optional()
                .map(Durations::parseSize)
                .orElse(null);
        ResultCache cache = switch (kind) {
            case "none" -> new NoResultCache();
            case "memory" -> new MemoryResultCache();
            case "sqlite" -> {
                SqliteOptions o = SqliteOptions.at(sqlitePath(settings.env(), path));
                if (ttl != null) {
                    o = o.withTtl(ttl);
                }
                if (maxBytes != null) {
                    o = o.withMaxBytes(maxBytes);
                }
                yield new SqliteResultCache(o);
            }
            case "redis" -> {
                RedisOptions o = redis(url);
                if (ttl != null) {
                    o = o.withTtl(ttl);
                }
                yield new RedisResultCache(o);
            }
            default ->
                throw new ConfigException("Unknown cache store '" + store
                        + "': use sqlite, redis, memory or none (--cache, DRAGOMAN_CACHE_STORE or 'cache: store:').");
        };
        return MeteredResultCache.of(cache);
    }

    /** Where the store is, without opening it: a file path, a Redis address (never its password), or a phrase. */
    public static String location(Map<String, String> env, String store, String path, String url) {
        String kind = store == null ? "sqlite" : store.strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "none" -> "none (caching disabled)";
            case "memory" -> "memory (kept only while one command runs)";
            case "redis" -> redis(url).describe();
            case "sqlite" -> sqlitePath(env, path).toString();
            default ->
                throw new ConfigException("Unknown cache store '" + store
                        + "': use sqlite, redis, memory or none (--cache, DRAGOMAN_CACHE_STORE or 'cache: store:').");
        };
    }

    /** The SQLite file: the given path ({@code ~} expanded), else the XDG default. */
    public static Path sqlitePath(Map<String, String> env, String path) {
        if (path == null || path.isBlank()) {
            return CachePaths.defaultPath(env, CliContext.home(env));
        }
        return expandHome(env, path);
    }

    /** {@code ~/x} → {@code $HOME/x}. */
    public static Path expandHome(Map<String, String> env, String path) {
        String p = path.strip();
        if (p.equals("~") || p.startsWith("~/")) {
            return CliContext.home(env).resolve(p.length() <= 2 ? "" : p.substring(2));
        }
        return Path.of(p);
    }

    /** {@code redis://[:password@]host[:port][/db]}; the password never appears in a message. */
    static RedisOptions redis(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigException("The redis cache store needs a URL: pass --cache-url redis://HOST:6379, set "
                    + "DRAGOMAN_CACHE_URL, or write 'cache: url:' in the configuration file.");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("The cache URL is not a URL: write it as redis://HOST:PORT/DB.");
        }
        if (!"redis".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigException("The cache URL must look like redis://HOST:PORT/DB (scheme redis, with a host).");
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
                throw new ConfigException("The cache URL's path must be a database number (redis://HOST:PORT/0).");
            }
        }
        return o;
    }
}

package dev.dragoman.pipeline.config;

import dev.dragoman.core.backend.UnknownTypeException;
import dev.dragoman.core.cache.CachePaths;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.cache.store.CacheStoreSpec;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.ratelimit.SharedRateLimits;
import dev.dragoman.core.ratelimit.redis.RedisRateLimits;
import dev.dragoman.core.text.Durations;
import dev.dragoman.core.write.DataTable;
import dev.dragoman.core.write.OutputFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Maps the cache settings onto a {@link CacheStoreSpec} — the store type (default sqlite), the file (default: the
 * XDG cache path), the URL, the configured time to live and size cap — and opens it through the store providers
 * ({@link BackendTypes#cacheStores()}), wrapped in {@link MeteredResultCache} so runs can report hits; and opens the
 * Redis of the rate limits shared across processes ({@link #rateLimits}).
 */
public final class Stores {

    private static final String WHERE =
            " (--cache, --cache-path, --cache-url, DRAGOMAN_CACHE_* or 'cache:' in the " + "configuration file)";

    private Stores() {}

    /**
     * @param store, path, url the flag values (already defaulted from environment, file, built-in)
     * @throws ConfigException when the store is unknown or its settings cannot work (Redis without a URL)
     */
    public static MeteredResultCache open(Settings settings, String store, String path, String url) {
        CacheStoreSpec spec = spec(settings, store, path, url);
        return explained(
                store, () -> MeteredResultCache.of(BackendTypes.cacheStores().open(spec)));
    }

    /** The store the settings name, with the configured time to live and size cap, not opened. */
    public static CacheStoreSpec spec(Settings settings, String store, String path, String url) {
        Duration ttl = settings.resolve(Setting.CACHE_TTL)
                .optional()
                .map(Durations::parseDuration)
                .orElse(null);
        Long maxBytes = settings.resolve(Setting.CACHE_MAX_SIZE)
                .optional()
                .map(Durations::parseSize)
                .orElse(null);
        return spec(settings.env(), store, path, url).withTtl(ttl).withMaxBytes(maxBytes);
    }

    /** The Redis URL of the rate limits shared with other processes ({@link Setting#RATE_LIMIT_URL}), or null. */
    public static String rateLimitUrl(Settings settings) {
        String url = settings.resolve(Setting.RATE_LIMIT_URL).value();
        return url == null || url.isBlank() ? null : url.strip();
    }

    /**
     * The rate limits shared with other processes through the Redis {@link Setting#RATE_LIMIT_URL} names, or null
     * when it is unset. The caller closes them.
     *
     * @throws ConfigException when the URL is not a Redis URL
     */
    public static SharedRateLimits rateLimits(Settings settings) {
        String url = rateLimitUrl(settings);
        if (url == null) {
            return null;
        }
        try {
            return RedisRateLimits.open(url);
        } catch (DragomanException e) {
            throw new ConfigException(e.getMessage().replaceAll("\\.$", "")
                    + " (rate-limit.url in the configuration file or DRAGOMAN_RATE_LIMIT_URL).");
        }
    }

    /** Where the store is, without opening it: a file path, a Redis address (never its password), or a phrase. */
    public static String location(Map<String, String> env, String store, String path, String url) {
        return explained(store, () -> BackendTypes.cacheStores().location(spec(env, store, path, url)));
    }

    /**
     * {@link #location} as {@code format} shows it ({@code dragoman cache path}): the bare location on a line in
     * text, else a one-row table of the store's type and its location.
     */
    public static String locationReport(
            Map<String, String> env, String store, String path, String url, OutputFormat format) {
        String location = location(env, store, path, url);
        if (format == OutputFormat.TEXT) {
            return location + System.lineSeparator();
        }
        List<Object> row = List.of(spec(env, store, path, url).type(), location);
        return new DataTable("Cache", List.of("store", "location"), List.of(row)).render(format);
    }

    /** The store the settings name; a file store gets the given path, else the XDG default. */
    static CacheStoreSpec spec(Map<String, String> env, String store, String path, String url) {
        return CacheStoreSpec.of(store == null || store.isBlank() ? "sqlite" : store)
                .withPath(sqlitePath(env, path))
                .withUrl(url);
    }

    private static <T> T explained(String store, Supplier<T> work) {
        try {
            return work.get();
        } catch (UnknownTypeException e) {
            throw new ConfigException(
                    "Unknown cache store '" + store + "': use " + String.join(", ", e.known()) + WHERE + ".");
        } catch (ConfigException e) {
            throw e;
        } catch (DragomanException e) {
            if (e.kind() != DragomanException.Kind.CONFIGURATION) {
                throw e;
            }
            throw new ConfigException(e.getMessage().replaceAll("\\.$", "") + WHERE + ".");
        }
    }

    /** The SQLite file: the given path ({@code ~} expanded), else the XDG default. */
    public static Path sqlitePath(Map<String, String> env, String path) {
        if (path == null || path.isBlank()) {
            return CachePaths.defaultPath(env, ConfigPaths.home(env));
        }
        return expandHome(env, path);
    }

    /** {@code ~/x} → {@code $HOME/x}. */
    public static Path expandHome(Map<String, String> env, String path) {
        String p = path.strip();
        if (p.equals("~") || p.startsWith("~/")) {
            return ConfigPaths.home(env).resolve(p.length() <= 2 ? "" : p.substring(2));
        }
        return Path.of(p);
    }
}

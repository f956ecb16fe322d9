package dev.dragoman.core.cache.redis;

import dev.dragoman.core.error.DragomanException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * How a {@link RedisResultCache} connects and what it keeps. Immutable; variants come from the {@code with*}
 * methods. {@link #toString()} never shows the password.
 *
 * @param host the server's host name or address
 * @param port the server's port
 * @param password the server's password (AUTH), or null for none; never logged or shown
 * @param database the logical database number (0 by default)
 * @param prefix the namespace every key starts with (default {@code dragoman:}); several teams or environments can
 *     share one server with different prefixes
 * @param ttl how long an entry lives after it is stored (the key's Redis expiry), or null for none (default 30 days)
 * @param maxEntries the cap on entries; past it the least recently used are evicted (default 1,000,000)
 * @param timeout connect and read timeout of one command (default 2 s)
 * @param retryAfter after a connection failure, how long the store answers "unavailable" at once instead of waiting
 *     for the network on every call (default 5 s); then it tries again
 * @param clock the time source for expiry, access order, {@code --older-than} and the retry pause
 */
public record RedisOptions(
        String host,
        int port,
        String password,
        int database,
        String prefix,
        Duration ttl,
        long maxEntries,
        Duration timeout,
        Duration retryAfter,
        Clock clock) {

    public static final String DEFAULT_PREFIX = "dragoman:";
    public static final Duration DEFAULT_TTL = Duration.ofDays(30);
    public static final long DEFAULT_MAX_ENTRIES = 1_000_000;

    public RedisOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(clock, "clock");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a Redis port is 1–65535, not " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("a Redis database number is not negative");
        }
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("the cache time to live must be positive, not " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the cache holds at least 1 entry, not " + maxEntries);
        }
        if (timeout.isNegative() || timeout.isZero() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("Redis timeouts must be positive");
        }
    }

    /** The defaults, for the server at {@code host:port}. */
    public static RedisOptions at(String host, int port) {
        return new RedisOptions(
                host,
                port,
                null,
                0,
                DEFAULT_PREFIX,
                DEFAULT_TTL,
                DEFAULT_MAX_ENTRIES,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Clock.systemUTC());
    }

    /**
     * {@code redis://[:password@]host[:port][/db]} → the defaults for that server, with its password and database.
     *
     * @param what what the URL is for ({@code cache}, {@code rate-limit}), named in the messages
     * @throws DragomanException (configuration) for a missing or malformed URL; the password never appears in it
     */
    public static RedisOptions fromUrl(String url, String what) {
        if (url == null || url.isBlank()) {
            throw config("The " + what + " URL is missing: give one such as redis://HOST:6379/0.");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw config("The " + what + " URL is not a URL: write it as redis://HOST:PORT/DB.");
        }
        if (!"redis".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw config("The " + what + " URL must look like redis://HOST:PORT/DB (scheme redis, with a host).");
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
                throw config("The " + what + " URL's path must be a database number (redis://HOST:PORT/0).");
            }
        }
        return o;
    }

    private static DragomanException config(String message) {
        return new DragomanException(DragomanException.Kind.CONFIGURATION, message);
    }

    /** A pooled client for this server (connects lazily), with these timeouts, database and password. */
    public RedisClient newClient() {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .database(database)
                .clientName("dragoman");
        if (password != null) {
            config.password(password);
        }
        return RedisClient.builder()
                .hostAndPort(host, port)
                .clientConfig(config.build())
                .build();
    }

    public RedisOptions withPassword(String secret) {
        return new RedisOptions(host, port, secret, database, prefix, ttl, maxEntries, timeout, retryAfter, clock);
    }

    public RedisOptions withDatabase(int db) {
        return new RedisOptions(host, port, password, db, prefix, ttl, maxEntries, timeout, retryAfter, clock);
    }

    public RedisOptions withPrefix(String namespace) {
        return new RedisOptions(host, port, password, database, namespace, ttl, maxEntries, timeout, retryAfter, clock);
    }

    public RedisOptions withTtl(Duration newTtl) {
        return new RedisOptions(host, port, password, database, prefix, newTtl, maxEntries, timeout, retryAfter, clock);
    }

    public RedisOptions withMaxEntries(long max) {
        return new RedisOptions(host, port, password, database, prefix, ttl, max, timeout, retryAfter, clock);
    }

    public RedisOptions withTimeout(Duration t) {
        return new RedisOptions(host, port, password, database, prefix, ttl, maxEntries, t, retryAfter, clock);
    }

    public RedisOptions withRetryAfter(Duration pause) {
        return new RedisOptions(host, port, password, database, prefix, ttl, maxEntries, timeout, pause, clock);
    }

    public RedisOptions withClock(Clock newClock) {
        return new RedisOptions(host, port, password, database, prefix, ttl, maxEntries, timeout, retryAfter, newClock);
    }

    /** {@code redis://host:port/db (key prefix "P")}, without the password. */
    public String describe() {
        return "redis://" + host + ":" + port + "/" + database + " (key prefix \"" + prefix + "\")";
    }

    @Override
    public String toString() {
        return "RedisOptions[" + describe() + (password == null ? "" : " password=***") + ", ttl=" + ttl
                + ", maxEntries=" + maxEntries + ", timeout=" + timeout + ", retryAfter=" + retryAfter + "]";
    }
}

package dev.dragoman.core.cache.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SqliteResultCache} is opened. Immutable; variants come from the {@code with*} methods.
 *
 * @param path the cache file (see {@link dev.dragoman.core.cache.CachePaths#defaultPath})
 * @param ttl how long an entry lives after it is stored, or null for no expiry (default 30 days)
 * @param maxBytes the cap on the entries' payload bytes; past it least-recently-used entries are evicted (default
 *     512 MiB)
 * @param busyTimeout how long a write waits for another process holding the write lock (default 10 s)
 * @param checkOnOpen whether to run {@code PRAGMA quick_check} when opening (default true): on files up to 64 MiB,
 *     or on larger ones after a run met corruption (it reads the whole file: ~0.7 s for 430 MB)
 * @param clock the time source for expiry, last access and {@code --older-than}
 */
public record SqliteOptions(
        Path path, Duration ttl, long maxBytes, Duration busyTimeout, boolean checkOnOpen, Clock clock) {

    public static final Duration DEFAULT_TTL = Duration.ofDays(30);
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    public SqliteOptions {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(clock, "clock");
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("the cache time to live must be positive, not " + ttl);
        }
        if (maxBytes < 4096) {
            throw new IllegalArgumentException("the cache size cap must be at least 4096 bytes, not " + maxBytes);
        }
        if (busyTimeout.isNegative()) {
            throw new IllegalArgumentException("the busy timeout must not be negative");
        }
    }

    /** The defaults, at {@code path}. */
    public static SqliteOptions at(Path path) {
        return new SqliteOptions(path, DEFAULT_TTL, DEFAULT_MAX_BYTES, DEFAULT_BUSY_TIMEOUT, true, Clock.systemUTC());
    }

    public SqliteOptions withTtl(Duration newTtl) {
        return new SqliteOptions(path, newTtl, maxBytes, busyTimeout, checkOnOpen, clock);
    }

    public SqliteOptions withMaxBytes(long bytes) {
        return new SqliteOptions(path, ttl, bytes, busyTimeout, checkOnOpen, clock);
    }

    public SqliteOptions withBusyTimeout(Duration timeout) {
        return new SqliteOptions(path, ttl, maxBytes, timeout, checkOnOpen, clock);
    }

    public SqliteOptions withCheckOnOpen(boolean check) {
        return new SqliteOptions(path, ttl, maxBytes, busyTimeout, check, clock);
    }

    public SqliteOptions withClock(Clock newClock) {
        return new SqliteOptions(path, ttl, maxBytes, busyTimeout, checkOnOpen, newClock);
    }
}

package dev.dragoman.core.cache.sqlite;

import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.ResultCacheContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class SqliteResultCacheTest extends ResultCacheContract {

    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected ResultCache newCache(Clock clock, Duration ttl, int capacity) {
        return new SqliteResultCache(SqliteOptions.at(dir.resolve("c" + files.incrementAndGet() + "/cache.db"))
                .withTtl(ttl)
                .withMaxBytes(capacity * 1200L)
                .withClock(clock));
    }

    @Override
    protected boolean corruptEntry(ResultCache cache, CacheKey key) throws Exception {
        Path file = ((SqliteResultCache) cache).path();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement ps = c.prepareStatement("UPDATE entries SET value = 'tampered' WHERE digest = ?")) {
            ps.setString(1, key.digest());
            return ps.executeUpdate() == 1;
        }
    }
}

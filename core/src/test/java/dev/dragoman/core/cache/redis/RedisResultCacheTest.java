package dev.dragoman.core.cache.redis;

import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.ResultCacheContract;
import dev.dragoman.core.testing.RedisServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** The shared contract against a real redis-server; each test gets its own key prefix on the one server. */
class RedisResultCacheTest extends ResultCacheContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final AtomicInteger PREFIXES = new AtomicInteger();

    @Override
    protected ResultCache newCache(Clock clock, Duration ttl, int capacity) {
        return new RedisResultCache(RedisOptions.at(REDIS.host(), REDIS.port())
                .withPrefix("contract" + PREFIXES.incrementAndGet() + ":")
                .withTtl(ttl)
                .withMaxEntries(capacity)
                .withClock(clock));
    }

    @Override
    protected boolean corruptEntry(ResultCache cache, CacheKey key) {
        RedisOptions o = ((RedisResultCache) cache).options();
        try (RedisClient r = RedisClient.create(REDIS.host(), REDIS.port())) {
            return r.hset(o.prefix() + "e:" + key.digest(), "v", "tampered") == 0;
        }
    }
}

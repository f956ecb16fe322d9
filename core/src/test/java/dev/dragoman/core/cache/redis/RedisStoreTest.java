package dev.dragoman.core.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.cache.CacheEntry;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.CachedCall;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.testing.MutableClock;
import dev.dragoman.core.testing.RedisServerExtension;
import dev.dragoman.core.usage.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** What only the Redis store does: outages and restarts, shared counters, Redis expiry, namespaces. */
class RedisStoreTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

    private RedisOptions options() {
        return RedisOptions.at(REDIS.host(), REDIS.port())
                .withPrefix("store" + PREFIXES.incrementAndGet() + ":")
                .withClock(clock);
    }

    private static CacheKey key(String input) {
        return CacheKey.builder("translate")
                .backend("deepl")
                .source(Language.ARABIC)
                .target(Language.ENGLISH)
                .input(input)
                .build();
    }

    private static CacheEntry entry(String value) {
        return new CacheEntry(value, Instant.parse("2026-03-01T07:00:00Z"), "deepl", "", Usage.ofCharacters(1, 9));
    }

    @Test
    void should_go_on_through_a_restart_of_the_server_and_reconnect() throws Exception {
        // given
        RedisOptions o = options().withRetryAfter(Duration.ofSeconds(5));
        try (RedisResultCache store = new RedisResultCache(o)) {
            CachedCall call = new CachedCall(store);
            AtomicInteger backendCalls = new AtomicInteger();
            call.get(key("before"), () -> {
                backendCalls.incrementAndGet();
                return entry("before");
            });
            // when the server goes away mid-run
            REDIS.stop();
            CachedCall.Result during = call.get(key("during"), () -> {
                backendCalls.incrementAndGet();
                return entry("during");
            });
            CachedCall.Result duringAgain = call.get(key("during"), () -> {
                backendCalls.incrementAndGet();
                return entry("during");
            });
            REDIS.start();
            clock.advance(Duration.ofSeconds(6));
            CachedCall.Result after = call.get(key("after"), () -> {
                backendCalls.incrementAndGet();
                return entry("after");
            });
            CachedCall.Result afterAgain = call.get(key("after"), () -> {
                throw new AssertionError("the entry stored after the restart must be found");
            });
            // then
            assertThat(during.entry()).isEqualTo(entry("during"));
            assertThat(duringAgain.source()).isEqualTo(CachedCall.Source.BACKEND);
            assertThat(after.source()).isEqualTo(CachedCall.Source.BACKEND);
            assertThat(afterAgain.source()).isEqualTo(CachedCall.Source.CACHE);
            assertThat(backendCalls).hasValue(4);
            assertThat(call.cache().counters().errors()).isEqualTo(4);
            // the errors seen while it was down reach the shared counter once it answers again
            assertThat(store.stats().errors()).isEqualTo(4);
        } finally {
            REDIS.start();
        }
    }

    @Test
    void should_share_entries_and_counters_between_processes_using_the_same_prefix() {
        // given two stores, as two workers would have
        RedisOptions o = options();
        try (RedisResultCache first = new RedisResultCache(o);
                RedisResultCache second = new RedisResultCache(o)) {
            first.put(key("shared"), entry("shared"));
            // when
            second.get(key("shared"));
            first.get(key("shared"));
            second.get(key("missing"));
            // then
            assertThat(first.stats().hits()).isEqualTo(2);
            assertThat(second.stats().misses()).isEqualTo(1);
            assertThat(second.stats().saved()).isEqualTo(Usage.ofCharacters(2, 18));
        }
    }

    @Test
    void should_keep_namespaces_apart() {
        // given
        try (RedisResultCache team = new RedisResultCache(options());
                RedisResultCache other = new RedisResultCache(options())) {
            team.put(key("x"), entry("x"));
            // when / then
            assertThat(other.get(key("x"))).isEmpty();
            assertThat(other.stats().entries()).isZero();
            assertThat(team.stats().entries()).isEqualTo(1);
        }
    }

    @Test
    void should_give_each_entry_a_redis_expiry_of_its_time_to_live() {
        // given
        RedisOptions o = options().withTtl(Duration.ofHours(2));
        try (RedisResultCache store = new RedisResultCache(o);
                RedisClient r = RedisClient.create(REDIS.host(), REDIS.port())) {
            // when
            store.put(key("ttl"), entry("ttl"));
            long pttl = r.pttl(o.prefix() + "e:" + key("ttl").digest());
            // then
            assertThat(pttl)
                    .isBetween(
                            Duration.ofHours(2).minusMinutes(1).toMillis(),
                            Duration.ofHours(2).toMillis());
        }
    }

    @Test
    void should_delete_and_count_an_entry_of_the_wrong_redis_type() {
        // given
        RedisOptions o = options();
        try (RedisResultCache store = new RedisResultCache(o);
                RedisClient r = RedisClient.create(REDIS.host(), REDIS.port())) {
            r.set(o.prefix() + "e:" + key("odd").digest(), "not a hash");
            MeteredResultCache metered = MeteredResultCache.of(store);
            // when
            boolean found = metered.get(key("odd")).isPresent();
            // then
            assertThat(found).isFalse();
            assertThat(metered.counters().errors()).isEqualTo(1);
            assertThat(r.exists(o.prefix() + "e:" + key("odd").digest())).isFalse();
            metered.put(key("odd"), entry("odd"));
            assertThat(metered.get(key("odd"))).contains(entry("odd"));
        }
    }

    @Test
    void should_never_show_the_password() {
        RedisOptions o = options().withPassword("s3cret-pass");
        assertThat(o.toString()).doesNotContain("s3cret-pass");
        assertThat(o.describe()).doesNotContain("s3cret-pass");
        try (RedisResultCache store = new RedisResultCache(o)) {
            assertThat(store.location()).doesNotContain("s3cret-pass").contains(String.valueOf(REDIS.port()));
        }
    }
}

package dev.dragoman.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.usage.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeteredResultCacheTest {

    private static final CacheKey KEY = CacheKey.builder("translate")
            .backend("deepl")
            .source(Language.ARABIC)
            .target(Language.ENGLISH)
            .input("مرحبا")
            .build();

    /** A store that is down: every call fails the way a client library's would. */
    private static final class DownStore implements ResultCache, CacheAdmin {
        @Override
        public Optional<CacheEntry> get(CacheKey key) {
            throw new IllegalStateException(
                    "redis.clients.jedis.exceptions.JedisConnectionException: Failed connecting to 127.0.0.1:1",
                    new java.net.ConnectException("Connection refused"));
        }

        @Override
        public void put(CacheKey key, CacheEntry entry) {
            throw new IllegalStateException("Broken pipe");
        }

        @Override
        public List<String> warnings() {
            return List.of("the cache file was corrupt; it was moved aside");
        }

        @Override
        public CacheStats stats() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long clear(CacheFilter filter) {
            return 0;
        }

        @Override
        public long prune() {
            return 0;
        }

        @Override
        public String location() {
            return "down";
        }

        @Override
        public void close() {}
    }

    @Test
    void should_tell_people_once_that_the_store_failed_and_replay_what_came_before_the_sink() {
        // given: a store that failed twice before anyone listened
        MeteredResultCache cache = MeteredResultCache.of(new DownStore());
        cache.get(KEY);
        cache.get(KEY);
        List<String> told = new ArrayList<>();

        // when
        cache.onWarning(told::add);
        cache.get(KEY);

        // then: the store's own warning from opening it, then one sentence for all the failures, in plain words
        assertThat(told).hasSize(2);
        assertThat(told.get(0)).isEqualTo("the cache file was corrupt; it was moved aside");
        assertThat(told.get(1))
                .startsWith("the cache failed (get: Connection refused); going on without it")
                .doesNotContain("Exception");
        assertThat(cache.counters().errors()).isEqualTo(3);
    }

    @Test
    void should_tell_a_sink_set_before_the_first_failure_at_once() {
        MeteredResultCache cache = MeteredResultCache.of(new DownStore());
        List<String> told = new ArrayList<>();
        cache.onWarning(told::add);
        assertThat(told).hasSize(1);

        cache.put(KEY, new CacheEntry("Hello", Instant.EPOCH, "deepl", "", Usage.ofCharacters(1, 5)));

        assertThat(told).hasSize(2).last().asString().startsWith("the cache failed (put: Broken pipe)");
    }
}

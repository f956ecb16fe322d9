package dev.dragoman.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemoryResultCacheTest extends ResultCacheContract {

    @Override
    protected ResultCache newCache(Clock clock, Duration ttl, int capacity) {
        return new MemoryResultCache(capacity, ttl, clock);
    }

    @Test
    void should_keep_working_with_the_no_argument_constructor() {
        // given
        MemoryResultCache c = new MemoryResultCache();
        // when
        c.put(key("x"), entry("x"));
        // then
        assertThat(c.get(key("x"))).contains(entry("x"));
        assertThat(c.size()).isEqualTo(1);
    }
}

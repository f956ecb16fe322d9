package dev.dragoman.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void should_let_a_minutes_allowance_through_then_space_requests_evenly() {
        // given 60 requests per minute: a full bucket, then one per second
        RateLimiter limiter = new RateLimiter(60, 0, clock, clock.sleeper());
        // when
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire(0)).isZero();
        }
        Duration wait61 = limiter.acquire(0);
        Duration wait62 = limiter.acquire(0);
        // then
        assertThat(wait61).isEqualTo(Duration.ofSeconds(1));
        assertThat(wait62).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void should_limit_characters_per_minute() {
        // given 6000 characters per minute = 100 per second
        RateLimiter limiter = new RateLimiter(0, 6000, clock, clock.sleeper());
        // when
        Duration first = limiter.acquire(6000);
        Duration second = limiter.acquire(500);
        // then
        assertThat(first).isZero();
        assertThat(second).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void should_wait_for_the_stricter_of_the_two_limits() {
        // given
        RateLimiter limiter = new RateLimiter(600, 600, clock, clock.sleeper());
        limiter.reserve(600);
        // when
        Duration wait = limiter.reserve(60);
        // then (60 units at 10 per second = 6 s; the request bucket still has 598 left)
        assertThat(wait).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void should_refill_while_time_passes() {
        // given
        RateLimiter limiter = new RateLimiter(60, 0, clock, clock.sleeper());
        for (int i = 0; i < 60; i++) {
            limiter.reserve(0);
        }
        // when
        clock.advance(Duration.ofSeconds(10));
        // then
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.reserve(0)).isZero();
        }
        assertThat(limiter.reserve(0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void should_share_one_allowance_between_threads() throws Exception {
        // given 120 requests per minute, reserved by 4 threads without time passing
        RateLimiter limiter = new RateLimiter(120, 0, clock, d -> { });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Duration>> waits = new ArrayList<>();
        // when
        for (int i = 0; i < 240; i++) {
            waits.add(pool.submit(() -> limiter.reserve(0)));
        }
        List<Duration> all = new ArrayList<>();
        for (Future<Duration> f : waits) {
            all.add(f.get());
        }
        pool.shutdown();
        // then: 120 go at once, the other 120 are spread over the next minute, the last one waits a full minute
        assertThat(all.stream().filter(Duration::isZero).count()).isEqualTo(120);
        assertThat(all.stream().max(Duration::compareTo).orElseThrow()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void should_never_wait_when_unlimited() {
        RateLimiter limiter = new RateLimiter(0, 0, clock, clock.sleeper());
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire(1_000_000)).isZero();
        }
    }
}

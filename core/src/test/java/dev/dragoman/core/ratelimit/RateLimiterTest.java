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
    void should_let_only_one_seconds_share_through_at_once_then_space_requests_evenly() {
        // given 60 requests per minute: a burst of one, then one per second
        RateLimiter limiter = new RateLimiter(60, 0, clock, clock.sleeper());
        // when
        Duration first = limiter.acquire(0);
        Duration second = limiter.acquire(0);
        Duration third = limiter.acquire(0);
        // then
        assertThat(first).isZero();
        assertThat(second).isEqualTo(Duration.ofSeconds(1));
        assertThat(third).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void should_let_a_fresh_limiter_burst_one_seconds_share_not_a_minutes() {
        // given 3000 requests per minute (50 per second), reserved all at the same instant
        RateLimiter limiter = new RateLimiter(3000, 0, clock, clock.sleeper());
        List<Duration> waits = new ArrayList<>();
        // when
        for (int i = 0; i < 3000; i++) {
            waits.add(limiter.reserve(0));
        }
        // then 50 go at once, 99 within the first second (the burst plus the second's refill), and the long-run
        // rate holds: the 3000th goes after 59 s
        assertThat(waits.stream().filter(Duration::isZero).count()).isEqualTo(50);
        assertThat(waits.stream()
                        .filter(w -> w.compareTo(Duration.ofSeconds(1)) < 0)
                        .count())
                .isEqualTo(99);
        assertThat(waits.get(2999)).isEqualTo(Duration.ofSeconds(59));
    }

    @Test
    void should_let_a_request_larger_than_the_burst_through_when_full_and_make_later_callers_wait_out_its_excess() {
        // given 6000 characters per minute = 100 per second, a burst of 100
        RateLimiter limiter = new RateLimiter(0, 6000, clock, clock.sleeper());
        // when
        Duration big = limiter.acquire(1000);
        Duration next = limiter.acquire(1);
        // then the big one is not starved; the next waits for the 900 borrowed plus its own 1 at 100/s
        assertThat(big).isZero();
        assertThat(next).isEqualTo(Duration.ofMillis(9010));
    }

    @Test
    void should_charge_a_request_larger_than_a_minutes_allowance_one_minutes_worth() {
        // given 6000 characters per minute
        RateLimiter limiter = new RateLimiter(0, 6000, clock, clock.sleeper());
        // when
        Duration huge = limiter.acquire(1_000_000);
        Duration next = limiter.acquire(100);
        // then (100 - 6000 = -5900 left; the next needs 100 more: 6000 at 100/s)
        assertThat(huge).isZero();
        assertThat(next).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void should_wait_for_the_stricter_of_the_two_limits() {
        // given 1 request per second (burst 1) and 100 characters per second (burst 100)
        RateLimiter limiter = new RateLimiter(60, 6000, clock, clock.sleeper());
        limiter.reserve(50);
        // when
        Duration requestBound = limiter.reserve(1000);
        Duration unitBound = limiter.reserve(10);
        // then the second waits for the request bucket (1 s; characters would allow it after 0.5 s), the third
        // for the 950 characters borrowed by the second plus its own 10 (9.6 s; requests would allow it after 2 s)
        assertThat(requestBound).isEqualTo(Duration.ofSeconds(1));
        assertThat(unitBound).isEqualTo(Duration.ofMillis(9600));
    }

    @Test
    void should_refill_while_time_passes_but_not_save_up_more_than_the_burst() {
        // given 600 per minute: a burst of 10
        RateLimiter limiter = new RateLimiter(600, 0, clock, clock.sleeper());
        for (int i = 0; i < 10; i++) {
            limiter.reserve(0);
        }
        // when idle for a minute
        clock.advance(Duration.ofMinutes(1));
        // then only the burst is back, then one per 100 ms
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.reserve(0)).isZero();
        }
        assertThat(limiter.reserve(0)).isEqualTo(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.reserve(0)).isZero();
    }

    @Test
    void should_share_one_allowance_between_threads_in_arrival_order() throws Exception {
        // given 120 requests per minute (2 per second, burst 2), reserved by 4 threads without time passing
        RateLimiter limiter = new RateLimiter(120, 0, clock, d -> {});
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
        // then 2 go at once and the other 238 get distinct slots 0.5 s apart: the last waits 119 s
        assertThat(all.stream().filter(Duration::isZero).count()).isEqualTo(2);
        assertThat(all.stream().distinct().count()).isEqualTo(239);
        assertThat(all.stream().max(Duration::compareTo).orElseThrow()).isEqualTo(Duration.ofSeconds(119));
    }

    @Test
    void should_never_wait_when_unlimited() {
        RateLimiter limiter = new RateLimiter(0, 0, clock, clock.sleeper());
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire(1_000_000)).isZero();
        }
    }
}

package dev.dragoman.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;

/** The limiter learning a server's rate from its 429s, against a server that limits per rolling second. */
class RateLimiterLearningTest {

    private final ManualClock clock = new ManualClock();

    /** Accepts at most {@code perSecond} requests in any rolling second; answers the rest 429 with Retry-After. */
    private static final class WindowServer {
        final int perSecond;
        final ManualClock clock;
        final ArrayDeque<Instant> window = new ArrayDeque<>();
        int accepted;
        int refused;

        WindowServer(int perSecond, ManualClock clock) {
            this.perSecond = perSecond;
            this.clock = clock;
        }

        String handle() {
            Instant now = clock.instant();
            while (!window.isEmpty() && !window.peekFirst().plusSeconds(1).isAfter(now)) {
                window.pollFirst();
            }
            if (window.size() >= perSecond) {
                refused++;
                throw new RateLimitedException(
                        "slow down", Duration.between(now, window.peekFirst().plusSeconds(1)));
            }
            window.addLast(now);
            accepted++;
            return "ok";
        }
    }

    /** Sends {@code n} requests one after the other, each retried after its Retry-After until accepted. */
    private Duration run(RateLimiter limiter, WindowServer server, int n) {
        Instant start = clock.instant();
        for (int i = 0; i < n; i++) {
            while (true) {
                try {
                    limiter.call(0, server::handle);
                    break;
                } catch (RateLimitedException e) {
                    clock.advance(e.retryAfter().orElseThrow());
                }
            }
        }
        return Duration.between(start, clock.instant());
    }

    @Test
    void should_learn_a_per_second_limit_and_keep_429s_to_a_few_percent_at_near_the_servers_rate() {
        // given a server allowing 20 requests per second and a client with no configured limit
        WindowServer server = new WindowServer(20, clock);
        RateLimiter limiter = new RateLimiter(0, 0, clock, clock.sleeper());
        // when 600 requests are sent as fast as the limiter lets them go
        Duration took = run(limiter, server, 600);
        // then few were refused, and the run took at most 10 % longer than 600 requests at 20 per second
        assertThat(server.accepted).isEqualTo(600);
        assertThat((double) server.refused / (server.accepted + server.refused)).isLessThanOrEqualTo(0.03);
        assertThat(took).isLessThanOrEqualTo(Duration.ofMillis(600 * 1000 / 20 * 110 / 100));
        assertThat(limiter.effectiveRequestsPerMinute()).isBetween(17L * 60, 21L * 60);
    }

    @Test
    void should_not_lower_the_rate_again_for_a_call_booked_before_the_last_adjustment() {
        // given 20 accepted calls at a server allowing 20 per second
        WindowServer server = new WindowServer(20, clock);
        RateLimiter limiter = new RateLimiter(0, 0, clock, clock.sleeper());
        for (int i = 0; i < 20; i++) {
            limiter.call(0, server::handle);
        }
        long[] learnedFromLater = new long[1];
        // when a call booked first is refused only after a call booked later was refused and taught a rate
        assertThatThrownBy(() -> limiter.call(0, () -> {
                    assertThatThrownBy(() -> limiter.call(0, server::handle)).isInstanceOf(RateLimitedException.class);
                    learnedFromLater[0] = limiter.effectiveRequestsPerMinute();
                    throw new RateLimitedException("slow down", null);
                }))
                .isInstanceOf(RateLimitedException.class);
        // then the first call's 429 (sent at the old rate) changes nothing
        assertThat(learnedFromLater[0]).isPositive();
        assertThat(limiter.effectiveRequestsPerMinute()).isEqualTo(learnedFromLater[0]);
        // and a 429 of a call booked after the adjustment lowers it
        assertThatThrownBy(() -> limiter.call(0, () -> {
                    throw new RateLimitedException("slow down", null);
                }))
                .isInstanceOf(RateLimitedException.class);
        assertThat(limiter.effectiveRequestsPerMinute()).isLessThan(learnedFromLater[0]);
    }

    @Test
    void should_hold_later_callers_until_retry_after_then_space_them_evenly() {
        // given a limiter that meets a 429 asking for 2 seconds
        RateLimiter limiter = new RateLimiter(0, 0, clock, clock.sleeper());
        for (int i = 0; i < 10; i++) {
            limiter.call(0, () -> "ok");
        }
        assertThatThrownBy(() -> limiter.call(0, () -> {
                    throw new RateLimitedException("slow down", Duration.ofSeconds(2));
                }))
                .isInstanceOf(RateLimitedException.class);
        // when three callers book at once
        Duration first = limiter.reserve(0);
        Duration second = limiter.reserve(0);
        Duration third = limiter.reserve(0);
        // then the first waits out the Retry-After and the others follow at the learned 9.5/s, not in a burst
        assertThat(first).isEqualTo(Duration.ofSeconds(2));
        assertThat(second.minus(first)).isBetween(Duration.ofMillis(100), Duration.ofMillis(110));
        assertThat(third.minus(second)).isBetween(Duration.ofMillis(100), Duration.ofMillis(110));
    }

    @Test
    void should_probe_upwards_while_no_429_comes_but_never_above_the_configured_limit() {
        // given a configured 600/min (10/s) and a learned 5/s
        RateLimiter limiter = new RateLimiter(600, 0, clock, clock.sleeper());
        for (int i = 0; i < 5; i++) {
            limiter.call(0, () -> "ok");
            clock.advance(Duration.ofMillis(200));
        }
        assertThatThrownBy(() -> limiter.call(0, () -> {
                    throw new RateLimitedException("slow down", null);
                }))
                .isInstanceOf(RateLimitedException.class);
        long learned = limiter.effectiveRequestsPerMinute();
        // when a minute, then an hour, passes with accepted calls
        clock.advance(Duration.ofMinutes(1));
        limiter.call(0, () -> "ok");
        long afterAMinute = limiter.effectiveRequestsPerMinute();
        clock.advance(Duration.ofHours(1));
        limiter.call(0, () -> "ok");
        // then the rate grew, and stopped at the configured limit
        assertThat(learned).isLessThan(600);
        assertThat(afterAMinute).isGreaterThan(learned);
        assertThat(limiter.effectiveRequestsPerMinute()).isEqualTo(600);
    }

    @Test
    void should_rethrow_every_other_failure_without_learning_from_it() {
        RateLimiter limiter = new RateLimiter(0, 0, clock, clock.sleeper());
        assertThatThrownBy(() -> limiter.call(0, () -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(limiter.effectiveRequestsPerMinute()).isZero();
    }

    @Test
    void should_not_slow_down_while_a_server_states_requests_left() {
        // given an unlimited limiter told by an answer that 4 requests remain until a reset in 2 seconds
        RateLimiter limiter = new RateLimiter(0, 0, clock, clock.sleeper());
        limiter.observe(new RateLimitHeaders(4, Duration.ofSeconds(2)));
        // when three callers book at once / then none waits
        assertThat(limiter.reserve(0)).isZero();
        assertThat(limiter.reserve(0)).isZero();
        assertThat(limiter.reserve(0)).isZero();
    }

    @Test
    void should_learn_from_an_exhausted_budget_as_from_a_429_and_wait_out_a_long_reset() {
        // given 10 calls accepted within a second, then an answer stating none remain until a reset in 30 s
        RateLimiter limiter = new RateLimiter(0, 0, clock, clock.sleeper());
        for (int i = 0; i < 10; i++) {
            limiter.call(0, () -> "ok");
            clock.advance(Duration.ofMillis(50));
        }
        limiter.observe(new RateLimitHeaders(0, Duration.ofSeconds(30)));
        // when two callers book
        Duration first = limiter.reserve(0);
        Duration second = limiter.reserve(0);
        // then the rate is 95 % of the 10 accepted, and every caller waits for the reset
        assertThat(limiter.effectiveRequestsPerMinute()).isEqualTo(570);
        assertThat(first).isEqualTo(Duration.ofSeconds(30));
        assertThat(second.minus(first)).isBetween(Duration.ofMillis(100), Duration.ofMillis(110));
    }

    @Test
    void should_keep_429s_few_when_a_server_states_its_budget_on_every_answer() {
        // given a server allowing 20 per rolling second that states its budget on every answer
        WindowServer server = new WindowServer(20, clock);
        RateLimiter limiter = new RateLimiter(0, 0, clock, clock.sleeper());
        // when 400 calls go one after the other (each retried after its Retry-After), every answer's budget reported
        Instant start = clock.instant();
        for (int i = 0; i < 400; i++) {
            while (true) {
                try {
                    limiter.call(0, server::handle);
                    break;
                } catch (RateLimitedException e) {
                    clock.advance(e.retryAfter().orElseThrow());
                }
            }
            Instant oldest = server.window.peekFirst();
            limiter.observe(new RateLimitHeaders(
                    server.perSecond - server.window.size(), Duration.between(clock.instant(), oldest.plusSeconds(1))));
        }
        Duration took = Duration.between(start, clock.instant());
        // then at most 3 % were refused, and the run took at most 10 % longer than 400 calls at 20 per second
        assertThat((double) server.refused / (server.accepted + server.refused)).isLessThanOrEqualTo(0.03);
        assertThat(took).isLessThanOrEqualTo(Duration.ofMillis(400 * 1000 / 20 * 110 / 100));
    }
}

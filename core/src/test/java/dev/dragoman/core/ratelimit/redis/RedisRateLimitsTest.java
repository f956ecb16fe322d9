package dev.dragoman.core.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dragoman.core.cache.redis.RedisOptions;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.ratelimit.SharedRate;
import dev.dragoman.core.testing.RedisServerExtension;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shared budgets against a real Redis: two {@link RedisRateLimits} stand for two processes (each its own connection
 * pool). The combined rate of several workers sending through HTTP is checked in the pipeline's
 * {@code SharedRateLimitTest}.
 */
class RedisRateLimitsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final AtomicInteger KEYS = new AtomicInteger();
    private final String key = "deepl|default|DEEPL_AUTH_KEY|" + KEYS.incrementAndGet();

    private static RedisRateLimits process() {
        return new RedisRateLimits(RedisOptions.at(REDIS.host(), REDIS.port()).withPrefix("rl:"));
    }

    @Test
    void should_make_a_second_process_wait_once_the_first_took_the_shared_burst() {
        // given: 60 requests a minute, a burst of one second's share (1)
        try (RedisRateLimits one = process();
                RedisRateLimits two = process()) {
            SharedRate first = one.rate(key, 60, 0);
            SharedRate second = two.rate(key, 60, 0);
            assertThat(two.rate(key + "-other-account", 60, 0).reserve(0)).isZero();
            assertThat(first.reserve(0)).isZero();

            // when
            Duration wait = second.reserve(0);

            // then: the other process's call counts against the same budget
            assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void should_book_characters_against_their_own_shared_budget() {
        // given: 6,000 characters a minute, a burst of 100
        try (RedisRateLimits one = process();
                RedisRateLimits two = process()) {
            assertThat(one.rate(key, 0, 6000).reserve(100)).isZero();

            // when
            Duration wait = two.rate(key, 0, 6000).reserve(50);

            // then: 50 characters at 100 a second
            assertThat(wait).isGreaterThan(Duration.ofMillis(400)).isLessThanOrEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void should_cut_the_rate_of_every_process_once_per_429_burst_and_hold_them_for_retry_after() {
        // given
        try (RedisRateLimits one = process();
                RedisRateLimits two = process()) {
            SharedRate first = one.rate(key, 600, 0);
            SharedRate second = two.rate(key, 600, 0);
            first.reserve(0);

            // when: both get a 429 for calls sent at the same rate
            first.refused(Duration.ofSeconds(2));
            second.refused(Duration.ofSeconds(2));

            // then: one cut, to 80 %, seen by both processes
            assertThat(one.requestsPerMinuteInForce(key, 600)).isEqualTo(480);
            assertThat(two.requestsPerMinuteInForce(key, 600)).isEqualTo(480);
            // and the next call anywhere waits out the Retry-After (once, not once per 429)
            Duration wait = second.reserve(0);
            assertThat(wait).isGreaterThan(Duration.ofMillis(1800)).isLessThan(Duration.ofMillis(2600));
            // a process that asks with another configured limit starts over from it
            assertThat(two.requestsPerMinuteInForce(key, 1200)).isEqualTo(1200);
        }
    }

    @Test
    void should_share_nothing_for_a_backend_without_limits() {
        try (RedisRateLimits one = process()) {
            assertThat(one.rate(key, 0, 0)).isNull();
        }
    }

    @Test
    void should_fail_retriably_without_sending_when_the_redis_is_unreachable() throws Exception {
        // given: a port nobody listens on, and a password in the URL
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (RedisRateLimits limits = RedisRateLimits.open("redis://:s3cret-pass@127.0.0.1:" + port + "/0")) {
            // when
            DragomanException e = catchThrowableOfType(
                    DragomanException.class, () -> limits.rate(key, 600, 0).reserve(0));

            // then
            assertThat(e.isRetriable()).isTrue();
            assertThat(e.getMessage())
                    .contains("shared rate limit at redis://127.0.0.1:" + port + "/0")
                    .doesNotContain("s3cret-pass");
        }
    }

    @Test
    void should_refuse_a_url_that_is_not_redis() {
        DragomanException e =
                catchThrowableOfType(DragomanException.class, () -> RedisRateLimits.open("http://127.0.0.1:6379"));
        assertThat(e.kind()).isEqualTo(DragomanException.Kind.CONFIGURATION);
        assertThat(e.getMessage()).startsWith("The rate-limit URL must look like redis://HOST:PORT/DB");
    }
}

package dev.dragoman.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.ManualClock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reading the providers' rate-limit headers (names as each vendor documents them). */
class RateLimitHeadersTest {

    private final ManualClock clock = new ManualClock(); // 2024-06-25T08:00:00Z

    private Optional<RateLimitHeaders> read(Map<String, String> headers) {
        Map<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(headers);
        return RateLimitHeaders.from(name -> ci.get(name.toLowerCase(Locale.ROOT)), clock);
    }

    @Test
    void should_read_openais_requests_budget_with_go_durations() {
        // given OpenAI's documented headers
        Map<String, String> h = Map.of(
                "x-ratelimit-limit-requests", "60",
                "x-ratelimit-remaining-requests", "59",
                "x-ratelimit-reset-requests", "1s",
                "x-ratelimit-remaining-tokens", "149984",
                "x-ratelimit-reset-tokens", "6m0s");
        // when read / then the requests' budget, not the tokens'
        assertThat(read(h)).contains(new RateLimitHeaders(59, Duration.ofSeconds(1)));
        assertThat(read(Map.of("x-ratelimit-remaining-requests", "3", "x-ratelimit-reset-requests", "1m30.5s")))
                .contains(new RateLimitHeaders(3, Duration.ofMillis(90_500)));
        assertThat(read(Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "120ms")))
                .contains(new RateLimitHeaders(0, Duration.ofMillis(120)));
    }

    @Test
    void should_read_anthropics_reset_time_and_the_ietf_and_common_forms() {
        assertThat(read(Map.of(
                        "anthropic-ratelimit-requests-limit", "50",
                        "anthropic-ratelimit-requests-remaining", "12",
                        "anthropic-ratelimit-requests-reset", "2024-06-25T08:00:30Z")))
                .contains(new RateLimitHeaders(12, Duration.ofSeconds(30)));
        assertThat(read(Map.of("RateLimit-Limit", "100", "RateLimit-Remaining", "40", "RateLimit-Reset", "20")))
                .contains(new RateLimitHeaders(40, Duration.ofSeconds(20)));
        // a Unix time (GitHub's form), 60 s after the clock
        long epoch = clock.instant().getEpochSecond() + 60;
        assertThat(read(Map.of("X-RateLimit-Remaining", "7", "X-RateLimit-Reset", Long.toString(epoch))))
                .contains(new RateLimitHeaders(7, Duration.ofSeconds(60)));
    }

    @Test
    void should_read_nothing_from_absent_or_unreadable_headers() {
        assertThat(read(Map.of("Content-Type", "application/json"))).isEmpty();
        assertThat(read(Map.of("x-ratelimit-remaining-requests", "many", "x-ratelimit-reset-requests", "1s")))
                .isEmpty();
        assertThat(read(Map.of("x-ratelimit-remaining-requests", "5", "x-ratelimit-reset-requests", "soon")))
                .isEmpty();
        assertThat(read(Map.of("x-ratelimit-remaining-requests", "5"))).isEmpty();
        assertThat(read(Map.of("x-ratelimit-remaining-requests", "-1", "x-ratelimit-reset-requests", "1s")))
                .isEmpty();
    }
}

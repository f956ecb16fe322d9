package dev.dragoman.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {

    private final ManualClock clock = new ManualClock();
    private final Retrier retrier = new Retrier(Backoff.DEFAULT, clock.sleeper(), clock, () -> 0.5, null);

    @Test
    void should_retry_after_429_honouring_retry_after() {
        // given
        AtomicInteger calls = new AtomicInteger();
        // when
        String result = retrier.call("test", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new RateLimitedException("slow down", Duration.ofSeconds(7));
            }
            return "ok";
        });
        // then
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(2);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void should_describe_a_retry_for_people_saying_when_the_wait_is_the_servers() {
        // when
        String asked = Retrier.Listener.describe(
                "deepl", 1, Duration.ofSeconds(7), new RateLimitedException("slow down", Duration.ofSeconds(7)));
        String backedOff = Retrier.Listener.describe(
                "openai", 2, Duration.ofMillis(1500), new DragomanException(Kind.BACKEND_UNAVAILABLE, "503"));
        // then
        assertThat(asked)
                .isEqualTo("deepl failed (attempt 1: slow down); retrying in 7.0 s, as the server asked (Retry-After)");
        assertThat(backedOff).isEqualTo("openai failed (attempt 2: 503); retrying in 1.5 s");
    }

    @Test
    void should_back_off_exponentially_through_a_burst_of_server_errors() {
        // given
        AtomicInteger calls = new AtomicInteger();
        // when
        String result = retrier.call("test", () -> {
            if (calls.incrementAndGet() <= 3) {
                throw new DragomanException(Kind.BACKEND_UNAVAILABLE, "HTTP 500");
            }
            return "ok";
        });
        // then
        assertThat(result).isEqualTo("ok");
        assertThat(clock.sleeps())
                .containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1600), Duration.ofMillis(2560));
    }

    @Test
    void should_not_retry_what_cannot_succeed() {
        // given
        AtomicInteger calls = new AtomicInteger();
        // when / then
        assertThatThrownBy(() -> retrier.call("test", () -> {
                    calls.incrementAndGet();
                    throw new DragomanException(Kind.QUOTA_EXCEEDED, "quota exceeded");
                }))
                .isInstanceOf(DragomanException.class)
                .hasMessage("quota exceeded");
        assertThat(calls).hasValue(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void should_give_up_after_the_last_attempt_keeping_the_kind() {
        // given
        AtomicInteger calls = new AtomicInteger();
        // when / then
        assertThatThrownBy(() -> retrier.call("test", () -> {
                    calls.incrementAndGet();
                    throw new DragomanException(Kind.TIMEOUT, "no answer in 30 s");
                }))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.getMessage()).startsWith("no answer in 30 s").contains("gave up after 5 attempts");
                });
        assertThat(calls).hasValue(5);
        assertThat(clock.sleeps()).hasSize(4);
    }

    @Test
    void should_give_up_at_once_when_retry_after_exceeds_the_cap() {
        // given
        AtomicInteger calls = new AtomicInteger();
        // when / then
        assertThatThrownBy(() -> retrier.call("test", () -> {
                    calls.incrementAndGet();
                    throw new RateLimitedException("slow down", Duration.ofHours(1));
                }))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.getMessage()).contains("asked to wait 3600 s");
                });
        assertThat(calls).hasValue(1);
    }

    @Test
    void should_tell_the_listener_about_each_retry() {
        // given
        List<Integer> attempts = new ArrayList<>();
        Retrier listening = retrier.withListener((what, attempt, delay, failure) -> attempts.add(attempt));
        AtomicInteger calls = new AtomicInteger();
        // when
        listening.call("test", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new DragomanException(Kind.BACKEND_UNAVAILABLE, "reset");
            }
            return 1;
        });
        // then
        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void should_let_unchecked_bugs_through_untouched() {
        assertThatThrownBy(() -> retrier.call("test", () -> {
                    throw new IllegalStateException("bug");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(clock.sleeps()).isEmpty();
    }
}

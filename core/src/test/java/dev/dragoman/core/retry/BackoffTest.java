package dev.dragoman.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void should_grow_by_the_multiplier_without_jitter_at_the_midpoint() {
        // given
        Backoff b = Backoff.DEFAULT;
        // when / then
        assertThat(b.delayAfter(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.delayAfter(2, 0.5)).isEqualTo(Duration.ofMillis(1600));
        assertThat(b.delayAfter(3, 0.5).toMillis()).isEqualTo(2560);
    }

    @Test
    void should_move_each_wait_by_at_most_23_percent() {
        // given
        Backoff b = Backoff.DEFAULT;
        // when
        Duration low = b.delayAfter(2, 0.0);
        Duration high = b.delayAfter(2, 0.999999);
        // then
        assertThat(low.toMillis()).isEqualTo(1232);
        assertThat(high.toMillis()).isBetween(1967L, 1968L);
    }

    @Test
    void should_never_wait_longer_than_the_cap() {
        // given
        Backoff b = Backoff.DEFAULT;
        // when
        Duration late = b.delayAfter(40, 0.999);
        // then
        assertThat(late).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void should_reject_nonsense_policies() {
        assertThatThrownBy(() -> Backoff.DEFAULT.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 0.5, 0.2, Duration.ofSeconds(5), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 1.6, 1.5, Duration.ofSeconds(5), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

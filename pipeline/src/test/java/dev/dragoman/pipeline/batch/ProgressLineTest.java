package dev.dragoman.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void should_show_counts_failures_rate_and_eta_with_spaces_on_a_wide_terminal() {
        // when
        String line = ProgressLine.render(6, 14, 5, Duration.ofSeconds(3), false, 100);
        // then
        assertThat(line)
                .startsWith("batch  42% [")
                .endsWith("] 6/14 items, 5 failed, 2.0 items/s, ETA 0:00:04")
                .hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void should_fit_every_width_and_keep_the_counts_and_failures_down_to_forty_columns() {
        for (int width = 20; width <= 120; width++) {
            // when
            String line = ProgressLine.render(6, 14, 5, Duration.ofSeconds(3), false, width);
            // then
            assertThat(line).as("width %d", width).hasSizeLessThanOrEqualTo(width);
            if (width >= 40) {
                assertThat(line).as("width %d", width).contains("6/14 items, 5 failed");
            }
        }
        assertThat(ProgressLine.render(6, 14, 5, Duration.ofSeconds(3), false, 60))
                .contains("[")
                .doesNotContain("ETA");
    }

    @Test
    void should_keep_the_real_counts_of_a_stopped_run() {
        // when
        String line = ProgressLine.render(3, 14, 0, Duration.ofSeconds(3), true, 80);
        // then
        assertThat(line)
                .contains(" 21% [")
                .endsWith("3/14 items, stopped, 1.0 items/s")
                .doesNotContain("100");
    }

    @Test
    void should_show_a_plain_count_before_the_total_is_known() {
        assertThat(ProgressLine.render(0, 0, 0, Duration.ZERO, false, 80)).isEqualTo("batch 0 items");
    }
}

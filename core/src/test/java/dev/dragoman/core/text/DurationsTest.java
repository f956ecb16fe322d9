package dev.dragoman.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void should_read_units_compounds_bare_seconds_and_iso() {
        assertThat(Durations.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parseDuration("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parseDuration(" 45 ")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parseDuration("PT6H")).isEqualTo(Duration.ofHours(6));
        assertThat(Durations.parseDuration("pt30m")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void should_refuse_what_is_not_a_duration_naming_the_forms() {
        for (String bad : new String[] {"soon", "", "1h soon", "PTX", "m5"}) {
            assertThatThrownBy(() -> Durations.parseDuration(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a duration; write it like 90s");
        }
    }

    @Test
    void should_read_sizes_in_powers_of_1024() {
        assertThat(Durations.parseSize("500MB")).isEqualTo(500L << 20);
        assertThat(Durations.parseSize("2g")).isEqualTo(2L << 30);
        assertThat(Durations.parseSize("100")).isEqualTo(100);
        assertThatThrownBy(() -> Durations.parseSize("lots")).hasMessageContaining("is not a size");
    }
}

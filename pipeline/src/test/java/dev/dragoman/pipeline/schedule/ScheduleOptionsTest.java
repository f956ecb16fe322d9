package dev.dragoman.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link Schedule#of}: a front end's --every/--cron/--zone options to a schedule, or null for one run. */
class ScheduleOptionsTest {

    @Test
    void should_build_an_interval_or_a_zoned_cron_or_nothing() {
        Instant t = Instant.parse("2026-12-05T06:30:00Z");
        assertThat(Schedule.of(null, null, null)).isNull();
        assertThat(Schedule.of("30m", null, null).nextAfter(t)).isEqualTo(t.plusSeconds(1800));
        assertThat(Schedule.of(null, "0 7 * * *", "Europe/Berlin").nextAfter(t))
                .isEqualTo(Instant.parse("2026-12-06T06:00:00Z"));
    }

    @Test
    void should_refuse_contradictory_or_incomplete_options_naming_them() {
        assertThatThrownBy(() -> Schedule.of("1h", "0 7 * * *", "UTC"))
                .hasMessage("--every and --cron exclude each other");
        assertThatThrownBy(() -> Schedule.of(null, "0 7 * * *", null))
                .hasMessageStartingWith("--cron needs an explicit --zone");
        assertThatThrownBy(() -> Schedule.of(null, "0 7 * * *", "Mars/Olympus"))
                .hasMessage("--zone: unknown time zone 'Mars/Olympus'");
        assertThatThrownBy(() -> Schedule.of(null, null, "UTC")).hasMessage("--zone only applies to --cron");
    }
}

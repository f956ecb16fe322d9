package dev.dragoman.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The AIMD controller alone, on nanosecond times the test chooses. */
class AimdRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void should_enforce_nothing_until_the_first_429_then_start_from_the_accepted_count() {
        // given a controller that has seen no 429
        AimdRate rate = new AimdRate(0);
        assertThat(rate.perSecond()).isZero();
        assertThat(rate.grow(10 * SECOND)).isFalse();
        // when the first 429 comes after 20 accepted calls in the last second
        boolean changed = rate.refused(rate.epoch(), 20, 10 * SECOND);
        // then the rate is 95 % of them
        assertThat(changed).isTrue();
        assertThat(rate.perSecond()).isCloseTo(19.0, within(1e-9));
    }

    @Test
    void should_cut_multiplicatively_and_grow_additively() {
        // given a learned 19/s
        AimdRate rate = new AimdRate(0);
        rate.refused(rate.epoch(), 20, 0);
        // when another 429 (booked after the cut) comes, then ten seconds pass without one
        rate.refused(rate.epoch(), 99, SECOND);
        double cut = rate.perSecond();
        rate.grow(6 * SECOND);
        double afterFive = rate.perSecond();
        rate.grow(11 * SECOND);
        // then the cut is 95 % of 19 and the rate grows by the same step, 5 ‰ of the cut rate, each second
        assertThat(cut).isCloseTo(19 * 0.95, within(1e-9));
        assertThat(afterFive - cut).isCloseTo(5 * cut * 0.005, within(1e-9));
        assertThat(rate.perSecond() - afterFive).isCloseTo(afterFive - cut, within(1e-9));
    }

    @Test
    void should_ignore_a_429_of_a_call_booked_before_the_last_cut() {
        // given a call booked in epoch 0, then a cut by another call's 429
        AimdRate rate = new AimdRate(0);
        long booked = rate.epoch();
        rate.refused(booked, 10, 0);
        double learned = rate.perSecond();
        // when the earlier call's 429 arrives
        boolean changed = rate.refused(booked, 3, SECOND / 2);
        // then it changes nothing
        assertThat(changed).isFalse();
        assertThat(rate.perSecond()).isEqualTo(learned);
    }

    @Test
    void should_never_grow_past_the_ceiling_nor_fall_below_one_a_minute() {
        // given a ceiling of 10/s and a learned 9.5/s
        AimdRate rate = new AimdRate(10);
        rate.refused(rate.epoch(), 10, 0);
        // when an hour passes without a 429
        rate.grow(3600 * SECOND);
        // then the rate stops at the ceiling
        assertThat(rate.perSecond()).isEqualTo(10.0);
        // and a thousand cuts in a row leave one request a minute
        for (int i = 0; i < 1000; i++) {
            rate.refused(rate.epoch(), 0, 3600 * SECOND);
        }
        assertThat(rate.perSecond()).isCloseTo(1.0 / 60, within(1e-12));
    }
}

package dev.dragoman.summarize.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactLockTest {

    @Test
    void should_accept_numbers_in_any_digit_script_and_grouping() {
        // given
        String source = "قتل ٢٥ شخصا وأصيب 1,200 آخرون، وارتفع التضخم إلى ٩٫١٪ في عام 2024.";

        // when / then
        assertThat(FactLock.violations(source, "25 people were killed and 1200 injured; inflation hit 9.1% in 2024."))
                .isEmpty();
        assertThat(FactLock.violations(source, "١٬٢٠٠ جريح و25 قتيلا")).isEmpty();
    }

    @Test
    void should_flag_a_changed_number_date_or_percentage() {
        // given
        String source = "On June 25, 2024, 30 percent of the 4,000 workers went on strike.";

        // when
        var warnings = FactLock.violations(source, "On June 26, 2024, 35% of 4,000 workers struck.");

        // then
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("\"26\"").contains("fact-lock");
        assertThat(warnings.get(1)).contains("35%");
    }

    @Test
    void should_match_scaled_numbers_like_millions() {
        assertThat(FactLock.violations("The project costs 1,500,000 dollars.", "It costs 1.5 million dollars."))
                .isEmpty();
        assertThat(FactLock.violations("The project costs 1.5 million dollars.", "It costs $1,500,000."))
                .isEmpty();
        assertThat(FactLock.violations("The project costs 1.5 million dollars.", "It costs $2 million."))
                .hasSize(1);
    }
}

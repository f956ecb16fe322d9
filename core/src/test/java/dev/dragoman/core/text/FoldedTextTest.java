package dev.dragoman.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldedTextTest {

    @Test
    void should_fold_hamza_maksura_marbuta_tatweel_and_digits_for_matching() {
        // given
        String line = "الإسكنـدرية ٠٥ ذو القعدة ١٤٣٦هـ أبوظبى";
        // when
        FoldedText f = FoldedText.of(line);
        // then
        assertThat(f.text()).isEqualTo("الاسكندريه 05 ذو القعده 1436 ه ابوظبي");
    }

    @Test
    void should_separate_a_place_glued_to_its_day_number() {
        // when
        FoldedText f = FoldedText.of("الرياض25 شوال");
        // then
        assertThat(f.text()).isEqualTo("الرياض 25 شوال");
    }

    @Test
    void should_map_a_folded_range_back_to_the_original_spelling() {
        // given
        String line = "القاهـرةُ٢٥ يونيو";
        FoldedText f = FoldedText.of(line);
        int end = f.text().indexOf(' ');
        // when
        String original = f.original(0, end);
        // then
        assertThat(original).isEqualTo("القاهـرةُ");
        assertThat(f.originalWord(0, end)).isEqualTo("القاهرةُ");
        assertThat(line.substring(f.originalIndex(end + 1))).isEqualTo("٢٥ يونيو");
    }
}

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

    @Test
    void should_keep_an_orphan_mark_with_the_word_it_stands_before() {
        // given: a fathatan at the start of the line and one after a space, with no letter of their own
        String line = "\u064B\u0610 \u064Eسانا";
        FoldedText f = FoldedText.of(line);
        int space = f.text().indexOf(' ');
        // when
        String first = f.original(0, space);
        String second = f.original(space + 1, f.text().length());
        // then
        assertThat(first).isEqualTo("\u064B\u0610");
        assertThat(second).isEqualTo("\u064Eسانا");
    }

    @Test
    void should_leave_a_mark_with_the_letter_it_sits_on() {
        // given
        String line = "دمشقُ-سانا";
        FoldedText f = FoldedText.of(line);
        int dash = f.text().indexOf('-');
        // when / then
        assertThat(f.original(0, dash)).isEqualTo("دمشقُ");
        assertThat(f.original(dash + 1, f.text().length())).isEqualTo("سانا");
    }
}

package dev.dragoman.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.text.Segmenter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paragraph, sentence and word segmentation, tried with hostile text: spans are exact and nothing is lost. */
class SegmenterHostileTest {

    @Provide
    Arbitrary<Language> languages() {
        return Arbitraries.of("en", "ar", "fr", "de", "ru", "es", "und")
                .map(Language::of)
                .injectNull(0.1);
    }

    @Property(tries = 300)
    void should_cover_every_visible_character_of_any_text_with_exact_sentence_spans(
            @ForAll @StringLength(max = 1500) String text, @ForAll("languages") Language language) {
        List<Segmenter.Span> spans = Hostile.withinHangGuard(() -> Segmenter.sentenceSpans(text, language));
        assertExactAndCovering(text, spans);
    }

    @Property(tries = 300)
    void should_cover_every_visible_character_with_exact_paragraph_spans(
            @ForAll @StringLength(max = 1500) String text) {
        List<Segmenter.Span> spans = Hostile.withinHangGuard(() -> Segmenter.paragraphSpans(text));
        assertExactAndCovering(text, spans);
    }

    @Property(tries = 300)
    void should_give_exact_word_spans_made_of_letters_and_digits(@ForAll @StringLength(max = 1500) String text) {
        List<Segmenter.Span> spans = Hostile.withinHangGuard(() -> Segmenter.wordSpans(text));
        int previousEnd = 0;
        for (Segmenter.Span s : spans) {
            assertThat(s.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
            assertThat(s.text().codePoints().anyMatch(cp -> Character.isLetterOrDigit(cp) || isMark(cp)))
                    .as("word %s", s.text())
                    .isTrue();
            previousEnd = s.end();
        }
        assertThat(Segmenter.wordCount(text)).isEqualTo(spans.size());
    }

    @Property(tries = 200)
    void should_split_mixed_rtl_and_ltr_sentences_where_they_end(@ForAll("mixedSentences") List<String> sentences) {
        // given
        String text = String.join(" ", sentences);

        // when
        List<String> found = Hostile.withinHangGuard(() -> Segmenter.sentences(text, Language.of("ar")));

        // then
        assertThat(found).containsExactlyElementsOf(sentences);
    }

    @Provide
    Arbitrary<List<String>> mixedSentences() {
        Arbitrary<String> arabic = Arbitraries.of(
                "الرئيس",
                "الحكومة",
                "مؤتمر",
                "الاقتصاد",
                "دمشق",
                "٢٠٢٤",
                "موسكو",
                "وزير",
                "الخارجية",
                "المنطقة",
                "أكد",
                "اليوم",
                "١٬٠٠٠",
                "٣٫٥");
        Arbitrary<String> latin = Arbitraries.of("Reuters", "UN", "COVID-19", "5G", "NATO", "OPEC+", "3.5%", "1,000");
        Arbitrary<String> word = Arbitraries.oneOf(
                arabic,
                arabic,
                latin,
                Combinators.combine(Arbitraries.of("\u200F", "\u2067", "\u061C"), arabic)
                        .as((c, w) -> c + w));
        Arbitrary<String> end = Arbitraries.of(".", "؟", "!", "؛", "…", ".»", "؟\"");
        // a sentence starts with an Arabic word (no case, so a terminator before it always ends a sentence)
        return Combinators.combine(arabic, word.list().ofMinSize(2).ofMaxSize(15), end)
                .as((first, words, stop) -> first + " " + String.join(" ", words) + stop)
                .list()
                .ofMinSize(1)
                .ofMaxSize(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "U.S.", "1.", "...", "؟!", "Mr. ", "a. ", "«", "\u200F.", "e.g. "})
    void should_not_hang_on_a_megabyte_of_one_repeated_piece(String piece) {
        // given: pathological input for a backtracking rule
        String text = piece.repeat(1_000_000 / piece.length());

        // when
        List<Segmenter.Span> sentences =
                Hostile.withinHangGuard(() -> Segmenter.sentenceSpans(text, Language.of("en")));

        // then
        assertExactAndCovering(text, sentences);
        assertThat(Hostile.withinHangGuard(() -> Segmenter.wordSpans(text))).isNotNull();
    }

    @Test
    void should_segment_a_five_megabyte_line_of_prose() {
        // given
        StringBuilder text = new StringBuilder();
        int n = 0;
        while (text.length() < 5_000_000) {
            text.append("أكد الوزير أن التعاون مستمر في ").append(n++).append(" مجالات، وقال إن Reuters نقلت الخبر. ");
        }

        // when
        List<Segmenter.Span> sentences =
                Hostile.withinHangGuard(() -> Segmenter.sentenceSpans(text.toString(), Language.of("ar")));

        // then
        assertThat(sentences).hasSize(n);
        assertExactAndCovering(text.toString(), sentences);
    }

    private static void assertExactAndCovering(String text, List<Segmenter.Span> spans) {
        boolean[] covered = new boolean[text.length()];
        int previousEnd = 0;
        for (Segmenter.Span s : spans) {
            assertThat(s.start()).as("spans in order, not overlapping").isGreaterThanOrEqualTo(previousEnd);
            assertThat(s.end()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
            assertThat(s.text()).isNotBlank();
            for (int i = s.start(); i < s.end(); i++) {
                covered[i] = true;
            }
            previousEnd = s.end();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\u0085' || c == '\u2028' || c == '\u2029';
            if (!covered[i] && !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF' && !lineBreak) {
                throw new AssertionError("character U+" + Integer.toHexString(c) + " at " + i + " is in no span");
            }
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}

package dev.dragoman.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private static final Language EN = Language.ENGLISH;
    private static final Language FR = Language.FRENCH;
    private static final Language AR = Language.ARABIC;

    @Test
    void should_split_arabic_at_question_mark_semicolon_full_stop_and_exclamation() {
        // given
        String text = "هل انتهت الأزمة؟ قال الوزير إن المفاوضات مستمرة؛ وأضاف أن الحل قريب. يا له من يوم! انتهى";

        // when
        List<String> sentences = Segmenter.sentences(text, AR);

        // then
        assertThat(sentences)
                .containsExactly(
                        "هل انتهت الأزمة؟",
                        "قال الوزير إن المفاوضات مستمرة؛",
                        "وأضاف أن الحل قريب.",
                        "يا له من يوم!",
                        "انتهى");
    }

    @Test
    void should_keep_a_quotation_whole_across_its_inner_ellipses() {
        // given: the seed's quotation, ellipses inside the quote, the full stop after the closing quote
        String text =
                "وقال لوكاشينكو: “لدينا تفاهم كامل …كما أن لدينا أجندة متطابقة… ونحن نتحدث”. من جانبه أكد لافروف ذلك.";

        // when
        List<String> sentences = Segmenter.sentences(text, AR);

        // then
        assertThat(sentences)
                .containsExactly(
                        "وقال لوكاشينكو: “لدينا تفاهم كامل …كما أن لدينا أجندة متطابقة… ونحن نتحدث”.",
                        "من جانبه أكد لافروف ذلك.");
    }

    @Test
    void should_keep_arabic_guillemets_whole_across_three_dots_and_go_on_after_a_trailing_ellipsis() {
        // given
        String text = "وقال الوزير: «سنواصل العمل... حتى تحقيق أهدافنا كاملة» مضيفا أن الحكومة ملتزمة. "
                + "وأضاف: «لن نتراجع…» وغادر القاعة.";

        // when
        List<String> sentences = Segmenter.sentences(text, AR);

        // then
        assertThat(sentences)
                .containsExactly(
                        "وقال الوزير: «سنواصل العمل... حتى تحقيق أهدافنا كاملة» مضيفا أن الحكومة ملتزمة.",
                        "وأضاف: «لن نتراجع…» وغادر القاعة.");
    }

    @Test
    void should_split_an_arabic_quotation_that_holds_complete_sentences() {
        // when
        List<String> sentences = Segmenter.sentences(
                "قال المتحدث: «لقد انتهى الاجتماع بنجاح كبير. وسنعقد جولة جديدة الشهر المقبل». ثم غادر.", AR);

        // then
        assertThat(sentences)
                .containsExactly(
                        "قال المتحدث: «لقد انتهى الاجتماع بنجاح كبير.", "وسنعقد جولة جديدة الشهر المقبل».", "ثم غادر.");
    }

    @Test
    void should_keep_single_guillemet_and_french_quotations_whole_across_ellipses() {
        // given
        String text = "Il a dit : « Nous resterons... Jamais nous ne partirons » puis il est sorti. "
                + "Elle a lu ‹ Attendez… Pas encore › et s'est assise.";

        // when
        List<String> sentences = Segmenter.sentences(text, FR);

        // then
        assertThat(sentences)
                .containsExactly(
                        "Il a dit : « Nous resterons... Jamais nous ne partirons » puis il est sorti.",
                        "Elle a lu ‹ Attendez… Pas encore › et s'est assise.");
    }

    @Test
    void should_keep_english_quotations_whole_across_ellipses_and_short_fragments() {
        // given
        String text = "He said: “We will fight… We will never give up” and the crowd cheered. "
                + "\"Stop. Now,\" he shouted. She replied: \"Wait... Not yet\" and sat down.";

        // when
        List<String> sentences = Segmenter.sentences(text, EN);

        // then
        assertThat(sentences)
                .containsExactly(
                        "He said: “We will fight… We will never give up” and the crowd cheered.",
                        "\"Stop. Now,\" he shouted.",
                        "She replied: \"Wait... Not yet\" and sat down.");
    }

    @Test
    void should_split_an_english_quotation_that_holds_complete_sentences() {
        // when
        List<String> sentences = Segmenter.sentences(
                "“The talks went well. We will meet again next month,” the minister said. Nothing else was agreed.",
                EN);

        // then
        assertThat(sentences)
                .containsExactly(
                        "“The talks went well.",
                        "We will meet again next month,” the minister said.",
                        "Nothing else was agreed.");
    }

    @Test
    void should_not_let_an_unclosed_quote_swallow_the_paragraph() {
        // when
        List<String> sentences = Segmenter.sentences("He said “we are ready. The talks begin today. Nothing more.", EN);

        // then
        assertThat(sentences).containsExactly("He said “we are ready.", "The talks begin today.", "Nothing more.");
    }

    @Test
    void should_keep_guillemets_with_their_sentence() {
        // when
        List<String> sentences = Segmenter.sentences("قال: «انتهى الاجتماع.» ثم غادر القاعة.", AR);

        // then
        assertThat(sentences).containsExactly("قال: «انتهى الاجتماع.»", "ثم غادر القاعة.");
    }

    @Test
    void should_not_split_english_abbreviations_initials_decimals_or_numbers() {
        // given
        String text = "Mr. Smith met Dr. Jones at 3 p.m. in Washington. The U.S. economy grew 1.5 percent, "
                + "adding 1,000 jobs, said J. K. Rowling. It was sunny.";

        // when
        List<String> sentences = Segmenter.sentences(text, EN);

        // then
        assertThat(sentences)
                .containsExactly(
                        "Mr. Smith met Dr. Jones at 3 p.m. in Washington.",
                        "The U.S. economy grew 1.5 percent, adding 1,000 jobs, said J. K. Rowling.",
                        "It was sunny.");
    }

    @Test
    void should_split_after_a_dotted_acronym_before_a_sentence_opener() {
        // when
        List<String> sentences = Segmenter.sentences("Talks were held in the U.S. The deal was signed.", EN);

        // then
        assertThat(sentences).containsExactly("Talks were held in the U.S.", "The deal was signed.");
    }

    @Test
    void should_not_split_before_a_lower_case_continuation_after_a_quoted_exclamation() {
        // when
        List<String> sentences = Segmenter.sentences("“Go home!” he shouted. Nobody moved?! Then rain came...", EN);

        // then
        assertThat(sentences).containsExactly("“Go home!” he shouted.", "Nobody moved?!", "Then rain came...");
    }

    @Test
    void should_keep_number_prefixes_only_before_numbers() {
        // when
        List<String> sentences =
                Segmenter.sentences("He lives at No. 10 Downing Street. The answer was no. Then he left.", EN);

        // then
        assertThat(sentences)
                .containsExactly("He lives at No. 10 Downing Street.", "The answer was no.", "Then he left.");
    }

    @Test
    void should_apply_french_spanish_russian_and_german_abbreviations() {
        assertThat(Segmenter.sentences("M. Macron a parlé. Mme Dupont a répondu.", Language.FRENCH))
                .containsExactly("M. Macron a parlé.", "Mme Dupont a répondu.");
        assertThat(Segmenter.sentences("La Sra. García llegó a EE.UU. ayer. Después habló.", Language.of("es")))
                .containsExactly("La Sra. García llegó a EE.UU. ayer.", "Después habló.");
        assertThat(Segmenter.sentences(
                        "Проф. Иванов приехал в 2024 г. Москва встретила его. Все рады.", Language.of("ru")))
                .containsExactly("Проф. Иванов приехал в 2024 г. Москва встретила его.", "Все рады.");
        assertThat(Segmenter.sentences("Er kam am 25. Juni an. Dr. Müller wartete.", Language.of("de")))
                .containsExactly("Er kam am 25. Juni an.", "Dr. Müller wartete.");
    }

    @Test
    void should_treat_every_line_break_as_a_boundary_and_report_offsets() {
        // given
        String text = "  First line without stop\nSecond one. Third one!\n\n";

        // when
        List<Segmenter.Span> spans = Segmenter.sentenceSpans(text, EN);

        // then
        assertThat(spans)
                .extracting(Segmenter.Span::text)
                .containsExactly("First line without stop", "Second one.", "Third one!");
        for (Segmenter.Span s : spans) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
        }
        assertThat(Segmenter.paragraphs(text)).containsExactly("First line without stop", "Second one. Third one!");
    }

    @Test
    void should_not_split_urls_or_decimals_inside_words() {
        assertThat(Segmenter.sentences("See www.example.com for 2.5 million details. Done.", EN))
                .containsExactly("See www.example.com for 2.5 million details.", "Done.");
    }

    @Test
    void should_split_words_keeping_diacritics_numbers_apostrophes_and_hyphens_together() {
        // when
        List<String> words = Segmenter.words("Al-Assad's 1,000 men (1.5%) — don't stop. وَقَالَ الـرئيس ١٬٠٠٠ ");

        // then
        assertThat(words)
                .containsExactly("Al-Assad's", "1,000", "men", "1.5", "don't", "stop", "وَقَالَ", "الـرئيس", "١٬٠٠٠");
        assertThat(Segmenter.wordCount("Al-Assad's 1,000 men (1.5%) — don't stop. وَقَالَ الـرئيس ١٬٠٠٠ "))
                .isEqualTo(9);
    }

    @Test
    void should_return_nothing_for_null_or_blank_text() {
        assertThat(Segmenter.sentences(null, EN)).isEmpty();
        assertThat(Segmenter.sentences("  \n ", null)).isEmpty();
        assertThat(Segmenter.words(null)).isEmpty();
        assertThat(Segmenter.wordCount("   ")).isZero();
    }

    @Test
    void should_not_make_a_stray_full_stop_a_sentence_of_its_own() {
        // given: a full stop typed twice after an attribution, then the story goes on
        String text = "وقال المتحدث إن المحادثات ستستمر، وفق ما نقلته وكالة سبوتنيك. . وأضاف أن الوفد سيعود.";

        // when
        List<Segmenter.Span> spans = Segmenter.sentenceSpans(text, AR);
        List<String> shown = Segmenter.sentences(text, AR);

        // then: two sentences; the span still covers the stray stop, the shown text leaves it out
        assertThat(spans)
                .extracting(Segmenter.Span::text)
                .containsExactly(
                        "وقال المتحدث إن المحادثات ستستمر، وفق ما نقلته وكالة سبوتنيك. .", "وأضاف أن الوفد سيعود.");
        assertThat(shown)
                .containsExactly(
                        "وقال المتحدث إن المحادثات ستستمر، وفق ما نقلته وكالة سبوتنيك.", "وأضاف أن الوفد سيعود.");
    }

    @Test
    void should_attach_stray_punctuation_to_its_neighbour_on_the_same_line_only() {
        // given
        String text = "The talks ended. ! . Both sides left.\n. . The envoy stayed.\n...\nEnd of story. ?";

        // when
        List<Segmenter.Span> spans = Segmenter.sentenceSpans(text, EN);

        // then: no sentence without a word, except a line that holds nothing else
        assertThat(spans)
                .extracting(Segmenter.Span::text)
                .containsExactly(
                        "The talks ended. ! .", "Both sides left.", ". . The envoy stayed.", "...", "End of story. ?");
        assertThat(Segmenter.sentences(text, EN))
                .containsExactly("The talks ended.", "Both sides left.", "The envoy stayed.", "...", "End of story.");
        for (Segmenter.Span s : spans) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
        }
    }

    @Test
    void should_keep_a_closing_quote_after_a_space_in_the_shown_sentence() {
        // given: a closing guillemet typed after a space belongs to the quotation
        String text = "قال الوزير: «لن نتراجع عن موقفنا. » وغادر القاعة.";

        // when / then
        assertThat(String.join(" ", Segmenter.sentences(text, AR))).contains("موقفنا. »");
    }

    @Test
    void should_keep_a_single_guillemet_quotation_that_trails_off_with_the_sentence_going_on() {
        // given: the ellipsis closes the quotation, the sentence goes on after it
        String text = "قال الوزير ‹لن نتراجع…› وغادر القاعة. ثم عاد بعد ساعة.";

        // when / then
        assertThat(Segmenter.sentences(text, AR))
                .containsExactly("قال الوزير ‹لن نتراجع…› وغادر القاعة.", "ثم عاد بعد ساعة.");
    }
}

package dev.dragoman.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Article;
import dev.dragoman.core.Dateline;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.text.Segmenter;
import dev.dragoman.summarize.TestData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), ExtractiveSummarizer.Tuning.DEFAULT);

    private static final List<String> EGYPT_STORY_WORDS = List.of(
            "مصر", "المصري", "عبد العاطي", "الضبعة", "غزة", "لبنان", "ترامب", "المصدر", "الوكالة العربية السورية");

    @Test
    void should_summarize_the_seed_from_the_main_story_only() {
        // given: the seed, whose "read also" block is an Egypt–Russia story
        Article seed = TestData.seed();
        assertThat(seed.related()).isNotEmpty();

        for (SummaryLength length :
                List.of(SummaryLength.sentences(3), SummaryLength.ratio(1.0), SummaryLength.words(500))) {
            // when
            Summary summary = summarizer.summarize(seed, SummaryOptions.DEFAULT.withLength(length));

            // then: every sentence comes from the main story's body, none from the related story or the source line
            assertThat(summary.sentences()).isNotEmpty();
            for (String sentence : summary.sentences()) {
                assertThat(seed.bodyText()).contains(sentence);
                assertThat(sentence).doesNotContain(EGYPT_STORY_WORDS.toArray(String[]::new));
            }
            assertThat(summary.text()).doesNotContain("بدر عبد العاطي");
        }
    }

    @Test
    void should_stop_at_a_read_also_marker_and_skip_a_source_line_left_in_the_body() {
        // given: a hand-built article whose body still holds the wire's tail
        Article article = Article.builder()
                .language(Language.ARABIC)
                .headline("لوكاشينكو يؤكد دعم بلاده لروسيا")
                .paragraph(
                        "أكد الرئيس البيلاروسي ألكسندر لوكاشينكو أن لدى روسيا وبيلاروس مواقف مشتركة بشأن جميع القضايا.")
                .paragraph(
                        "وقال لوكاشينكو خلال لقائه وزير الخارجية الروسي سيرغي لافروف اليوم في مينسك إن لديهما تفاهما كاملا.")
                .paragraph("المصدر: الوكالة العربية السورية للأنباء")
                .paragraph("إقرأ أيضاً:")
                .paragraph("مصر وروسيا تبحثان مستجدات القضايا الإقليمية والدولية")
                .paragraph(
                        "بحث وزير الخارجية المصري بدر عبد العاطي ونظيره الروسي سيرغي لافروف العلاقات الثنائية بين مصر وروسيا.")
                .build();

        // when
        Summary summary = summarizer.summarize(article, SummaryOptions.DEFAULT.withLength(SummaryLength.ratio(1.0)));

        // then
        assertThat(summary.sentences()).hasSize(2);
        assertThat(summary.text()).doesNotContain("مصر").doesNotContain("المصدر");
    }

    @Test
    void should_return_sentences_in_document_order_and_be_deterministic() {
        // given
        Article seed = TestData.seed();
        SummaryOptions options = SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(3));

        // when
        Summary first = summarizer.summarize(seed, options);
        Summary second = summarizer.summarize(seed, options);

        // then
        assertThat(first).isEqualTo(second);
        List<Integer> positions =
                first.sentences().stream().map(s -> seed.bodyText().indexOf(s)).toList();
        assertThat(positions).isSorted().doesNotContain(-1);
        assertThat(first.backend()).isEqualTo("extractive");
        assertThat(first.model())
                .isEqualTo(ExtractiveSummarizer.LEARNED + "-"
                        + ScorerWeights.builtIn().version() + "/ar");
        assertThat(first.language()).isEqualTo(Language.ARABIC);
    }

    @Test
    void should_honour_sentence_ratio_and_word_lengths() {
        // given
        Article article = englishArticle();
        int total = MainStory.sentences(article).size();

        // when
        Summary two = summarizer.summarize(article, SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(2)));
        Summary half = summarizer.summarize(article, SummaryOptions.DEFAULT.withLength(SummaryLength.ratio(0.5)));
        Summary words = summarizer.summarize(article, SummaryOptions.DEFAULT.withLength(SummaryLength.words(40)));

        // then
        assertThat(two.sentences()).hasSize(2);
        assertThat(half.sentences()).hasSize(Math.round(total * 0.5f));
        int count = Segmenter.wordCount(words.text());
        assertThat(count).isBetween(20, 60);
    }

    @Test
    void should_not_pick_a_near_duplicate_of_a_chosen_sentence() {
        // given: sentence 2 repeats sentence 1 almost word for word
        Article article = Article.builder()
                .language(Language.ENGLISH)
                .headline("Flood hits river town")
                .paragraph("Heavy flooding forced thousands of residents to leave the river town of Ashford on Monday.")
                .paragraph(
                        "Heavy flooding forced thousands of residents to leave the river town of Ashford on Monday night.")
                .paragraph("Emergency crews rescued twelve people from rooftops as the water kept rising.")
                .paragraph("The mayor said schools would stay closed until the end of the week.")
                .build();

        // when
        Summary summary = summarizer.summarize(article, SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(2)));

        // then
        assertThat(summary.sentences()).hasSize(2);
        assertThat(summary.sentences().stream()
                        .filter(s -> s.startsWith("Heavy flooding"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void should_render_bullets_and_a_headline_cut_at_a_clause() {
        // given
        Article article = englishArticle();

        // when
        Summary bullets = summarizer.summarize(article, SummaryOptions.DEFAULT.withStyle(SummaryOptions.Style.BULLETS));
        Summary headline = summarizer.summarize(
                article,
                SummaryOptions.DEFAULT.withStyle(SummaryOptions.Style.HEADLINE).withLength(SummaryLength.words(12)));

        // then
        assertThat(bullets.text().lines()).hasSize(3).allMatch(l -> l.startsWith("- "));
        assertThat(headline.sentences()).hasSize(1);
        assertThat(Segmenter.wordCount(headline.text())).isLessThanOrEqualTo(12);
        assertThat(ExtractiveSummarizer.headline(
                        "The central bank raised its main interest rate by half a point on Thursday, the largest rise in a decade,"
                                + " as inflation reached a new high",
                        20))
                .isEqualTo("The central bank raised its main interest rate by half a point on Thursday");
    }

    @Test
    void should_use_the_generic_analyzer_for_a_language_lucene_does_not_analyse() {
        // given: Swahili
        Article article = Article.builder()
                .language(Language.of("sw"))
                .headline("Mvua kubwa yanyesha Nairobi")
                .paragraph("Mvua kubwa imenyesha jijini Nairobi na kusababisha mafuriko katika mitaa mingi ya mji.")
                .paragraph("Watu wengi wamekwama barabarani kwa saa kadhaa kutokana na mafuriko hayo makubwa.")
                .paragraph("Serikali imeahidi kusaidia familia zilizoathirika na mvua hiyo kubwa.")
                .build();

        // when
        Summary summary = summarizer.summarize(article, SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(1)));

        // then
        assertThat(summary.model()).endsWith("/generic");
        assertThat(summary.sentences()).hasSize(1);
    }

    @Test
    void should_refuse_another_output_language_and_an_empty_body() {
        assertThatThrownBy(() -> summarizer.summarize(
                        TestData.seed(), SummaryOptions.DEFAULT.withOutputLanguage(Language.ENGLISH)))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("brief")
                .extracting(e -> ((DragomanException) e).kind())
                .isEqualTo(DragomanException.Kind.CONFIGURATION);
        assertThatThrownBy(() -> summarizer.summarize(
                        Article.builder().headline("Only a headline").build(), SummaryOptions.DEFAULT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Only a headline")
                .hasMessageContaining("no body text");
    }

    @Test
    void should_rank_only_the_first_sentences_of_a_huge_text_and_say_so() {
        // given: far more sentences than any news story
        Article.Builder b = Article.builder().language(Language.ENGLISH).headline("Minutes of the meeting");
        for (int i = 0; i < ExtractiveSummarizer.MAX_SENTENCES + 20; i++) {
            b.paragraph("Item " + i + " was discussed by the committee members at length today.");
        }

        // when
        Summary summary = summarizer.summarize(b.build(), SummaryOptions.DEFAULT);

        // then
        assertThat(summary.sentences()).hasSize(3);
        assertThat(summary.warnings())
                .singleElement()
                .asString()
                .contains((ExtractiveSummarizer.MAX_SENTENCES + 20) + " sentences")
                .contains("first 1500");
    }

    static Article englishArticle() {
        return Article.builder()
                .language(Language.ENGLISH)
                .headline("Central bank raises rates to fight inflation")
                .paragraph(
                        "The central bank raised its main interest rate by half a point on Thursday, the largest rise"
                                + " in a decade, as inflation reached a new high. Mr. Smith, the governor, said the move was needed.")
                .paragraph(
                        "Inflation rose to 9.1 percent in May, driven by energy and food prices, official figures show."
                                + " Economists had expected a smaller increase.")
                .paragraph(
                        "The decision means higher mortgage payments for about 2,000,000 households. Banks are expected"
                                + " to pass on the rise within weeks.")
                .paragraph("Opposition politicians criticised the bank for acting too late. The governor rejected the"
                        + " criticism and said rates could rise again.")
                .paragraph("Shares fell slightly after the announcement. The currency strengthened against the dollar.")
                .build();
    }

    @Test
    void should_carry_the_dates_of_relative_day_words_when_the_article_is_dated_and_none_otherwise() {
        // given: the seed (dated 25 June 2024) says Lukashenko met Lavrov "اليوم"
        Article seed = TestData.seed();
        Article undated = seed.toBuilder().published(null).build();
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
        SummaryOptions options = SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(3));

        // when
        Summary dated = summarizer.summarize(seed, options);
        Summary plain = summarizer.summarize(undated, options);

        // then
        assertThat(dated.text()).contains("اليوم");
        assertThat(dated.anchors())
                .contains(new dev.dragoman.core.summary.TimeAnchor("اليوم", java.time.LocalDate.of(2024, 6, 25)));
        assertThat(plain.text()).isEqualTo(dated.text());
        assertThat(plain.anchors()).isEmpty();
    }

    @Test
    void should_cut_a_dateline_that_opens_the_lede_out_of_the_summary() {
        // given: Arabic and English stories whose first paragraph still opens with its dateline (JSON input)
        Article arabic = Article.builder()
                .language(Language.ARABIC)
                .headline("ولي العهد السعودي يحدد موعد طرح أرامكو")
                .paragraph("دبي، الإمارات العربية المتحدة (CNN)-- حدد ولي العهد السعودي، الأمير محمد بن سلمان، موعد"
                        + " طرح شركة أرامكو للاكتتاب العام، حسب ما نقلته وكالة بلومبرج، الجمعة.")
                .paragraph("وتعهد الأمير محمد بن سلمان بأن يكون الاكتتاب العام الأولي لشركة أرامكو بحلول عام 2021.")
                .build();
        Article english = Article.builder()
                .language(Language.ENGLISH)
                .headline("France raises its minimum wage")
                .paragraph("PARIS (AFP) – The French government raised the minimum wage by two percent on Monday,"
                        + " the labour ministry said.")
                .paragraph("The rise takes effect in January and covers about two million workers.")
                .build();

        // when
        Summary ar = summarizer.summarize(arabic, SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(1)));
        Summary en = summarizer.summarize(english, SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(1)));

        // then: the lede without where and by whom it was filed
        assertThat(ar.text())
                .startsWith("حدد ولي العهد السعودي")
                .doesNotContain("CNN")
                .doesNotContain("دبي");
        assertThat(en.text()).startsWith("The French government raised").doesNotContain("AFP");
    }

    @Test
    void should_keep_the_lede_whole_when_the_article_has_its_dateline_or_none_opens_it() {
        // given: a reader already took the dateline (so "(AFP)" in the body is text), and a lede without one
        Article read = Article.builder()
                .language(Language.ENGLISH)
                .dateline(Dateline.of("Paris", "AFP"))
                .paragraph("LYON (AFP) - the rest of this paragraph is body text quoted from another wire story.")
                .build();
        Article plain = Article.builder()
                .language(Language.ARABIC)
                .paragraph("قالت البحرين إن حقلا للنفط اكتشف مؤخرا يحتوي على نحو 80 مليار برميل من النفط.")
                .build();

        // when
        List<MainStory.Sentence> readSentences = ExtractiveSummarizer.withoutDateline(MainStory.sentences(read), read);
        List<MainStory.Sentence> plainSentences =
                ExtractiveSummarizer.withoutDateline(MainStory.sentences(plain), plain);

        // then
        assertThat(readSentences).isEqualTo(MainStory.sentences(read));
        assertThat(plainSentences).isEqualTo(MainStory.sentences(plain));
    }

    @Test
    void should_cut_a_sentence_longer_than_the_word_budget_at_the_clause_boundary_closest_to_it() {
        // given: a lede of 35 words whose trailing clauses are circumstance and attribution
        Article article = Article.builder()
                .language(Language.ARABIC)
                .headline("الرئيس الروسي يقول إن تنظيم داعش هزم في سوريا")
                .paragraph("قال الرئيس الروسي فلاديمير بوتين، إن تنظيم \"داعش\" قد هزم في سوريا إلا أنه يحمل"
                        + " \"قدرات مدمرة\"، في تصريح أعلن بالنيابة عنه أمام الحاضرين بمؤتمر موسكو للأمن الدولي،"
                        + " الاربعاء، وفقا لما نقلته وكالة نوفوستي الرسمية.")
                .paragraph("وأضاف بوتين أن روسيا ستواصل دعم الحكومة السورية في حربها على الإرهاب.")
                .build();

        // when: 16 words asked; the boundaries after the quotation, "الدولي" and "الاربعاء" give 17, 28 and 29 words
        Summary summary = summarizer.summarize(article, SummaryOptions.DEFAULT.withLength(SummaryLength.words(16)));
        Summary whole = summarizer.summarize(article, SummaryOptions.DEFAULT.withLength(SummaryLength.words(40)));

        // then: the lede's own prefix up to the closest boundary, no quotation left open, nothing added
        assertThat(summary.sentences())
                .containsExactly("قال الرئيس الروسي فلاديمير بوتين، إن تنظيم \"داعش\" قد هزم"
                        + " في سوريا إلا أنه يحمل \"قدرات مدمرة\"");
        assertThat(article.bodyText()).contains(summary.text());
        assertThat(whole.sentences().get(0)).endsWith("الرسمية.");
    }

    @Test
    void should_not_cut_inside_a_quotation_or_a_number_nor_leave_fewer_than_six_words() {
        // given
        MainStory.Sentence quoted =
                sentence("The minister said \"we will act, and we will act fast, whatever it costs\" on Monday.");
        MainStory.Sentence number =
                sentence("Exports of wheat from the region rose to 1,500 tonnes in the first quarter of the year.");
        MainStory.Sentence shortClause = sentence("In Paris, the French government raised the minimum wage again.");
        MainStory.Sentence clauses = sentence("The French government raised the minimum wage again, the labour"
                + " ministry said on Monday, adding that more rises would follow.");

        // when / then: no boundary fits the first three, so they stay whole; the last is cut where told
        assertThat(ExtractiveSummarizer.toBudget(quoted, 6)).isEqualTo(quoted);
        assertThat(ExtractiveSummarizer.toBudget(number, 9)).isEqualTo(number);
        assertThat(ExtractiveSummarizer.toBudget(shortClause, 2)).isEqualTo(shortClause);
        assertThat(ExtractiveSummarizer.toBudget(clauses, 8).text())
                .isEqualTo("The French government raised the minimum wage again");
        assertThat(ExtractiveSummarizer.toBudget(clauses, 13).text())
                .isEqualTo("The French government raised the minimum wage again, the labour ministry said on Monday");
    }

    private static MainStory.Sentence sentence(String text) {
        return new MainStory.Sentence(0, 0, 0, text, Segmenter.wordCount(text));
    }
}

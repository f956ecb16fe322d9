package dev.dragoman.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import org.junit.jupiter.api.Test;

class SentenceFeaturesTest {

    private static double feature(String name, String sentence, int index, boolean datelined) {
        MainStory.Sentence s = new MainStory.Sentence(index, 0, index, sentence, sentence.split("\\s+").length);
        return SentenceFeatures.of(s, 5, 0.5, 0.1, 0.2, 12, datelined)[SentenceFeatures.NAMES.indexOf(name)];
    }

    @Test
    void should_mark_opinion_and_partnership_disclaimers_in_arabic_english_and_french() {
        assertThat(feature(
                        "disclaimer",
                        "هذا المقال بقلم بشار جرار، والآراء الواردة أدناه تعبر عن رأي الكاتب ولا تعكس بالضرورة وجهة نظر شبكة CNN.",
                        0,
                        false))
                .isEqualTo(1);
        assertThat(feature("disclaimer", "نشر هذا المقال بالتعاون مع موقع التوظيف الإلكتروني بيت.كوم", 0, false))
                .isEqualTo(1);
        assertThat(feature(
                        "disclaimer",
                        "The opinions expressed in this commentary are solely those of the author.",
                        0,
                        false))
                .isEqualTo(1);
        assertThat(feature("disclaimer", "Les opinions exprimées ici n'engagent que leur auteur.", 0, false))
                .isEqualTo(1);
        assertThat(feature("disclaimer", "أعلنت الحكومة اليوم عن خطة جديدة لتطوير شبكة الطرق في البلاد.", 0, false))
                .isZero();
    }

    @Test
    void should_mark_attribution_openings_datelined_ledes_and_announcing_sentences() {
        assertThat(feature("attribution", "وأضاف الوزير أن الخطة ستنفذ على مراحل خلال العام المقبل.", 2, false))
                .isEqualTo(1);
        assertThat(feature("attribution", "He said the plan would be carried out in stages next year.", 2, false))
                .isEqualTo(1);
        assertThat(feature("attribution", "Il a ajouté que le plan serait mis en œuvre par étapes.", 2, false))
                .isEqualTo(1);
        assertThat(feature("attribution", "والقاهرة مدينة كبيرة يسكنها ملايين الناس من كل المحافظات.", 2, false))
                .isZero();
        // a dateline in the text, or one the reader moved into the article: only the first sentence counts
        assertThat(feature(
                        "datelineLede",
                        "دبي، الإمارات العربية المتحدة (CNN)-- تستمر عمليات إخلاء المدنيين من منطقة الغوطة الشرقية.",
                        0,
                        false))
                .isEqualTo(1);
        assertThat(feature("datelineLede", "تستمر عمليات إخلاء المدنيين من منطقة الغوطة الشرقية في ريف دمشق.", 0, true))
                .isEqualTo(1);
        assertThat(feature(
                        "datelineLede", "تستمر عمليات إخلاء المدنيين من منطقة الغوطة الشرقية في ريف دمشق.", 0, false))
                .isZero();
        assertThat(feature("datelineLede", "تستمر عمليات إخلاء المدنيين من منطقة الغوطة الشرقية في ريف دمشق.", 1, true))
                .isZero();
        assertThat(feature("announces", "في ما يلي نستعرض التسلسل الزمني لتاريخ النزاع بشأن مياه النيل:", 3, false))
                .isEqualTo(1);
        assertThat(feature("announces", "Here are five things to know about the summit:", 3, false))
                .isEqualTo(1);
    }

    @Test
    void should_skip_a_disclaimer_lede_with_the_shipped_arabic_weights() {
        // given: an op-ed whose first sentence is the outlet's disclaimer
        Article article = Article.builder()
                .language(Language.ARABIC)
                .headline("متى سيأتي دور أفغانستان؟")
                .paragraph("هذا المقال بقلم كاتبة صحفية، والآراء الواردة أدناه تعبّر عن رأي الكاتبة، ولا تعكس بالضرورة"
                        + " وجهة نظر الشبكة.")
                .paragraph("خرج الناخبون من بيوتهم وذهبوا إلى مكاتب التسجيل ومعهم شهادات ميلادهم ليسجلوا من أجل التصويت"
                        + " في الانتخابات البرلمانية القادمة في أفغانستان.")
                .paragraph("وقالت اللجنة الانتخابية إن عدد المسجلين تجاوز مليوني ناخب في الأسابيع الأولى من التسجيل.")
                .build();
        // when
        var summary = new ExtractiveSummarizer()
                .summarize(article, SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(1)));
        // then
        assertThat(summary.sentences()).singleElement().asString().startsWith("خرج الناخبون");
    }
}

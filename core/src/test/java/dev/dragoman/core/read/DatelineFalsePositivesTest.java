package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** First paragraphs that look a little like datelines but are sentences: they stay whole, no dateline is made up. */
class DatelineFalsePositivesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "أعلنت وزارة الصحة (الاثنين) - تسجيل إصابات جديدة بالفيروس في عدة محافظات.",
                "قال الرئيس (المصري) إن بلاده ستواصل دعم الحوار بين الأطراف.",
                "غزة - إسرائيل تقصف مواقع في القطاع وتقول إنها ترد على إطلاق صواريخ.",
                "الثلاثاء 25 يونيو 2024 شهد اجتماعا مهما بين الطرفين في العاصمة.",
                "The minister (left) said on Tuesday that talks would resume next week.",
                "Tuesday, June 25 - The talks resumed after a two-week pause.",
            })
    void should_keep_a_sentence_that_merely_resembles_a_dateline(String firstParagraph) {
        // given
        String text = "Headline of the story\n" + firstParagraph + "\nSecond paragraph.\n";
        // when
        Article a = ArticleReaders.wireAndJson().readArticle(text.getBytes(StandardCharsets.UTF_8), "fp.txt");
        // then
        assertThat(a.dateline()).isNull();
        assertThat(a.paragraphTexts().get(0)).isEqualTo(firstParagraph);
    }
}

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
                "Smith, who spoke to AFP - and to no one else - said the talks had failed.",
                "Officials, speaking to Reuters: the talks will resume next week.",
                "Damascus, as SANA reported - the talks resumed after a pause.",
                "Damascus, June 25, SANA reported that the talks resumed after a pause.",
                "Residents, June 25, told AP that the water had been cut.",
                "BREAKING: The talks resumed after a two-week pause.",
                "UPDATE: The talks resumed after a two-week pause.",
                "EDITOR'S NOTE: The talks resumed after a two-week pause.",
                "US: the talks resumed after a two-week pause.",
                "LIVE UPDATES: The talks resumed after a two-week pause.",
                "WORLD: The talks resumed after a two-week pause.",
                "Smith, who told AFP. The talks had failed, he said.",
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

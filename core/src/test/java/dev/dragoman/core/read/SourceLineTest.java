package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A source line names its source: the full stops typed after the name are not part of it. */
class SourceLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "المصدر: سبوتنيك. . | سبوتنيك",
                "المصدر: سبوتنيك. | سبوتنيك",
                "المصدر : سبوتنيك . | سبوتنيك",
                "المصدر: وكالة سبوتنيك،  | وكالة سبوتنيك",
                "Source: Reuters. | Reuters",
                "Source: A.P. | A.P.",
                "المصدر: الوكالة العربية السورية للأنباء | الوكالة العربية السورية للأنباء",
            })
    void should_keep_the_source_name_without_the_stops_after_it(String sourceLine, String expected) {
        // given
        String text = "عنوان الخبر\nموسكو-سانا\nأكد الرئيس أن المحادثات مهمة جدا للبلدين.\n" + sourceLine + "\n";
        // when
        Article a = ArticleReaders.wireAndJson().readArticle(text.getBytes(StandardCharsets.UTF_8), "source.txt");
        // then
        assertThat(a.source()).isEqualTo(expected);
        assertThat(a.paragraphTexts()).containsExactly("أكد الرئيس أن المحادثات مهمة جدا للبلدين.");
    }
}

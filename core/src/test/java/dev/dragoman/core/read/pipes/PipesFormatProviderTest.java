package dev.dragoman.core.read.pipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Article;
import dev.dragoman.core.Paragraph;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.read.ArticleReaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipesFormatProviderTest {

    private final ArticleReaders readers = ArticleReaders.standard();

    @Test
    void should_read_a_format_that_only_a_provider_on_the_test_class_path_knows() {
        // given
        String text = PipesFormatProvider.MAGIC + "\n"
                + "Talks resume in Cairo|The delegations met on Tuesday.|A statement followed in the evening.\n"
                + "Rain expected|Forecasters expect rain across the region on Friday.\n";
        // when
        List<Article> articles = readers.read(text.getBytes(StandardCharsets.UTF_8), "digest.pipes");
        // then
        assertThat(readers.formats()).startsWith("pipes").contains("json", "html", "wire-text");
        assertThat(articles).extracting(Article::headline).containsExactly("Talks resume in Cairo", "Rain expected");
        assertThat(articles.get(0).paragraphs())
                .extracting(Paragraph::text)
                .containsExactly("The delegations met on Tuesday.", "A statement followed in the evening.");
        assertThat(articles.get(0).language())
                .as("languages are still detected by ArticleReaders")
                .isNotNull();
    }

    @Test
    void should_leave_other_input_to_the_built_in_formats() {
        // when
        Article wire = readers.readArticle(
                "Talks resume in Cairo\n\nThe delegations met on Tuesday.\n".getBytes(StandardCharsets.UTF_8),
                "story.txt");
        // then
        assertThat(wire.headline()).isEqualTo("Talks resume in Cairo");
    }

    @Test
    void should_report_bad_input_of_the_provided_format_as_invalid_input() {
        assertThatThrownBy(() -> readers.read(
                        (PipesFormatProvider.MAGIC + "\nno paragraph here\n").getBytes(StandardCharsets.UTF_8), "x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a headline and a paragraph");
    }
}

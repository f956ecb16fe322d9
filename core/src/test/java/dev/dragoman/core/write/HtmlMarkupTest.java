package dev.dragoman.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.summary.Summary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text from articles and backends is text in every HTML output; only http(s) URLs may become links. */
class HtmlMarkupTest {

    private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

    private static Article hostile() {
        return Article.builder()
                .language(Language.ENGLISH)
                .headline(HOSTILE)
                .paragraph(HOSTILE + " paragraph")
                .source(HOSTILE)
                .url("javascript:alert(3)")
                .addRelated(Article.builder()
                        .language(Language.ENGLISH)
                        .headline(HOSTILE)
                        .paragraph(HOSTILE)
                        .build())
                .build();
    }

    private static void assertInert(String html) {
        assertThat(html).doesNotContain("<script", "<img", "javascript:alert(3)\"", "href=\"javascript");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void should_escape_markup_in_article_summary_and_bilingual_html() {
        Article a = hostile();
        Summary s = new Summary(
                HOSTILE,
                List.of(HOSTILE),
                Language.ENGLISH,
                "<b>backend</b>",
                null,
                null,
                Instant.EPOCH,
                false,
                List.of(HOSTILE));
        assertInert(ArticleWriter.of(OutputFormat.HTML).write(a));
        assertInert(new SummaryWriter(OutputFormat.HTML).write(a, s));
        assertInert(new BilingualWriter(OutputFormat.HTML).write(a, a));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JAVASCRIPT:alert(1)",
                " javascript:alert(1)",
                "data:text/html,x",
                "vbscript:x",
                "//evil.example/x",
                "/relative",
                "https://ok.example/\" onclick=\"x",
                "https://",
                "http://a b",
                "file:///etc/passwd"
            })
    void should_never_link_a_url_that_is_not_absolute_http(String url) {
        assertThat(HtmlArticleWriter.linkable(url)).isNull();
    }

    @Test
    void should_link_absolute_http_and_https_urls() {
        assertThat(HtmlArticleWriter.linkable("https://sana.sy/?p=1&q=2")).isEqualTo("https://sana.sy/?p=1&q=2");
        assertThat(HtmlArticleWriter.linkable("http://example.com/a")).isEqualTo("http://example.com/a");
    }
}

package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.Paragraph;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleReadersTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"headline\":\"x\"} | a.txt | json",
                "[{\"headline\":\"x\"}] | a.txt | json",
                "[] | a.json | json",
                "{\"headline\":\"x\"} | a.jsonl | json-lines",
                "<!DOCTYPE html><html><body><p>x</p></body></html> | a.txt | html",
                "<html lang=\"ar\"><p>x</p></html> | a | html",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss> | a | feed",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed> | a | feed",
                "<div>fragment</div> | page.html | html",
                "headline\\nbody | a.json | wire-text",
                "[عاجل] headline | a.txt | wire-text",
                "<< not markup | a.txt | wire-text",
            })
    void should_sniff_the_format(String text, String name, String expected) {
        assertThat(ArticleReaders.standard().format(text.replace("\\n", "\n"), name))
                .isEqualTo(expected);
    }

    @Test
    void should_sniff_several_one_line_objects_as_json_lines() {
        assertThat(ArticleReaders.standard().format("{\"headline\":\"a\"}\n{\"headline\":\"b\"}\n", "x"))
                .isEqualTo("json-lines");
    }

    @Test
    void should_read_back_what_the_model_writes_as_json_and_json_lines() throws Exception {
        // given
        Article seed = ArticleReaders.standard().read(SeedStoryTest.seed()).get(0);
        String json = Json.mapper().writeValueAsString(seed);
        String jsonl = json + "\n\n" + json + "\n";
        // when
        Article fromJson = ArticleReaders.standard().readArticle(utf8(json), "seed.json");
        List<Article> fromLines = ArticleReaders.standard().read(utf8(jsonl), "seeds.jsonl");
        // then
        assertThat(fromJson).isEqualTo(seed);
        assertThat(fromLines).containsExactly(seed, seed);
    }

    @Test
    void should_detect_the_language_of_json_articles_that_do_not_state_it() {
        Article a = ArticleReaders.standard()
                .readArticle(
                        utf8("{\"headline\":\"Le président appelle au calme\","
                                + "\"paragraphs\":[{\"text\":\"Le président de la République a appelé mardi au calme après deux nuits de"
                                + " manifestations dans plusieurs villes.\"}]}"),
                        "fr.json");
        assertThat(a.language()).isEqualTo(Language.FRENCH);
        assertThat(a.languageConfidence()).isBetween(0.0, 1.0);
        Article stated =
                ArticleReaders.standard().readArticle(utf8("{\"headline\":\"x\",\"language\":\"de\"}"), "de.json");
        assertThat(stated.language()).isEqualTo(Language.of("de"));
    }

    @Test
    void should_report_malformed_json_with_line_and_column() {
        assertThatThrownBy(() -> ArticleReaders.standard()
                        .read(utf8("{\n  \"headline\": \"x\",\n  \"paragraphs\": [\n}"), "bad.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("malformed JSON")
                .hasMessageContaining("line 4");
    }

    @Test
    void should_report_the_file_line_of_a_bad_json_lines_record() {
        String text = "{\"headline\":\"a\"}\n{\"headline\":\"b\"}\n{\"headline\": oops}\n";
        assertThatThrownBy(() -> ArticleReaders.standard().read(utf8(text), "batch.jsonl"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("batch.jsonl")
                .hasMessageContaining("line 3")
                .hasMessageContaining("column");
    }

    @Test
    void should_read_paragraphs_written_as_plain_strings() {
        // when
        Article a = ArticleReaders.standard()
                .readArticle(utf8("{\"headline\":\"x\",\"paragraphs\":[\"one.\",{\"text\":\"two.\"}]}"), "p.json");
        // then
        assertThat(a.paragraphs()).extracting(Paragraph::text).containsExactly("one.", "two.");
    }

    @Test
    void should_name_the_field_of_a_wrong_kind_without_java_class_names() {
        assertThatThrownBy(() -> ArticleReaders.standard()
                        .read(utf8("{\"headline\":\"x\",\"paragraphs\":[\"ok\", [1]]}"), "kinds.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kinds.json")
                .hasMessageContaining("paragraphs[1]")
                .hasMessageNotContaining("dev.dragoman")
                .hasMessageNotContaining("Cannot construct");
    }

    @Test
    void should_read_a_json_article_without_a_headline_as_an_empty_headline_like_every_reader() {
        // when
        Article article = ArticleReaders.standard().readArticle(utf8("{\"paragraphs\":[\"p\"]}"), "body-only.json");

        // then: never null, never invented
        assertThat(article.headline()).isEmpty();
        assertThat(article.paragraphTexts()).containsExactly("p");
    }

    @Test
    void should_refuse_json_that_is_not_an_article() {
        assertThatThrownBy(() -> ArticleReaders.standard().read(utf8("{\"title\":\"x\"}"), "other.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("neither a headline nor paragraphs");
        assertThatThrownBy(() -> ArticleReaders.standard().read(utf8("[1, 2]"), "nums.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected an article object");
        assertThatThrownBy(() -> ArticleReaders.standard().read(utf8("[]"), "empty.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no article found");
        assertThatThrownBy(() -> ArticleReaders.standard()
                        .read(utf8("{\"headline\":\"x\",\"paragraphs\":[{\"text\":null}]}"), "nulltext.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nulltext.json");
    }

    @Test
    void should_say_clearly_when_a_format_has_no_reader() {
        byte[] html = utf8("<!DOCTYPE html><html><body><article><p>text</p></article></body></html>");
        assertThatThrownBy(() -> ArticleReaders.wireAndJson().read(html, "page.html"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("page.html")
                .hasMessageContaining("HTML page")
                .hasMessageContaining("cannot read");
        assertThat(ArticleReaders.wireAndJson().formats()).containsExactly("json-lines", "json", "wire-text");
        assertThat(ArticleReaders.standard().formats()).contains("feed", "html");
    }

    @Test
    void should_refuse_a_reader_for_a_format_it_does_not_know_naming_the_known_ones() {
        // when / then
        assertThatThrownBy(() -> ArticleReaders.wireAndJson().withReader("html", (text, name) -> List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'html'")
                .hasMessageContaining("json-lines, json, wire-text");
    }

    @Test
    void should_dispatch_to_a_registered_reader() {
        ArticleReaders readers = ArticleReaders.standard()
                .withReader(
                        "html",
                        (text, name) -> List.of(
                                Article.builder().headline("from " + name).build()));
        Article a = readers.readArticle(utf8("<html><body>x</body></html>"), "p.html");
        assertThat(a.headline()).isEqualTo("from p.html");
    }

    @Test
    void should_read_an_rss_feed_file_into_one_article_per_item() {
        String rss =
                "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>وكالة</title>"
                        + "<item><guid>1</guid><title>عنوان الخبر الأول</title><description>نص قصير للخبر الأول…</description></item>"
                        + "<item><guid>2</guid><title>عنوان الخبر الثاني</title><link>https://example.org/2</link>"
                        + "<description>نص قصير للخبر الثاني…</description></item>"
                        + "</channel></rss>";
        List<Article> articles = ArticleReaders.standard().read(rss.getBytes(InputDecoder.WINDOWS_1256), "feed.xml");
        assertThat(articles).extracting(Article::headline).containsExactly("عنوان الخبر الأول", "عنوان الخبر الثاني");
        assertThat(articles).allSatisfy(a -> assertThat(a.metadata()).containsEntry("teaser", "true"));
        assertThat(articles.get(0).language()).isEqualTo(Language.ARABIC);
    }

    @Test
    void should_require_exactly_one_article_from_read_article() throws Exception {
        Article seed = ArticleReaders.standard().read(SeedStoryTest.seed()).get(0);
        String json = Json.mapper().writeValueAsString(seed);
        assertThatThrownBy(() -> ArticleReaders.standard().readArticle(utf8(json + "\n" + json), "two.jsonl"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2 articles");
    }

    @Test
    void should_read_a_file_path(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("story.txt");
        Files.writeString(file, "Headline here\nPARIS (AFP) - Body text of the story.\n", StandardCharsets.UTF_8);
        Article a = ArticleReaders.standard().readArticle(file);
        assertThat(a.headline()).isEqualTo("Headline here");
        assertThat(a.dateline().agency()).isEqualTo("AFP");
    }

    @Test
    void should_keep_every_repeated_source_line_and_every_paragraph_of_a_long_wire_story() {
        // a hostile or broken wire file: a source line after every paragraph (this was quadratic in the lines)
        StringBuilder text = new StringBuilder("الرئيس يبحث التعاون مع موسكو\n\nدمشق-سانا\n\n");
        for (int i = 0; i < 2000; i++) {
            text.append("بحث الرئيس التعاون الاقتصادي في الفقرة رقم ")
                    .append(i)
                    .append(".\n\nالمصدر: سانا ")
                    .append(i);
            text.append("\n\n");
        }

        Article a = ArticleReaders.standard().readArticle(text.toString().getBytes(StandardCharsets.UTF_8), "x.txt");

        assertThat(a.source()).isEqualTo("سانا 0");
        assertThat(a.metadata().get("otherSources").split(" \\| "))
                .hasSize(1999)
                .endsWith("سانا 1999");
    }
}

package dev.dragoman.core.hostile;

import static dev.dragoman.core.hostile.Hostile.correctOrClearError;
import static dev.dragoman.core.hostile.Hostile.squash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.read.html.HtmlArticleReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/** The HTML article reader, tried as a hostile user would. */
class HtmlReaderHostileTest {

    private final HtmlArticleReader reader = new HtmlArticleReader();

    @Property(tries = 200)
    void should_read_any_unicode_text_in_a_page_or_refuse_it_clearly(@ForAll @StringLength(max = 3000) String text) {
        String html = "<html><head><title>t</title></head><body><article><p>" + Entities.escape(text)
                + "</p></article></body></html>";
        correctOrClearError("page.html", () -> reader.read(html, "page.html"), article -> {
            assertThat(article.paragraphs()).isNotEmpty();
            assertThat(article.headline()).isNotNull();
        });
    }

    @Property(tries = 200)
    void should_read_any_bytes_as_a_page_or_refuse_them_clearly(@ForAll @Size(max = 4000) byte[] bytes) {
        correctOrClearError(
                "page.html",
                () -> reader.read(bytes, "page.html"),
                article -> assertThat(article.paragraphs()).isNotEmpty());
    }

    @Property(tries = 100)
    void should_keep_every_paragraph_of_mixed_rtl_and_ltr_text_in_logical_order(
            @ForAll("mixedParagraphs") List<String> paragraphs) {
        // given
        StringBuilder html = new StringBuilder("<html lang=\"ar\" dir=\"rtl\"><head><title>عنوان الخبر</title></head>"
                + "<body><article><h1>عنوان الخبر الرئيسي اليوم</h1>");
        paragraphs.forEach(p -> html.append("<p>").append(Entities.escape(p)).append("</p>"));
        html.append("</article></body></html>");

        // when
        Article article = correctOrClearError(null, () -> reader.read(html.toString(), "rtl.html"), a -> {})
                .orElseThrow();

        // then
        assertThat(article.paragraphTexts())
                .extracting(Hostile::squash)
                .containsExactlyElementsOf(
                        paragraphs.stream().map(Hostile::squash).toList());
    }

    @Provide
    Arbitrary<List<String>> mixedParagraphs() {
        Arbitrary<String> arabic = Arbitraries.of(
                "الرئيس", "الحكومة", "مؤتمر", "الاقتصاد", "دمشق", "٢٠٢٤", "موسكو", "وزير", "الخارجية", "المنطقة");
        Arbitrary<String> latin = Arbitraries.of(
                "Reuters",
                "UN",
                "COVID-19",
                "5G",
                "NATO",
                "Lukashenko",
                "OPEC+",
                "3.5%",
                "https://example.org/a?b=c",
                "e-mail");
        Arbitrary<String> controls = Arbitraries.of("\u200F", "\u200E", "\u202B", "\u202C", "\u2067", "\u2069", "");
        Arbitrary<String> word = Arbitraries.oneOf(
                arabic, latin, Combinators.combine(controls, arabic).as((c, w) -> c + w));
        Arbitrary<String> paragraph = word.list()
                .ofMinSize(14)
                .ofMaxSize(40)
                .map(words -> String.join(" ", words) + "، " + String.join(" ", words.subList(0, 6)) + ".");
        return paragraph.list().ofMinSize(2).ofMaxSize(6).uniqueElements();
    }

    @Test
    void should_read_a_page_with_a_two_megabyte_line_without_hanging() {
        // given
        StringBuilder line = new StringBuilder();
        while (line.length() < 2_000_000) {
            line.append("أكد الوزير أن التعاون مستمر، وقال إن Reuters نقلت الخبر ");
        }
        String html = "<html><body><article><h1>عنوان</h1><p>" + line + "</p></article></body></html>";

        // when / then
        correctOrClearError(
                null,
                () -> reader.read(html, "long.html"),
                article -> assertThat(article.paragraphTexts().get(0)).hasSizeGreaterThan(1_900_000));
    }

    @Test
    void should_not_let_nul_bytes_break_a_page() {
        // given
        String body = "أكد الرئيس أن التعاون بين البلدين مستمر في جميع المجالات الاقتصادية والسياسية والثقافية،"
                + " وقال إن الاجتماع المقبل سيعقد في دمشق";
        byte[] html = ("<html><body><article><h1>عنوان\u0000الخبر</h1><p>" + body + "\u0000 " + body + "</p><p>" + body
                        + "</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8);

        // when / then
        correctOrClearError("nul.html", () -> reader.read(html, "nul.html"), article -> {
            assertThat(article.paragraphs()).isNotEmpty();
            for (String p : article.paragraphTexts()) {
                assertThat(p).doesNotContain("\u0000");
            }
        });
    }

    @Test
    void should_refuse_a_page_with_no_text_naming_it() {
        correctOrClearError(
                "empty.html", () -> reader.read("<html><body><nav>x</nav></body></html>", "empty.html"), article -> {
                    throw new AssertionError("a page without text must be refused, got " + article);
                });
    }

    @Test
    void should_read_a_windows_1256_page_that_declares_its_charset() {
        // given
        String body = "أكد الرئيس أن التعاون بين البلدين مستمر في جميع المجالات الاقتصادية والسياسية والثقافية، "
                + "وقال إن الاجتماع المقبل سيعقد في دمشق خلال الشهر المقبل لبحث الملفات العالقة.";
        byte[] html = ("<html><head><meta charset=\"windows-1256\"><title>خبر</title></head><body><article><p>" + body
                        + "</p></article></body></html>")
                .getBytes(java.nio.charset.Charset.forName("windows-1256"));

        // when / then
        correctOrClearError(
                null,
                () -> reader.read(html, "cp1256.html"),
                article -> assertThat(squash(String.join(" ", article.paragraphTexts())))
                        .isEqualTo(body));
    }
}

package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.Paragraph;
import dev.dragoman.core.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever it is fed, the reader returns an article or throws {@link InvalidInputException} — no other exception,
 * no hang — and never loses a line of text.
 */
class WireReaderPropertiesTest {

    /** The words of labels and markers, which the reader turns into structure rather than keeping as text. */
    private static final java.util.Set<String> LABEL_WORDS = java.util.Set.of(
            "تاريخ",
            "النشر",
            "المصدر",
            "إقرأ",
            "أيضاً",
            "اقرأ",
            "أيضا",
            "Published",
            "Read",
            "more",
            "Lire",
            "aussi",
            "Source");

    private final ArticleReaders readers = ArticleReaders.wireAndJson();

    private List<Article> readOrClearError(byte[] bytes) {
        try {
            List<Article> articles = readers.read(bytes, "prop.txt");
            assertThat(articles).isNotEmpty();
            return articles;
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).startsWith("prop.txt");
            return List.of();
        }
    }

    @Property(tries = 300)
    void should_read_any_unicode_text_or_refuse_it_clearly(@ForAll @StringLength(max = 2000) String text) {
        readOrClearError(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void should_read_any_bytes_or_refuse_them_clearly(@ForAll @Size(max = 3000) byte[] bytes) {
        readOrClearError(bytes);
    }

    @Property(tries = 200)
    void should_keep_every_word_of_mixed_rtl_ltr_wire_copy(@ForAll("wireCopy") String text) {
        // when
        List<Article> articles = readOrClearError(text.getBytes(StandardCharsets.UTF_8));
        // then: every token of the input is somewhere in the result (nothing silently dropped)
        if (articles.isEmpty()) {
            return;
        }
        String everything = dump(articles.get(0));
        for (String token : text.split("[^\\p{L}\\p{N}\\p{M}]+")) {
            if (!token.isBlank() && !LABEL_WORDS.contains(token)) {
                assertThat(everything).as("token %s of %s", token, text).contains(token);
            }
        }
    }

    @Property(tries = 5)
    void should_read_very_long_lines_without_hanging(@ForAll("longLine") String line) {
        String text = "عنوان الخبر\nالقاهرة (أ ش أ) - أكد " + line + " ختاما.\nThe end.";
        List<Article> articles = readOrClearError(text.getBytes(StandardCharsets.UTF_8));
        assertThat(articles).hasSize(1);
        assertThat(articles.get(0).bodyText()).contains(line);
    }

    @Provide
    Arbitrary<String> longLine() {
        Arbitrary<String> words = Arbitraries.of(
                "word",
                "كلمة",
                "(",
                ")",
                "-",
                "//",
                "25",
                "يونيو",
                "June",
                "2024",
                "اقرأ أيضا:",
                "Source:",
                "المصدر:",
                "«",
                "»",
                "\u200F",
                "\u202B",
                "http://x.y/z",
                ":",
                "/");
        return words.list().ofMinSize(20_000).ofMaxSize(40_000).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> wireCopy() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(
                        "لوكاشينكو يؤكد دعم بلاده",
                        "تاريخ النشر: 25th, June 2024 GMT",
                        "موسكو-سانا",
                        "المصدر: سانا",
                        "إقرأ أيضاً:",
                        "اقرأ أيضا: عنوان آخر",
                        "// انتهى //",
                        "06:20 ت م",
                        "عام / عنوان",
                        "/ إضافة أولى",
                        "CAIRO, June 25 (Reuters) - Egypt said",
                        "PARIS (AFP) –",
                        "Published: 2024-06-25",
                        "Read more:",
                        "Lire aussi :",
                        "Source : AFP",
                        "(Reporting by X)",
                        "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس",
                        "القاهرة (أ ش أ)",
                        "ENDS",
                        "",
                        "",
                        "\u200Fمرحبا\u200E hello",
                        "«نص» “quote”",
                        "٢٥ حزيران ٢٠٢٤",
                        "// يتبع //"),
                Arbitraries.strings()
                        .withCharRange('\u0600', '\u06FF')
                        .withCharRange('a', 'z')
                        .withChars(' ', ':', '-', '/', '(', ')', '.', '،')
                        .ofMaxLength(80));
        return piece.list().ofMaxSize(25).map(l -> String.join("\n", l));
    }

    private static String dump(Article a) {
        List<String> parts = new ArrayList<>();
        parts.add(String.valueOf(a.headline()));
        if (a.published() != null) {
            parts.add(a.published().raw());
        }
        if (a.dateline() != null) {
            parts.add(a.dateline().place() + " " + a.dateline().agency());
        }
        for (Paragraph p : a.paragraphs()) {
            parts.add(p.text());
        }
        parts.add(String.valueOf(a.source()));
        parts.addAll(a.unclassified());
        parts.addAll(a.metadata().values());
        parts.addAll(a.metadata().keySet());
        for (Article r : a.related()) {
            parts.add(dump(r));
        }
        return String.join("\n", parts);
    }
}

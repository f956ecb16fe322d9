package dev.dragoman.core.hostile;

import static dev.dragoman.core.hostile.Hostile.correctOrClearError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.read.InputDecoder;
import dev.dragoman.core.testing.sim.WireCorpus;
import java.io.BufferedWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The article readers (decoding, format sniffing, wire text, JSON), tried as a hostile user would. */
class ArticleReadersHostileTest {

    private static final ArticleReaders READERS = ArticleReaders.standard();
    private static final Charset CP1256 = Charset.forName("windows-1256");

    private static final WireCorpus.Item STORY = WireCorpus.generate(1, 11).get(0);

    @Property(tries = 300)
    void should_read_any_bytes_or_refuse_them_naming_the_input(@ForAll @Size(max = 3000) byte[] bytes) {
        correctOrClearError("input.txt", () -> READERS.read(bytes, "input.txt"), articles -> {
            assertThat(articles).isNotEmpty();
            articles.forEach(a -> assertThat(a.headline()).isNotNull());
        });
    }

    @Property(tries = 300)
    void should_read_any_unicode_text_without_losing_a_line(@ForAll @StringLength(max = 2000) String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        correctOrClearError("any.txt", () -> READERS.read(utf8, "any.txt"), articles -> {
            String all = lettersAndDigits(allText(articles));
            for (String line : text.split("\\r\\n|[\\r\\n\\u0085\\u2028\\u2029\\u000B\\f]")) {
                assertThat(all)
                        .as("every line's letters and digits are somewhere in the result")
                        .contains(lettersAndDigits(line));
            }
        });
    }

    @Property(tries = 100)
    void should_keep_mixed_rtl_and_ltr_paragraphs_exactly(@ForAll("mixedParagraphs") List<String> paragraphs) {
        // given
        String wire = "الرئيس يبحث مع Reuters مستقبل OPEC+ في 2024\nتاريخ النشر: 25th, June 2024 GMT\nموسكو-سانا\n"
                + String.join("\n", paragraphs) + "\nالمصدر: الوكالة العربية السورية للأنباء\n";

        // when
        Article article = correctOrClearError(
                        null, () -> READERS.readArticle(wire.getBytes(StandardCharsets.UTF_8), "mixed.txt"), a -> {})
                .orElseThrow();

        // then
        assertThat(article.paragraphTexts()).containsExactlyElementsOf(paragraphs);
        assertThat(article.dateline().place()).isEqualTo("موسكو");
    }

    @Provide
    Arbitrary<List<String>> mixedParagraphs() {
        Arbitrary<String> arabic = Arbitraries.of(
                "الرئيس",
                "الحكومة",
                "مؤتمر",
                "الاقتصاد",
                "دمشق",
                "٢٠٢٤",
                "موسكو",
                "وزير",
                "الخارجية",
                "المنطقة",
                "أكد",
                "اليوم");
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
                "e-mail",
                "(AFP)",
                "\"quoted\"");
        Arbitrary<String> controls =
                Arbitraries.of("\u200F", "\u200E", "\u202B", "\u202C", "\u2067", "\u2069", "\u061C");
        Arbitrary<String> word = Arbitraries.oneOf(
                arabic, latin, Combinators.combine(controls, arabic).as((c, w) -> c + w + "\u202C"));
        // a paragraph starts with an Arabic word and ends a sentence, as wire copy does
        Arbitrary<String> paragraph = Combinators.combine(
                        arabic, word.list().ofMinSize(12).ofMaxSize(40))
                .as((first, words) -> first + " " + String.join(" ", words) + ".");
        return paragraph.list().ofMinSize(1).ofMaxSize(8).uniqueElements();
    }

    @Test
    void should_read_a_story_with_a_five_megabyte_line() {
        // given
        StringBuilder line = new StringBuilder("أكد الوزير");
        while (line.length() < 5_000_000) {
            line.append(" أن التعاون مستمر، وقال إن Reuters نقلت الخبر");
        }
        line.append('.');
        String wire = STORY.headline() + "\nموسكو-سانا\n" + line + "\n";

        // when / then
        correctOrClearError(
                null,
                () -> READERS.readArticle(wire.getBytes(StandardCharsets.UTF_8), "long.txt"),
                article -> assertThat(article.paragraphTexts()).containsExactly(line.toString()));
    }

    @Test
    void should_read_a_fifty_megabyte_file_or_refuse_it_clearly(@TempDir Path dir) throws Exception {
        // given: 50,000,000 bytes of wire copy (just under the 50 MiB limit)
        Path file = dir.resolve("huge.ar.txt");
        List<String> paragraphs = STORY.paragraphs();
        long written = 0;
        int count = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String head = STORY.headline() + "\nموسكو-سانا\n";
            w.write(head);
            written += head.getBytes(StandardCharsets.UTF_8).length;
            while (true) {
                String p = paragraphs.get(count % paragraphs.size()) + " " + count + "\n";
                int size = p.getBytes(StandardCharsets.UTF_8).length;
                if (written + size > 50_000_000) {
                    break;
                }
                w.write(p);
                written += size;
                count++;
            }
        }
        int expected = count;

        // when / then
        correctOrClearError("huge.ar.txt", () -> READERS.read(file), articles -> {
            assertThat(articles).hasSize(1);
            assertThat(articles.get(0).paragraphs()).hasSize(expected);
        });
    }

    @Test
    void should_refuse_a_file_over_the_limit_naming_it_and_the_limit(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("over.ar.txt");
        byte[] chunk = (STORY.wireText()).getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(file)) {
            long n = 0;
            while (n <= InputDecoder.MAX_INPUT_BYTES) {
                out.write(chunk);
                n += chunk.length;
            }
        }

        // when / then
        correctOrClearError("over.ar.txt", () -> READERS.read(file), articles -> {
            throw new AssertionError("input over the limit must be refused");
        });
    }

    @Test
    void should_refuse_nul_bytes_as_binary_naming_the_input() {
        // given
        byte[] wire = (STORY.headline() + "\u0000\n" + STORY.paragraphs().get(0)).getBytes(StandardCharsets.UTF_8);

        // when / then
        correctOrClearError(
                "nul.txt",
                () -> READERS.read(wire, "nul.txt"),
                articles -> assertThat(allText(articles)).doesNotContain("\u0000"));
    }

    @Test
    void should_never_turn_utf8_with_one_bad_byte_into_mojibake() {
        // given: a UTF-8 Arabic story with a single stray byte in its second paragraph
        byte[] good = STORY.wireText().getBytes(StandardCharsets.UTF_8);
        int at = STORY.wireText().indexOf(STORY.paragraphs().get(1));
        int byteAt = STORY.wireText().substring(0, at).getBytes(StandardCharsets.UTF_8).length + 10;
        byte[] bad = new byte[good.length + 1];
        System.arraycopy(good, 0, bad, 0, byteAt);
        bad[byteAt] = (byte) 0xFF;
        System.arraycopy(good, byteAt, bad, byteAt + 1, good.length - byteAt);

        // when / then: a clear error, or the right text (never the whole story decoded as a legacy code page)
        correctOrClearError(
                "damaged.txt",
                () -> READERS.read(bad, "damaged.txt"),
                articles -> assertThat(articles.get(0).headline()).isEqualTo(STORY.headline()));
    }

    @Test
    void should_read_windows_1256_and_utf16_copies_as_the_same_article() {
        // given
        // Windows-1256 has no Arabic-Indic digits: legacy copy uses ASCII ones
        String wire = asciiDigits(STORY.wireText());
        Article utf8 = READERS.readArticle(wire.getBytes(StandardCharsets.UTF_8), "utf8.txt");
        byte[] utf16 = ("\uFEFF" + wire).getBytes(StandardCharsets.UTF_16LE);

        // when
        Article cp1256 = READERS.readArticle(wire.getBytes(CP1256), "cp1256.txt");
        Article fromUtf16 = READERS.readArticle(utf16, "utf16.txt");

        // then
        for (Article other : List.of(cp1256, fromUtf16)) {
            assertThat(other.headline()).isEqualTo(asciiDigits(STORY.headline()));
            assertThat(other.paragraphTexts())
                    .isEqualTo(utf8.paragraphTexts())
                    .isEqualTo(STORY.paragraphs().stream()
                            .map(ArticleReadersHostileTest::asciiDigits)
                            .toList());
            assertThat(other.dateline()).isEqualTo(utf8.dateline());
        }
    }

    @Property(tries = 100)
    void should_read_any_json_text_as_articles_or_refuse_it_clearly(@ForAll("jsonish") String json) {
        correctOrClearError(
                "input.json",
                () -> READERS.read(json.getBytes(StandardCharsets.UTF_8), "input.json"),
                articles -> articles.forEach(a -> assertThat(a.headline()).isNotNull()));
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings()
                        .ofMaxLength(40)
                        .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.of(
                        "null", "1", "-1e999", "true", "[]", "{}", "[{\"text\":null}]", "[\"p\"]", "{\"x\":[[[[]]]]}"));
        Arbitrary<String> field = Combinators.combine(
                        Arbitraries.of(
                                "headline",
                                "paragraphs",
                                "language",
                                "published",
                                "dateline",
                                "related",
                                "id",
                                "source",
                                "url",
                                "metadata",
                                "unclassified",
                                "x"),
                        value)
                .as((k, v) -> "\"" + k + "\":" + v);
        return field.list().ofMaxSize(8).map(fields -> "{" + String.join(",", fields) + "}");
    }

    // ---------------------------------------------------------------- helpers

    private static String allText(List<Article> articles) {
        StringBuilder all = new StringBuilder();
        for (Article a : articles) {
            appendText(a, all);
        }
        return all.toString();
    }

    private static void appendText(Article a, StringBuilder all) {
        all.append(a.headline()).append('\n');
        a.paragraphTexts().forEach(p -> all.append(p).append('\n'));
        a.unclassified().forEach(u -> all.append(u).append('\n'));
        if (a.published() != null) {
            all.append(a.published().raw()).append('\n');
        }
        if (a.dateline() != null) {
            all.append(a.dateline().place())
                    .append('\n')
                    .append(a.dateline().agency())
                    .append('\n');
        }
        if (a.source() != null) {
            all.append(a.source()).append('\n');
        }
        a.metadata().values().forEach(v -> all.append(v).append('\n'));
        for (Article r : a.related()) {
            appendText(r, all);
        }
    }

    private static String asciiDigits(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints()
                .map(cp -> Character.isDigit(cp) ? '0' + Character.digit(cp, 10) : cp)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String lettersAndDigits(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}

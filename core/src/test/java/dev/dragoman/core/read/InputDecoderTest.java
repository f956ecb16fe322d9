package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Article;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDecoderTest {

    private static final String ARABIC =
            "لوكاشينكو يؤكد دعم بلاده لروسيا\nدمشق-سانا\nأكد الرئيس أن لدى روسيا مواقف مشتركة.";

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    @Test
    void should_decode_utf8_without_bom() {
        InputDecoder.Decoded d = InputDecoder.decode(ARABIC.getBytes(StandardCharsets.UTF_8), "a.txt");
        assertThat(d.text()).isEqualTo(ARABIC);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.how()).isEqualTo("valid-utf-8");
    }

    @Test
    void should_drop_the_utf8_bom() {
        byte[] bytes =
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ARABIC.getBytes(StandardCharsets.UTF_8));
        InputDecoder.Decoded d = InputDecoder.decode(bytes, "bom.txt");
        assertThat(d.text()).isEqualTo(ARABIC);
        assertThat(d.how()).isEqualTo("bom");
    }

    @Test
    void should_decode_utf16_little_and_big_endian_with_bom() {
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ARABIC.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, ARABIC.getBytes(StandardCharsets.UTF_16BE));
        assertThat(InputDecoder.decode(le, "le.txt").text()).isEqualTo(ARABIC);
        assertThat(InputDecoder.decode(le, "le.txt").charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(InputDecoder.decode(be, "be.txt").text()).isEqualTo(ARABIC);
        assertThat(InputDecoder.decode(be, "be.txt").charset()).isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void should_detect_and_decode_windows_1256_arabic() {
        // given
        byte[] bytes = ARABIC.getBytes(Charset.forName("windows-1256"));
        // when
        InputDecoder.Decoded d = InputDecoder.decode(bytes, "legacy.txt");
        // then
        assertThat(d.charset()).isEqualTo(InputDecoder.WINDOWS_1256);
        assertThat(d.text()).isEqualTo(ARABIC);
        assertThat(d.how()).isEqualTo("legacy-heuristic");
    }

    @Test
    void should_read_a_windows_1256_story_into_the_same_article_as_its_utf8_form() throws Exception {
        String story = Files.readString(SeedStoryTest.seed(), StandardCharsets.UTF_8)
                .replace('“', '"')
                .replace('”', '"')
                .replace('…', '.'); // characters outside 1256's repertoire
        Article fromUtf8 = ArticleReaders.standard().readArticle(story.getBytes(StandardCharsets.UTF_8), "u.txt");
        Article from1256 =
                ArticleReaders.standard().readArticle(story.getBytes(Charset.forName("windows-1256")), "w.txt");
        assertThat(from1256).isEqualTo(fromUtf8);
        assertThat(from1256.headline()).isEqualTo("لوكاشينكو يؤكد دعم بلاده لروسيا في المنابر الدولية");
    }

    @Test
    void should_decode_latin_text_that_is_not_utf8_as_windows_1252() {
        String french = "Le président a déclaré à Paris : « la sécurité d’abord ».";
        InputDecoder.Decoded d = InputDecoder.decode(french.getBytes(Charset.forName("windows-1252")), "fr.txt");
        assertThat(d.charset()).isEqualTo(InputDecoder.WINDOWS_1252);
        assertThat(d.text()).isEqualTo(french);
    }

    @Test
    void should_refuse_empty_input_naming_it() {
        assertThatThrownBy(() -> InputDecoder.decode(new byte[0], "empty.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty.txt")
                .hasMessageContaining("empty")
                .extracting(e -> ((DragomanException) e).kind())
                .isEqualTo(DragomanException.Kind.INVALID_INPUT);
    }

    @Test
    void should_refuse_blank_input() {
        assertThatThrownBy(() -> InputDecoder.decode(" \n\t\r\n ".getBytes(StandardCharsets.UTF_8), "blank.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("blank.txt")
                .hasMessageContaining("white space");
    }

    @Test
    void should_refuse_text_with_nul_bytes_as_binary() {
        byte[] bytes = "headline\nbody\u0000more".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> InputDecoder.decode(bytes, "nul.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nul.txt")
                .hasMessageContaining("NUL");
    }

    @Test
    void should_refuse_binary_content() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0
        };
        assertThatThrownBy(() -> InputDecoder.decode(png, "image.png"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("image.png")
                .hasMessageContaining("binary");
        byte[] controls = new byte[200];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 2 == 0 ? 0x01 : 'a');
        }
        assertThatThrownBy(() -> InputDecoder.decode(controls, "ctl.bin"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void should_decode_latin_utf16_without_bom_from_its_zero_bytes() {
        String text = "Headline\nSome body text here.";
        assertThat(InputDecoder.decode(text.getBytes(StandardCharsets.UTF_16LE), "le.txt")
                        .text())
                .isEqualTo(text);
        assertThat(InputDecoder.decode(text.getBytes(StandardCharsets.UTF_16BE), "be.txt")
                        .text())
                .isEqualTo(text);
        assertThat(InputDecoder.decode(text.getBytes(StandardCharsets.UTF_16BE), "be.txt")
                        .how())
                .isEqualTo("utf-16-zero-bytes");
    }

    @Test
    void should_refuse_input_over_the_size_cap() {
        byte[] big = new byte[InputDecoder.MAX_INPUT_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> InputDecoder.decode(big, "huge.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("huge.txt")
                .hasMessageContaining("50 MiB");
    }

    @Test
    void should_report_missing_files_and_directories_clearly(@TempDir Path dir) {
        ArticleReaders readers = ArticleReaders.standard();
        assertThatThrownBy(() -> readers.read(dir.resolve("nope.txt")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nope.txt")
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> readers.read(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("directory");
    }
}

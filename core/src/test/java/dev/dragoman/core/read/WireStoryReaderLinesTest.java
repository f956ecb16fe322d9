package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The reader's hand-written line splitting and sentence-end test answer exactly as the patterns they replaced. */
class WireStoryReaderLinesTest {

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\r\\n\\u0085\\u2028\\u2029\\u000B\\f]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟…。\"”»’')\\]:؛]\\s*$");
    /** Letters, every separator and terminator the two care about, sentence ends and look-alikes. */
    private static final String ALPHABET = "اب x.!?؟…。\"”»’')]:؛,،(\t\r\n\u000B\f\u0085\u2028\u2029\u00A0\u200F\uFEFF ";

    private static String random(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Test
    void should_split_lines_and_number_blocks_as_the_line_break_pattern_did() {
        Random r = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            // given any text
            String text = random(r);
            // when / then
            assertThat(WireStoryReader.lines(text))
                    .as("lines of %s", escape(text))
                    .isEqualTo(byPattern(text));
        }
    }

    @Test
    void should_find_a_sentence_end_as_the_pattern_did() {
        Random r = new Random(29);
        for (int i = 0; i < 50_000; i++) {
            // given any text
            String text = random(r);
            // when / then
            boolean expected = SENTENCE_END.matcher(text).find();
            if (WireStoryReader.endsSentence(text) != expected) {
                assertThat(WireStoryReader.endsSentence(text))
                        .as("sentence end of %s", escape(text))
                        .isEqualTo(expected);
            }
        }
        assertThat(WireStoryReader.endsSentence("قال الوزير.  ")).isTrue();
        assertThat(WireStoryReader.endsSentence("قال الوزير. \u2028")).isTrue();
        assertThat(WireStoryReader.endsSentence("قال الوزير")).isFalse();
    }

    private static List<WireStoryReader.Line> byPattern(String text) {
        List<WireStoryReader.Line> lines = new ArrayList<>();
        int block = 0;
        for (String raw : LINE_BREAK.split(text, -1)) {
            String t = WireStoryReader.trim(raw);
            if (t.isEmpty()) {
                block++;
            } else {
                lines.add(new WireStoryReader.Line(t, block));
            }
        }
        return lines;
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.chars()
                .forEach(c -> b.append(c < 0x7f && c >= 0x20 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }
}

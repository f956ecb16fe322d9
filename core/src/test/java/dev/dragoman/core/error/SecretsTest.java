package dev.dragoman.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The front ends' sinks: a writer and a line stream that mask every registered key, however it is written. */
class SecretsTest {

    // unique to this test: registering is process-wide, and nothing else writes this text
    private static final String KEY = "sk-SecretsTest-4f9b2c71";

    @Test
    void should_mask_a_key_in_a_writer_whether_written_as_string_chars_or_format() {
        // given
        Secrets.register(List.of(KEY));
        StringWriter sink = new StringWriter();
        PrintWriter out = Secrets.redacting(sink);
        // when
        out.println("server said: bad key " + KEY);
        out.write(("chars " + KEY).toCharArray());
        out.printf("%n%s%n", KEY);
        out.flush();
        // then
        assertThat(sink.toString())
                .doesNotContain(KEY)
                .contains("server said: bad key " + Secrets.MASK)
                .contains("chars " + Secrets.MASK);
    }

    @Test
    void should_mask_a_key_in_each_line_written_to_the_stream() {
        // given
        Secrets.register(List.of(KEY));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = RedactingStream.over(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        // when
        err.println("[main] WARN key=" + KEY + " rejected");
        // then
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("[main] WARN key=" + Secrets.MASK + " rejected\n");
        assertThat(RedactingStream.over(err)).isSameAs(err);
    }
}

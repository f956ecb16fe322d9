package dev.dragoman.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    @Test
    void should_say_what_a_wrapped_connect_failure_means_without_class_names() {
        // LangChain4j's wrapper carries only the cause's toString()
        Throwable e = new RuntimeException("java.net.ConnectException", new ConnectException());
        assertThat(Reasons.of(e)).isEqualTo("connection refused");
    }

    @Test
    void should_say_what_a_class_name_alone_means_when_the_cause_is_not_chained() {
        assertThat(Reasons.of(new RuntimeException("java.net.ConnectException")))
                .isEqualTo("connection refused");
        assertThat(Reasons.of(new RuntimeException("java.net.http.HttpTimeoutException: request timed out")))
                .isEqualTo("request timed out");
    }

    @Test
    void should_keep_the_innermost_message_that_says_something() {
        Throwable e = new IllegalStateException(
                "redis.clients.jedis.exceptions.JedisConnectionException: Failed connecting to 127.0.0.1:1",
                new ConnectException("Connection refused"));
        assertThat(Reasons.of(e)).isEqualTo("Connection refused");
    }

    @Test
    void should_name_timeouts_and_missing_files_in_words() {
        assertThat(Reasons.of(new UncheckedIOException(new SocketTimeoutException("Read timed out"))))
                .isEqualTo("Read timed out");
        assertThat(Reasons.of(new RuntimeException(new SocketTimeoutException())))
                .isEqualTo("timed out");
        assertThat(Reasons.of(new IOException(new NoSuchFileException("/x/y")))).isEqualTo("no such file: /x/y");
    }

    @Test
    void should_never_name_an_exception_class_even_without_any_message() {
        assertThat(Reasons.of(new NullPointerException())).isEqualTo("no reason given");
        assertThat(Reasons.of(new IllegalArgumentException("java.lang.NumberFormatException: For input string: \"x\"")))
                .isEqualTo("For input string: \"x\"");
    }

    @Test
    void should_redact_registered_secrets() {
        Secrets.register(java.util.List.of("sk-reasons-secret-123456"));
        assertThat(Reasons.of(new RuntimeException("bad key sk-reasons-secret-123456")))
                .doesNotContain("sk-reasons-secret-123456")
                .contains(Secrets.MASK);
    }

    @Test
    void should_leave_out_the_source_location_jackson_prints_on_a_line_of_its_own() {
        // given
        Throwable e = null;
        try {
            dev.dragoman.core.json.Json.mapper().readTree("{\"id\": \"a\", \"text\": \"cut off");
        } catch (IOException thrown) {
            e = thrown;
        }

        // when
        String reason = Reasons.of(e);

        // then
        assertThat(e.getMessage()).contains("\n at [Source");
        assertThat(reason).doesNotContain("\n").doesNotContain("at [Source").contains("end-of-input");
    }
}

package dev.dragoman.translate.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.error.VendorErrors;
import dev.dragoman.core.testing.ManualClock;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackendHttpTest {

    private static final String KEY = "sk-live-0123456789";
    private final ManualClock clock = new ManualClock();
    private final BackendHttp http =
            new BackendHttp(null, new VendorErrors("Acme MT", "ACME_KEY", "ACME_URL", null, null), clock, KEY);

    @ParameterizedTest
    @CsvSource({
        "400, BAD_REQUEST, false",
        "401, AUTHENTICATION_FAILED, false",
        "403, AUTHENTICATION_FAILED, false",
        "404, CONFIGURATION, false",
        "408, TIMEOUT, true",
        "413, BAD_REQUEST, false",
        "429, RATE_LIMITED, true",
        "500, BACKEND_UNAVAILABLE, true",
        "502, BACKEND_UNAVAILABLE, true",
        "503, BACKEND_UNAVAILABLE, true",
        "504, BACKEND_UNAVAILABLE, true",
    })
    void should_map_each_status_to_what_the_caller_can_do(int status, Kind kind, boolean retriable) {
        // when
        DragomanException e = http.failure(status, null, "{\"message\":\"nope\"}");
        // then
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.isRetriable()).isEqualTo(retriable);
        assertThat(e.getMessage())
                .startsWith("Acme MT")
                .contains("HTTP " + status)
                .contains("nope");
    }

    @Test
    void should_name_the_setting_to_fix() {
        assertThat(http.failure(401, null, "").getMessage())
                .isEqualTo("Acme MT rejected the key (HTTP 401): check ACME_KEY");
        assertThat(http.failure(404, null, "").getMessage()).contains("check ACME_URL");
        assertThat(http.failure(413, null, "").getMessage()).contains("lower the backend's batch limits");
    }

    @Test
    void should_read_retry_after_in_seconds_or_as_a_date() {
        RateLimitedException seconds = (RateLimitedException) http.failure(429, "12", "");
        RateLimitedException date = (RateLimitedException) http.failure(429, "Tue, 25 Jun 2024 08:00:30 GMT", "");
        RateLimitedException junk = (RateLimitedException) http.failure(429, "soon", "");
        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(date.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(junk.retryAfter()).isEmpty();
    }

    @Test
    void should_never_let_the_key_into_a_message() {
        assertThat(http.failure(403, null, "{\"message\":\"key " + KEY + " revoked\"}")
                        .getMessage())
                .doesNotContain(KEY)
                .contains("***");
        assertThat(http.ioFailure(new IOException("failed GET /x?key=" + KEY), "/x")
                        .getMessage())
                .doesNotContain(KEY);
        assertThat(((RateLimitedException) http.failure(429, "3", KEY)).getMessage())
                .doesNotContain(KEY);
    }

    @Test
    void should_map_timeouts_and_resets_to_retriable_errors() {
        assertThat(http.ioFailure(new SocketTimeoutException("timeout"), "/t").kind())
                .isEqualTo(Kind.TIMEOUT);
        assertThat(http.ioFailure(new IOException("Connection reset"), "/t").kind())
                .isEqualTo(Kind.BACKEND_UNAVAILABLE);
        assertThat(http.ioFailure(new java.net.UnknownHostException("api.acme"), "/t")
                        .kind())
                .isEqualTo(Kind.CONFIGURATION);
    }

    @Test
    void should_treat_non_json_as_a_retriable_malformed_answer() {
        DragomanException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                DragomanException.class, () -> http.parse("<html>502</html>"));
        assertThat(e.isRetriable()).isTrue();
        assertThat(e.getMessage()).startsWith("Acme MT answered malformed JSON");
    }
}

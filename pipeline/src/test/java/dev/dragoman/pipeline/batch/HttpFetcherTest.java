package dev.dragoman.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dragoman.core.error.RateLimitedException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A fetched page's 429 carries the server's wait, read by the one Retry-After parser (ErrorMapper.retryAfter). */
class HttpFetcherTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final HttpFetcher fetcher = new HttpFetcher(new OkHttpClient(), "9.9", Duration.ofSeconds(5), 2);

    @Test
    void should_honour_retry_after_in_seconds() {
        // given
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "7")
                .build());
        // when
        RateLimitedException e = catchThrowableOfType(
                RateLimitedException.class,
                () -> fetcher.fetch(server.url("/feed.xml").toString()));
        // then
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void should_honour_retry_after_as_an_http_date() {
        // given
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10));
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", at)
                .build());
        // when
        RateLimitedException e = catchThrowableOfType(
                RateLimitedException.class,
                () -> fetcher.fetch(server.url("/page.html").toString()));
        // then
        assertThat(e.retryAfter())
                .hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10)));
    }
}

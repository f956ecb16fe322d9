package dev.dragoman.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.read.InputDecoder;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/**
 * A fetched page's 429 carries the server's wait, read by the one Retry-After parser (ErrorMapper.retryAfter); a page
 * past the input limit is refused while it streams (InputDecoder.readBounded), like every other source.
 */
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

    @Test
    void should_refuse_a_page_past_the_input_limit_while_it_streams() {
        // given: a page sent chunked, with no length to refuse it by, that would go on for 80 MiB
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "text/html")
                .addHeader("Transfer-Encoding", "chunked")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return -1;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) {
                        byte[] mib = new byte[1024 * 1024];
                        java.util.Arrays.fill(mib, (byte) 'a');
                        try {
                            for (int i = 0; i < 80; i++) {
                                sink.writeUtf8(Integer.toHexString(mib.length)).writeUtf8("\r\n");
                                sink.write(mib).writeUtf8("\r\n");
                            }
                            sink.writeUtf8("0\r\n\r\n").flush();
                        } catch (java.io.IOException expected) {
                            // the client stopped reading at the limit and closed the connection
                        }
                    }
                })
                .build());
        String url = server.url("/endless.html").toString();

        // when
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> fetcher.fetch(url));

        // then: the same limit and words as every other source, naming the page
        assertThat(e).hasMessageContaining(url).hasMessageContaining("50 MiB");
        assertThat(HttpFetcher.MAX_BYTES).isEqualTo(InputDecoder.MAX_INPUT_BYTES);
    }
}

package dev.dragoman.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    @Test
    void should_write_one_json_line_per_request_in_order_by_close() throws Exception {
        // given
        List<String> written = new CopyOnWriteArrayList<>();
        AccessLog log = new AccessLog(true, written::add);
        // when
        log.add("127.0.0.1", "POST", "/translate", 200, 1_234_567, 80, 40, null, "translate \"npm\"\n");
        log.add("::1", "GET", "/v2/usage", 403, 50_000, 0, 30, "newsroom", null);
        log.close();
        // then
        assertThat(written).hasSize(2);
        JsonNode first = Json.mapper().readTree(written.get(0));
        assertThat(first.get("method").asText()).isEqualTo("POST");
        assertThat(first.get("path").asText()).isEqualTo("/translate");
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(first.get("ms").asDouble()).isEqualTo(1.23);
        assertThat(first.get("in").asLong()).isEqualTo(80);
        assertThat(first.get("agent").asText()).isEqualTo("translate \"npm\"\n");
        assertThat(first.has("key")).isFalse();
        JsonNode second = Json.mapper().readTree(written.get(1));
        assertThat(second.get("key").asText()).isEqualTo("newsroom");
        assertThat(second.get("remote").asText()).isEqualTo("::1");
    }

    @Test
    void should_drop_and_count_lines_instead_of_making_requests_wait_for_a_slow_writer() throws Exception {
        // given a writer stuck on its first line
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AccessLog log = new AccessLog(true, line -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        log.add("127.0.0.1", "GET", "/health", 200, 1, 0, 2, null, null);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        // when the queue fills up behind it
        for (int i = 0; i < AccessLog.CAPACITY + 5; i++) {
            log.add("127.0.0.1", "GET", "/health", 200, 1, 0, 2, null, null);
        }
        // then the lines past the queue are counted, not waited for
        assertThat(log.dropped()).isEqualTo(5);
        release.countDown();
        log.close();
    }

    @Test
    void should_write_every_queued_line_when_jetty_stops_the_server_as_its_sigterm_hook_does() throws Exception {
        // given a server whose access-log writer is held until Jetty has stopped the server, then writes slowly: every
        // line is still queued when Jetty's own stopping ends, and only a flush on that stop writes them before it
        // returns
        AtomicReference<Server> jetty = new AtomicReference<>();
        List<String> written = new CopyOnWriteArrayList<>();
        AccessLog log = new AccessLog(true, line -> {
            try {
                for (int i = 0;
                        i < 10_000 && (jetty.get() == null || !jetty.get().isStopped());
                        i++) {
                    Thread.sleep(1);
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(line);
        });
        TestServer server = TestServer.start(ServeOptions.defaults(), log);
        jetty.set(server.server.jetty());
        int requests = 25;
        try {
            for (int i = 0; i < requests; i++) {
                assertThat(server.get("/health?n=" + i).statusCode()).isEqualTo(200);
            }

            // when Jetty itself stops the server (its shutdown hook's path, not DragomanServer.stop())
            jetty.get().stop();

            // then by the time the stop returns, every request's line is written
            assertThat(written).hasSize(requests);
            assertThat(written)
                    .extracting(line -> Json.mapper().readTree(line).get("path").asText())
                    .containsOnly("/health");
            assertThat(log.dropped()).isZero();
        } finally {
            server.close();
        }
    }

    @Test
    void should_do_nothing_when_the_access_logger_is_off() {
        // given
        List<String> written = new CopyOnWriteArrayList<>();
        AccessLog log = new AccessLog(false, written::add);
        // when
        log.add("127.0.0.1", "GET", "/health", 200, 1, 0, 2, null, null);
        log.close();
        // then
        assertThat(written).isEmpty();
        assertThat(log.dropped()).isZero();
    }
}

package dev.dragoman.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.dragoman.core.ratelimit.redis.RedisRateLimits;
import dev.dragoman.core.testing.RedisServerExtension;
import dev.dragoman.pipeline.config.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dragoman serve} books its backends' calls in the rate limit shared through {@code rate-limit.url}, as the
 * batch and the other commands do, so a server and the batches on the same account keep the configured rate
 * together: a 429 the server's backend is answered cuts the rate in force for every process naming that Redis.
 */
class ServeSharedRateLimitTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int REQUESTS_PER_MINUTE = 600;

    @TempDir
    Path dir;

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer deepl;

    /** DeepL's /v2/translate for one segment: the first request refused (429, Retry-After 1 s), then answered. */
    private String startDeepl() throws IOException {
        deepl = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        deepl.createContext("/v2/translate", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean first = requests.getAndIncrement() == 0;
            byte[] body = (first
                            ? "{\"message\":\"Too many requests\"}"
                            : "{\"translations\":[{\"detected_source_language\":\"AR\",\"text\":\"Hello\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (first) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            exchange.sendResponseHeaders(first ? 429 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        deepl.start();
        return "http://127.0.0.1:" + deepl.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (deepl != null) {
            deepl.stop(0);
        }
    }

    @Test
    void should_share_a_429_of_its_backend_through_the_rate_limit_under_the_key_variable() throws Exception {
        // given: a DeepL-shaped backend with a configured limit, shared through a real Redis
        String base = startDeepl();
        String redis = "redis://" + REDIS.host() + ":" + REDIS.port() + "/0";
        Path file = dir.resolve("config.yaml");
        Files.writeString(
                file,
                "backends:\n  dl:\n    type: deepl\n    base-url: " + base + "\n    api-key-env: SIM_KEY\n"
                        + "    requests-per-minute: " + REQUESTS_PER_MINUTE + "\ncache:\n  store: none\n"
                        + "serve:\n  backends: dl\nrate-limit:\n  url: " + redis + "\n");
        Settings settings =
                Settings.load(file.toString(), Map.of("SIM_KEY", "sim-backend-key", "HOME", dir.toString()));

        // when
        HttpResponse<String> ok;
        try (ServeConfig config = ServeConfig.open(settings, "127.0.0.1", 0);
                DragomanServer server = DragomanServer.start(config.options(), config.backends(), "test")) {
            ok = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url() + "/translate"))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"q\":\"\u0645\u0631\u062d\u0628\u0627\",\"source\":\"ar\",\"target\":\"en\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        }

        // then: retried and answered; the rate every process sharing the Redis keeps was cut (80 %, growing back
        // slowly), under the type, server and key variable — never the key
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(requests).hasValue(2);
        try (RedisRateLimits shared = RedisRateLimits.open(redis)) {
            assertThat(shared.requestsPerMinuteInForce("deepl|" + base + "|SIM_KEY", REQUESTS_PER_MINUTE))
                    .isBetween(REQUESTS_PER_MINUTE * 8L / 10, REQUESTS_PER_MINUTE - 1L);
        }
    }
}

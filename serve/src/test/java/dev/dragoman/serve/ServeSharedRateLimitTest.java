package dev.dragoman.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.cache.redis.RedisOptions;
import dev.dragoman.core.testing.RedisServerExtension;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.pipeline.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dragoman serve} books its backends' calls in the rate limit shared through {@code rate-limit.url}, as the
 * batch and the other commands do, so a server and the batches on the same account keep the configured rate together.
 */
class ServeSharedRateLimitTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path dir;

    @Test
    void should_book_each_translation_in_the_shared_rate_limit_under_the_key_variable_not_the_key() throws Exception {
        // given: a DeepL-shaped backend with a configured limit, shared through a real Redis
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults().withApiKey("sim-backend-key"))) {
            Path file = dir.resolve("config.yaml");
            Files.writeString(
                    file,
                    "backends:\n  sim:\n    type: deepl\n    base-url: " + sim.baseUrl()
                            + "\n    api-key-env: SIM_KEY\n    requests-per-minute: 600\ncache:\n  store: none\n"
                            + "serve:\n  backends: sim\nrate-limit:\n  url: redis://" + REDIS.host() + ":"
                            + REDIS.port() + "/0\n");
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
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"q\":\"\u0645\u0631\u062d\u0628\u0627\",\"source\":\"ar\","
                                                        + "\"target\":\"en\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
            }

            // then: the call's booking is in Redis (its bucket lives on for seconds after a call), under the type,
            // server and key variable
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            try (var redis = RedisOptions.at(REDIS.host(), REDIS.port()).newClient()) {
                Set<String> keys = redis.keys("dragoman:ratelimit:*");
                assertThat(keys)
                        .anySatisfy(k -> assertThat(k).contains("deepl|", "|SIM_KEY"))
                        .noneSatisfy(k -> assertThat(k).contains("sim-backend-key"));
            }
        }
    }
}

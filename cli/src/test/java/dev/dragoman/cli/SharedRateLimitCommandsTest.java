package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.ratelimit.redis.RedisRateLimits;
import dev.dragoman.core.testing.RedisServerExtension;
import dev.dragoman.core.testing.sim.SimTranslation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code translate}, {@code brief} and {@code batch} build their backends the one way
 * ({@code ConfiguredBackends.open}), so each books its calls in the rate limit shared through
 * {@code DRAGOMAN_RATE_LIMIT_URL} (a real Redis): a 429 one command is answered cuts the rate every process naming
 * that Redis keeps, under the backend's key — its type, server and key variable, never the key.
 */
class SharedRateLimitCommandsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String DEEPL_KEY = "deepl-shared-rate-0123456789:fx";
    private static final int REQUESTS_PER_MINUTE = 600;

    @StartStop
    final MockWebServer deepl = new MockWebServer();

    @TempDir
    Path home;

    private final AtomicInteger requests = new AtomicInteger();

    /** DeepL's /v2/translate: the first request refused (429, Retry-After 1 s), then the simulator's translations. */
    private void refuseTheFirstRequest() {
        deepl.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (requests.getAndIncrement() == 0) {
                    return new MockResponse.Builder()
                            .code(429)
                            .addHeader("Retry-After", "1")
                            .body("{\"message\":\"Too many requests\"}")
                            .build();
                }
                try {
                    JsonNode sent = Json.mapper().readTree(request.getBody().utf8());
                    ObjectNode answer = Json.mapper().createObjectNode();
                    ArrayNode translations = answer.putArray("translations");
                    sent.get("text")
                            .forEach(t -> translations
                                    .addObject()
                                    .put("detected_source_language", "AR")
                                    .put("text", SimTranslation.translate(t.asText(), "en")));
                    return new MockResponse.Builder()
                            .code(200)
                            .addHeader("Content-Type", "application/json")
                            .body(Json.mapper().writeValueAsString(answer))
                            .build();
                } catch (java.io.IOException e) {
                    return new MockResponse.Builder()
                            .code(400)
                            .body("{\"message\":\"bad body\"}")
                            .build();
                }
            }
        });
    }

    private String redisUrl() {
        return "redis://" + REDIS.host() + ":" + REDIS.port() + "/0";
    }

    private CliRunner configured() throws Exception {
        CliRunner cli = new CliRunner(home).env("DEEPL_AUTH_KEY", DEEPL_KEY).env("DRAGOMAN_RATE_LIMIT_URL", redisUrl());
        Files.createDirectories(cli.configFile().getParent());
        Files.writeString(
                cli.configFile(),
                "backends:\n  dl:\n    type: deepl\n    base-url: " + deepl.url("/") + "\n"
                        + "    requests-per-minute: " + REQUESTS_PER_MINUTE + "\n"
                        + "translate:\n  backend: dl\n",
                StandardCharsets.UTF_8);
        return cli;
    }

    private List<String> args(String command) throws Exception {
        String seed = ParseCommandTest.SEED.toString();
        return switch (command) {
            case "translate" -> List.of("translate", seed, "--to", "en", "--no-cache");
            case "brief" -> List.of("brief", seed, "--to", "en", "--no-cache");
            default -> {
                Path in = Files.createDirectories(home.resolve("in"));
                Files.copy(ParseCommandTest.SEED, in.resolve("seed.ar.txt"));
                yield List.of(
                        "batch",
                        in.toString(),
                        "--out",
                        home.resolve("out").toString(),
                        "--translate-to",
                        "en",
                        "--no-cache",
                        "--progress",
                        "lines");
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"translate", "brief", "batch"})
    void should_book_the_shared_rate_limit_and_slow_every_process_after_a_429(String command) throws Exception {
        // given: a configured DeepL with a limit, shared through Redis, that refuses the command's first request
        refuseTheFirstRequest();
        CliRunner cli = configured();

        // when
        CliRunner.Result r = cli.run(args(command).toArray(String[]::new));

        // then: the call was retried and the run succeeded; the rate in force for every process sharing the Redis
        // was cut (80 % of the configured rate, growing back slowly), under a key naming the variable, not the key
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(requests).hasValueGreaterThan(1);
        String key = "deepl|" + deepl.url("/").toString().replaceAll("/$", "") + "|DEEPL_AUTH_KEY";
        try (RedisRateLimits shared = RedisRateLimits.open(redisUrl())) {
            assertThat(shared.requestsPerMinuteInForce(key, REQUESTS_PER_MINUTE))
                    .isBetween(REQUESTS_PER_MINUTE * 8L / 10, REQUESTS_PER_MINUTE - 1L);
        }
    }
}

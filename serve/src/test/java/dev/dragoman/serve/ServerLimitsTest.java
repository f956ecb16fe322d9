package dev.dragoman.serve;

import static dev.dragoman.serve.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.testing.sim.Latency;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.pipeline.backend.Backends;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ServerLimitsTest {

    static final String KEY = "bob-7d0c2f4e-1a6b-4e8d-b3c5-000000000002";

    private static String body(String text) {
        return "{\"q\":\"" + text + "\",\"source\":\"ar\",\"target\":\"en\",\"api_key\":\"" + KEY + "\"}";
    }

    @Test
    void should_require_a_valid_libretranslate_key_accept_the_apiKey_spelling_and_enforce_its_limits() {
        ServeOptions options = ServeOptions.builder()
                .keys(List.of(new ApiKey("bob", ApiKey.hash(KEY), 3, 0)))
                .build();
        try (TestServer s = TestServer.start(options)) {
            HttpResponse<String> none = s.postJson("/translate", "{\"q\":\"x\",\"source\":\"ar\",\"target\":\"en\"}");
            HttpResponse<String> wrong =
                    s.postJson("/translate", "{\"q\":\"x\",\"source\":\"ar\",\"target\":\"en\",\"api_key\":\"guess\"}");
            HttpResponse<String> ok = s.postJson("/translate", body("\u0645\u0631\u062d\u0628\u0627"));
            HttpResponse<String> camel = s.postJson(
                    "/translate",
                    "{\"q\":\"\u0645\u0631\u062d\u0628\u0627\",\"source\":\"ar\",\"target\":\"en\",\"apiKey\":\"" + KEY
                            + "\"}");
            s.postJson("/translate", body("\u0645\u0631\u062d\u0628\u0627"));
            HttpResponse<String> over = s.postJson("/translate", body("\u0645\u0631\u062d\u0628\u0627"));

            assertThat(none.statusCode()).isEqualTo(400);
            assertThat(json(none).get("error").asText())
                    .isEqualTo("Please contact the server operator to get an API key");
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(json(wrong).get("error").asText()).isEqualTo("Invalid API key");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(camel.statusCode()).isEqualTo(200);
            assertThat(over.statusCode()).isEqualTo(429);
            assertThat(json(over).get("error").asText()).startsWith("Slowdown: ");
            assertThat(over.headers().firstValue("Retry-After")).isPresent();
            assertThat(s.get("/metrics").body())
                    .contains("dragoman_http_refused_total{reason=\"unauthorized\"} 2")
                    .contains("dragoman_http_refused_total{reason=\"key-limit\"} 1");
        }
    }

    @Test
    void should_answer_502_when_the_backend_rejects_the_servers_key_without_showing_it() throws Exception {
        String backendKey = "wrong-backend-key-5f4e3d2c1b0a";
        try (SimulatedBackend sim =
                SimulatedBackend.start(SimConfig.defaults().withApiKey("the-right-key-0123456789"))) {
            ServeBackends backends = ServeBackends.build(
                    Backends.load().withVariables(Map.of("DEEPL_AUTH_KEY", backendKey)),
                    List.of(BackendSpec.of("deepl").withBaseUrl(sim.baseUrl()).withAttempts(1)),
                    null);
            try (DragomanServer server =
                    DragomanServer.start(ServeOptions.builder().port(0).build(), backends, "test")) {
                HttpResponse<String> r = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(server.url() + "/translate"))
                                        .header("Content-Type", "application/json")
                                        .POST(
                                                HttpRequest.BodyPublishers.ofString(
                                                        "{\"q\":\"\u0645\u0631\u062d\u0628\u0627\",\"source\":\"ar\",\"target\":\"en\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

                assertThat(r.statusCode()).isEqualTo(502);
                assertThat(json(r).get("error").asText()).contains("credentials");
                assertThat(r.body()).doesNotContain(backendKey).doesNotContain("at dev.dragoman");
            }
        }
    }

    @Test
    void should_refuse_a_keyless_server_on_a_public_address() {
        assertThatThrownBy(() -> ServeOptions.builder().host("0.0.0.0").build().check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void should_answer_each_apis_bad_requests_with_its_documented_status_and_body_and_no_stack_trace() {
        // given a keyed server with a 4 KiB body limit
        ServeOptions options = ServeOptions.builder()
                .keys(List.of(new ApiKey("bob", ApiKey.hash(KEY), 0, 0)))
                .maxBodyBytes(4096)
                .build();
        record Case(
                String api,
                String what,
                String path,
                String body,
                String[] headers,
                int status,
                String field,
                String message) {}
        String big = "a".repeat(5000);
        String[] deepl = {"Authorization", "DeepL-Auth-Key " + KEY};
        String[] bearer = {"Authorization", "Bearer " + KEY};
        String[] none = {};
        String article = "{\"text\":\"\u0645\u0631\u062d\u0628\u0627\",\"to\":\"";
        List<Case> cases = List.of(
                new Case("libre", "malformed JSON", "/translate", "{\"q\":", none, 400, "error", "Invalid JSON format"),
                new Case(
                        "libre",
                        "unknown language",
                        "/translate",
                        body("x").replace("\"en\"", "\"xx\""),
                        none,
                        400,
                        "error",
                        "xx is not supported"),
                new Case("libre", "oversize body", "/translate", body(big), none, 413, "error", "4096 bytes"),
                new Case(
                        "libre",
                        "missing key",
                        "/translate",
                        "{\"q\":\"x\",\"source\":\"ar\",\"target\":\"en\"}",
                        none,
                        400,
                        "error",
                        "Please contact the server operator to get an API key"),
                new Case(
                        "libre",
                        "wrong key",
                        "/translate",
                        body("x").replace(KEY, "guess"),
                        none,
                        403,
                        "error",
                        "Invalid API key"),
                new Case(
                        "deepl",
                        "malformed JSON",
                        "/v2/translate",
                        "{\"text\":",
                        deepl,
                        400,
                        "message",
                        "Invalid JSON format"),
                new Case(
                        "deepl",
                        "unknown language",
                        "/v2/translate",
                        "{\"text\":[\"x\"],\"target_lang\":\"XX\"}",
                        deepl,
                        400,
                        "message",
                        "Value for 'target_lang' not supported."),
                new Case(
                        "deepl",
                        "oversize body",
                        "/v2/translate",
                        "{\"text\":[\"" + big + "\"],\"target_lang\":\"EN\"}",
                        deepl,
                        413,
                        "message",
                        "4096 bytes"),
                new Case(
                        "deepl",
                        "missing key",
                        "/v2/translate",
                        "{\"text\":[\"x\"],\"target_lang\":\"EN\"}",
                        none,
                        403,
                        "message",
                        "Authorization failure"),
                new Case(
                        "deepl",
                        "wrong key",
                        "/v2/translate",
                        "{\"text\":[\"x\"],\"target_lang\":\"EN\"}",
                        new String[] {"Authorization", "DeepL-Auth-Key guess"},
                        403,
                        "message",
                        "Authorization failure"),
                new Case(
                        "dragoman",
                        "malformed JSON",
                        "/api/v1/translate",
                        "{\"text\":",
                        bearer,
                        400,
                        "error",
                        "Invalid JSON format"),
                new Case(
                        "dragoman",
                        "unknown language",
                        "/api/v1/translate",
                        article + "xx\"}",
                        bearer,
                        400,
                        "error",
                        "xx is not supported"),
                new Case(
                        "dragoman",
                        "oversize body",
                        "/api/v1/translate",
                        article + "en\",\"x\":\"" + big + "\"}",
                        bearer,
                        413,
                        "error",
                        "4096 bytes"),
                new Case(
                        "dragoman",
                        "missing key",
                        "/api/v1/translate",
                        article + "en\"}",
                        none,
                        401,
                        "error",
                        "an API key is required"),
                new Case(
                        "dragoman",
                        "wrong key",
                        "/api/v1/translate",
                        article + "en\"}",
                        new String[] {"Authorization", "Bearer guess"},
                        403,
                        "error",
                        "Invalid API key"));
        try (TestServer s = TestServer.start(options)) {
            for (Case c : cases) {
                // when
                HttpResponse<String> r = s.postJson(c.path(), c.body(), c.headers());
                // then
                String what = c.api() + ", " + c.what() + ": " + r.body();
                assertThat(r.statusCode()).as(what).isEqualTo(c.status());
                assertThat(r.headers().firstValue("Content-Type"))
                        .as(what)
                        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
                assertThat(json(r).get(c.field()).asText()).as(what).contains(c.message());
                assertThat(r.body())
                        .as(what)
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ")
                        .doesNotContain("dev.dragoman");
            }
        }
    }

    @Test
    void should_answer_413_past_the_body_limit_and_429_with_retry_after_when_overloaded() throws Exception {
        ServeOptions options = ServeOptions.builder()
                .maxBodyBytes(4096)
                .admission(1, 0, Duration.ZERO)
                .build();
        try (TestServer s =
                TestServer.start(options, SimConfig.defaults().withLatency(Latency.fixed(Duration.ofMillis(800))))) {
            HttpResponse<String> big = s.postJson(
                    "/translate", "{\"q\":\"" + "a".repeat(5000) + "\",\"source\":\"ar\",\"target\":\"en\"}");
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(json(big).get("error").asText()).contains("4096 bytes");

            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() ->
                    s.postJson("/translate", "{\"q\":\"\u0627\u0648\u0644\",\"source\":\"ar\",\"target\":\"en\"}"));
            awaitInFlight(s, 1);
            HttpResponse<String> refused =
                    s.postJson("/translate", "{\"q\":\"\u062b\u0627\u0646\",\"source\":\"ar\",\"target\":\"en\"}");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(slow.get().statusCode()).isEqualTo(200);
            assertThat(s.get("/metrics").body())
                    .contains("dragoman_http_refused_total{reason=\"overload\"} 1")
                    .contains("dragoman_http_refused_total{reason=\"body-too-large\"} 1")
                    .contains("dragoman_http_requests_total{route=\"POST /translate\",status=\"429\"} 1")
                    .contains("dragoman_backend_requests_total{backend=\"deepl\"} 1");
        }
    }

    @Test
    void should_let_requests_in_flight_finish_when_stopped() throws Exception {
        try (TestServer s = TestServer.start(
                ServeOptions.defaults(), SimConfig.defaults().withLatency(Latency.fixed(Duration.ofMillis(800))))) {
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() ->
                    s.postJson("/translate", "{\"q\":\"\u0627\u0648\u0644\",\"source\":\"ar\",\"target\":\"en\"}"));
            awaitInFlight(s, 1);

            s.server.stop();

            assertThat(inFlight.get().statusCode()).isEqualTo(200);
            assertThat(json(inFlight.get()).get("translatedText").asText()).startsWith("[EN-US] ");
        }
    }

    private static void awaitInFlight(TestServer s, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (s.server.inFlight() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no request reached the backend");
            }
            Thread.sleep(5);
        }
    }
}

package dev.dragoman.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.pipeline.backend.Backends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A {@link DragomanServer} on a free loopback port whose one backend ("sim", type deepl) is the test kit's
 * {@link SimulatedBackend}, with an in-memory cache; and a JDK HTTP client to call it.
 */
final class TestServer implements AutoCloseable {

    final SimulatedBackend sim;
    final DragomanServer server;
    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(SimulatedBackend sim, DragomanServer server) {
        this.sim = sim;
        this.server = server;
    }

    static TestServer start(ServeOptions options) {
        return start(options, SimConfig.defaults());
    }

    static TestServer start(ServeOptions options, SimConfig simConfig) {
        return start(options, simConfig, false);
    }

    /** {@code summaries}: the server also summarizes, with the embedded extractive summarizer. */
    static TestServer start(ServeOptions options, SimConfig simConfig, boolean summaries) {
        return start(options, simConfig, summaries, new AccessLog());
    }

    /** A server (without summaries) whose access log goes to {@code accessLog}. */
    static TestServer start(ServeOptions options, AccessLog accessLog) {
        return start(options, SimConfig.defaults(), false, accessLog);
    }

    private static TestServer start(ServeOptions options, SimConfig simConfig, boolean summaries, AccessLog accessLog) {
        SimulatedBackend sim = SimulatedBackend.start(simConfig.withApiKey("sim-backend-key"));
        Backends backends = Backends.load()
                .withVariables(Map.of("DEEPL_AUTH_KEY", "sim-backend-key"))
                .withCache(new MemoryResultCache());
        BackendSpec spec = BackendSpec.of("deepl")
                .withName("sim")
                .withBaseUrl(sim.baseUrl())
                .withAttempts(1);
        ServeBackends built =
                ServeBackends.build(backends, List.of(spec), summaries ? BackendSpec.of("extractive") : null);
        return new TestServer(
                sim, DragomanServer.start(options.toBuilder().port(0).build(), built, "test", accessLog));
    }

    String url(String path) {
        return server.url() + path;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        return post(path, "application/json", json, headers);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        server.close();
        sim.close();
    }
}

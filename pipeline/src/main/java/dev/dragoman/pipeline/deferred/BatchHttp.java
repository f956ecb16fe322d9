package dev.dragoman.pipeline.deferred;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.llm.LlmErrorMapper;
import dev.dragoman.core.retry.Retrier;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The HTTP exchanges of a provider's batch API, done the way live chat calls are: through the run's
 * {@link dev.dragoman.pipeline.backend.LlmHttpClient} (shared OkHttp client, {@code Retry-After} kept), the provider's
 * {@link LlmErrorMapper} (the one status → exception mapping, secrets redacted) and the backend's {@link Retrier}.
 * Reads are retried; creating a batch is not (a lost answer to a retried create would start a second, billed batch).
 * Immutable and thread-safe.
 */
public final class BatchHttp {

    private final HttpClient http;
    private final LlmErrorMapper errors;
    private final Retrier retrier;
    private final Map<String, String> headers;

    public BatchHttp(HttpClient http, LlmErrorMapper errors, Retrier retrier) {
        this(http, errors, retrier, Map.of());
    }

    private BatchHttp(HttpClient http, LlmErrorMapper errors, Retrier retrier, Map<String, String> headers) {
        this.http = Objects.requireNonNull(http, "http");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.retrier = Objects.requireNonNull(retrier, "retrier");
        this.headers = Map.copyOf(headers);
    }

    /** A copy that sends {@code more} headers (the provider's key and version) with every request. */
    public BatchHttp withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new BatchHttp(http, errors, retrier, all);
    }

    /** The backend's name for messages ("LLM backend 'openai' (gpt-4o-mini)"). */
    public String name() {
        return errors.name();
    }

    /** GET {@code url} as JSON, retried. */
    public JsonNode get(String url) {
        return json(retried(
                "batch status", () -> send(request(HttpMethod.GET, url).build())));
    }

    /** GET {@code url} as text (a results file), retried. */
    public String text(String url) {
        return retried("batch results", () -> send(request(HttpMethod.GET, url).build()));
    }

    /** POST {@code body} as JSON to {@code url} once (no retry: it creates something billed). */
    public JsonNode create(String url, JsonNode body) {
        String json = body.toString();
        return json(once(() -> send(request(HttpMethod.POST, url)
                .addHeader("Content-Type", "application/json")
                .body(json)
                .build())));
    }

    /** POST a multipart form with one file to {@code url}, retried (an unused upload costs nothing). */
    public JsonNode upload(
            String url, Map<String, String> fields, String field, String fileName, String contentType, byte[] content) {
        return json(retried("batch upload", () -> {
            HttpRequest.Builder b = request(HttpMethod.POST, url);
            fields.forEach(b::addFormDataField);
            b.addFormDataFile(field, fileName, contentType, content);
            return send(b.build());
        }));
    }

    /** The JSON lines of a results file (blank lines skipped). */
    public java.util.List<JsonNode> lines(String text) {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(Json.mapper().readTree(line));
                } catch (IOException e) {
                    throw new DragomanException(
                            DragomanException.Kind.BACKEND_UNAVAILABLE,
                            errors.name() + " gave a batch results line that is not JSON; try again later",
                            e);
                }
            }
        }
        return out;
    }

    /**
     * The text field {@code field} of {@code node}.
     *
     * @param what names the node in the message ("the new batch")
     * @throws DragomanException (backend unavailable) when it is missing or blank
     */
    public String field(JsonNode node, String field, String what) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new DragomanException(
                    DragomanException.Kind.BACKEND_UNAVAILABLE,
                    errors.name() + " described " + what + " without '" + field + "'; try again later");
        }
        return v.asText();
    }

    private HttpRequest.Builder request(HttpMethod method, String url) {
        HttpRequest.Builder b = HttpRequest.builder().method(method).url(url);
        headers.forEach((k, v) -> b.addHeader(k, v));
        return b;
    }

    private String send(HttpRequest request) {
        try {
            return http.execute(request).body();
        } catch (RuntimeException e) {
            throw errors.map(e);
        }
    }

    private String retried(String what, Supplier<String> call) {
        return retrier.call(what, call);
    }

    private static String once(Supplier<String> call) {
        return call.get();
    }

    private JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new DragomanException(
                    DragomanException.Kind.BACKEND_UNAVAILABLE,
                    errors.name() + " answered a batch call with a body that is not JSON; try again later",
                    e);
        }
    }
}

package dev.dragoman.pipeline.backend.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.pipeline.deferred.BatchApi;
import dev.dragoman.pipeline.deferred.BatchHttp;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * OpenAI's Batch API: the requests go up as a JSONL file ({@code POST /files}, purpose {@code batch}; one line
 * {@code {custom_id, method, url, body}} per request), one {@code POST /batches} for endpoint
 * {@code /v1/chat/completions} with completion window 24h, {@code GET /batches/{id}} until it is completed, failed,
 * expired or cancelled, then the output file (answers: {@code response.body} is a chat completion) and the error file
 * (requests that failed or were not run) through {@code GET /files/{id}/content}. Thread-safe.
 */
final class OpenAiBatchApi implements BatchApi {

    static final String ENDPOINT = "/v1/chat/completions";
    private static final Set<String> ENDED = Set.of("completed", "failed", "expired", "cancelled");

    private final String base;
    private final String model;
    private final BatchHttp http;

    /** @param http with the key already in its headers */
    OpenAiBatchApi(String baseUrl, String model, BatchHttp http) {
        String b = Objects.requireNonNull(baseUrl, "baseUrl").strip();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.model = Objects.requireNonNull(model, "model");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public ObjectNode body(ChatRequest request) {
        ObjectNode body = Json.mapper().createObjectNode();
        String name = request.parameters() == null ? null : request.parameters().modelName();
        body.put("model", name == null || name.isBlank() ? model : name);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", BatchApi.role(m)).put("content", BatchApi.text(m));
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.maxOutputTokens() != null) {
            body.put("max_tokens", request.maxOutputTokens());
        }
        if (request.responseFormat() != null && request.responseFormat().type() == ResponseFormatType.JSON) {
            body.putObject("response_format").put("type", "json_object");
        }
        return body;
    }

    @Override
    public String submit(List<Request> requests) {
        StringBuilder jsonl = new StringBuilder();
        for (Request r : requests) {
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("custom_id", r.customId());
            line.put("method", "POST");
            line.put("url", ENDPOINT);
            line.set("body", r.body());
            jsonl.append(line).append('\n');
        }
        JsonNode file = http.upload(
                base + "/files",
                Map.of("purpose", "batch"),
                "file",
                "dragoman-batch.jsonl",
                "application/jsonl",
                jsonl.toString().getBytes(StandardCharsets.UTF_8));
        String fileId = http.field(file, "id", "the uploaded batch file");
        ObjectNode create = Json.mapper().createObjectNode();
        create.put("input_file_id", fileId);
        create.put("endpoint", ENDPOINT);
        create.put("completion_window", "24h");
        return http.field(http.create(base + "/batches", create), "id", "the new batch");
    }

    @Override
    public Status status(String batchId) {
        JsonNode b = http.get(base + "/batches/" + batchId);
        String state = http.field(b, "status", "batch " + batchId);
        return new Status(batchId, state, ENDED.contains(state), b);
    }

    @Override
    public List<Answer> results(Status ended) {
        List<Answer> out = new ArrayList<>();
        for (String field : List.of("output_file_id", "error_file_id")) {
            JsonNode id = ended.raw().get(field);
            if (id == null || id.isNull() || id.asText().isBlank()) {
                continue;
            }
            String text = http.text(base + "/files/" + id.asText() + "/content");
            http.lines(text).forEach(l -> out.add(answer(l)));
        }
        return out;
    }

    /** One line of an output or error file. */
    private Answer answer(JsonNode l) {
        String id = http.field(l, "custom_id", "a batch results line");
        JsonNode error = l.get("error");
        if (error != null && !error.isNull()) {
            // a request the batch did not run (expired, cancelled): a live call may still do it
            return Answer.failed(
                    id,
                    error.path("code").asText("error") + ": "
                            + error.path("message").asText(),
                    true);
        }
        JsonNode response = l.path("response");
        int status = response.path("status_code").asInt(0);
        JsonNode body = response.path("body");
        if (status != 200) {
            String said = body.path("error").path("message").asText("");
            return Answer.failed(
                    id, "HTTP " + status + (said.isBlank() ? "" : ": " + said), status == 429 || status >= 500);
        }
        JsonNode content = body.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            return Answer.failed(id, "an answer without text", true);
        }
        JsonNode usage = body.path("usage");
        return Answer.ok(
                id,
                content.asText(),
                usage.path("prompt_tokens").asLong(),
                usage.path("completion_tokens").asLong());
    }
}

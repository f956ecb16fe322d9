package dev.dragoman.pipeline.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.pipeline.deferred.BatchApi;
import dev.dragoman.pipeline.deferred.BatchHttp;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Anthropic's Message Batches: one {@code POST /messages/batches} with the requests inline ({@code {custom_id,
 * params}}, params as for the Messages API), {@code GET /messages/batches/{id}} until {@code processing_status} is
 * {@code ended}, then the JSONL at its {@code results_url}: per request {@code result.type} succeeded (a message),
 * errored, canceled or expired. Each body is sized as a live request is ({@link AnthropicChatModelProvider#sized}).
 * Thread-safe.
 */
final class AnthropicBatchApi implements BatchApi {

    /** Errors a live call may not repeat: the provider's server side, not the request. */
    private static final Set<String> RETRIABLE = Set.of("api_error", "overloaded_error", "rate_limit_error");

    private final String base;
    private final String model;
    private final int maxOutput;
    private final BatchHttp http;

    /** @param http with the key and API version already in its headers */
    AnthropicBatchApi(String baseUrl, String model, int maxOutput, BatchHttp http) {
        String b = Objects.requireNonNull(baseUrl, "baseUrl").strip();
        this.base = b.endsWith("/") ? b : b + "/";
        this.model = Objects.requireNonNull(model, "model");
        this.maxOutput = maxOutput;
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public ObjectNode body(ChatRequest request) {
        ChatRequest r = AnthropicChatModelProvider.sized(request, maxOutput);
        ObjectNode body = Json.mapper().createObjectNode();
        String name = r.parameters() == null ? null : r.parameters().modelName();
        body.put("model", name == null || name.isBlank() ? model : name);
        body.put("max_tokens", r.maxOutputTokens());
        StringBuilder system = new StringBuilder();
        ArrayNode messages = Json.mapper().createArrayNode();
        for (ChatMessage m : r.messages()) {
            if (m instanceof SystemMessage s) {
                system.append(system.length() > 0 ? "\n\n" : "").append(s.text());
            } else {
                messages.addObject().put("role", BatchApi.role(m)).put("content", BatchApi.text(m));
            }
        }
        if (system.length() > 0) {
            body.put("system", system.toString());
        }
        body.set("messages", messages);
        if (r.temperature() != null) {
            body.put("temperature", r.temperature());
        }
        return body;
    }

    @Override
    public String submit(List<Request> requests) {
        ObjectNode create = Json.mapper().createObjectNode();
        ArrayNode list = create.putArray("requests");
        for (Request r : requests) {
            list.addObject().put("custom_id", r.customId()).set("params", r.body());
        }
        return http.field(http.create(base + "messages/batches", create), "id", "the new batch");
    }

    @Override
    public Status status(String batchId) {
        JsonNode b = http.get(base + "messages/batches/" + batchId);
        String state = http.field(b, "processing_status", "batch " + batchId);
        return new Status(batchId, state, "ended".equals(state), b);
    }

    @Override
    public List<Answer> results(Status ended) {
        String url = http.field(ended.raw(), "results_url", "the ended batch " + ended.id());
        List<Answer> out = new ArrayList<>();
        http.lines(http.text(url)).forEach(l -> out.add(answer(l)));
        return out;
    }

    private Answer answer(JsonNode l) {
        String id = http.field(l, "custom_id", "a batch results line");
        JsonNode result = l.path("result");
        String type = result.path("type").asText("");
        switch (type) {
            case "succeeded" -> {
                JsonNode message = result.path("message");
                StringBuilder text = new StringBuilder();
                boolean any = false;
                for (JsonNode block : message.path("content")) {
                    if ("text".equals(block.path("type").asText())) {
                        text.append(block.path("text").asText());
                        any = true;
                    }
                }
                if (!any) {
                    return Answer.failed(id, "an answer without text", true);
                }
                JsonNode usage = message.path("usage");
                return Answer.ok(
                        id,
                        text.toString(),
                        usage.path("input_tokens").asLong(),
                        usage.path("output_tokens").asLong());
            }
            case "errored" -> {
                JsonNode error = result.path("error").path("error");
                String kind = error.path("type").asText("error");
                return Answer.failed(id, kind + ": " + error.path("message").asText(""), RETRIABLE.contains(kind));
            }
            case "canceled", "expired" -> {
                return Answer.failed(id, "the request was " + type + " in the batch", true);
            }
            default -> {
                return Answer.failed(id, "an unknown result type '" + type + "'", true);
            }
        }
    }
}

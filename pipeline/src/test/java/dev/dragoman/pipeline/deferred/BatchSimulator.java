package dev.dragoman.pipeline.deferred;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.OpenAiJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A simulated batch endpoint in one vendor's shape — OpenAI's Batch API (files, batches, output and error files) or
 * Anthropic's Message Batches (inline requests, {@code processing_status}, results JSONL) — plus the vendor's live
 * chat endpoint. Answers are made from each request's segments; a test marks a batch ended with {@link #end()}, and
 * chooses per custom id how a request fails ({@link #fail}). Results are served in reverse order of the requests.
 */
final class BatchSimulator extends Dispatcher {

    enum Shape {
        OPENAI,
        ANTHROPIC
    }

    /** How one request of a batch ends when it does not succeed. */
    enum Failure {
        SERVER_ERROR,
        INVALID,
        EXPIRED
    }

    private final Shape shape;
    private final Function<String, String> baseUrl;
    final AtomicInteger uploads = new AtomicInteger();
    final AtomicInteger creates = new AtomicInteger();
    final AtomicInteger polls = new AtomicInteger();
    final AtomicInteger live = new AtomicInteger();
    final List<String> polledIds = new CopyOnWriteArrayList<>();
    /** Every batch created: id → its requests (custom id → body), in the order sent. */
    final Map<String, Map<String, JsonNode>> batches = Collections.synchronizedMap(new LinkedHashMap<>());

    private final Map<String, JsonNode> uploaded = new LinkedHashMap<>();
    private final Map<String, Failure> failures = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> ended = new CopyOnWriteArrayList<>();
    private Function<String, String> answerText = BatchSimulator::translate;

    /** @param baseUrl the server's URL for a path (for Anthropic's {@code results_url}) */
    BatchSimulator(Shape shape, Function<String, String> baseUrl) {
        this.shape = shape;
        this.baseUrl = baseUrl;
    }

    /** Every batch created so far ends at the next poll. */
    void end() {
        ended.addAll(batches.keySet());
    }

    /** The request whose user message contains {@code marker} fails in the batch as {@code how}. */
    void fail(String marker, Failure how) {
        failures.put(marker, how);
    }

    /** Answers made by {@code f} from the user message instead of translations of its segments. */
    void answerWith(Function<String, String> f) {
        this.answerText = f;
    }

    /** A translation of every segment of the user message, as the translate prompt asks. */
    static String translate(String user) {
        int open = user.indexOf("<article_segments>");
        int close = user.indexOf("</article_segments>");
        try {
            JsonNode segments = Json.mapper().readTree(user.substring(open + "<article_segments>".length(), close));
            ObjectNode answer = Json.mapper().createObjectNode();
            ObjectNode t = answer.putObject("translations");
            segments.properties()
                    .forEach(e -> t.put(
                            e.getKey(),
                            "English rendering " + e.getKey() + " of a paragraph of "
                                    + e.getValue().asText().length() + " letters about the news."));
            return answer.toString();
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("not a translation request: " + user, e);
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        try {
            return shape == Shape.OPENAI ? openAi(method, path, body) : anthropic(method, path, body);
        } catch (IOException e) {
            return json(400, "{\"error\":{\"message\":\"bad JSON: " + e.getMessage() + "\"}}");
        }
    }

    private MockResponse openAi(String method, String path, String body) throws IOException {
        if (method.equals("POST") && path.equals("/v1/chat/completions")) {
            live.incrementAndGet();
            return json(200, openAiCompletion(Json.mapper().readTree(body)).toString());
        }
        if (method.equals("POST") && path.equals("/v1/files")) {
            if (!body.contains("name=\"purpose\"") || !body.contains("batch")) {
                return json(400, "{\"error\":{\"message\":\"purpose must be batch\"}}");
            }
            String id = "file-in-" + uploads.incrementAndGet();
            synchronized (uploaded) {
                uploaded.put(id, Json.mapper().readTree("[" + String.join(",", jsonLines(body)) + "]"));
            }
            return json(
                    200,
                    "{\"id\":\"" + id + "\",\"object\":\"file\",\"bytes\":" + body.length()
                            + ",\"filename\":\"dragoman-batch.jsonl\",\"purpose\":\"batch\"}");
        }
        if (method.equals("POST") && path.equals("/v1/batches")) {
            JsonNode create = Json.mapper().readTree(body);
            if (!create.path("endpoint").asText().equals("/v1/chat/completions")
                    || !create.path("completion_window").asText().equals("24h")) {
                return json(400, "{\"error\":{\"message\":\"bad endpoint or window\"}}");
            }
            JsonNode lines;
            synchronized (uploaded) {
                lines = uploaded.get(create.path("input_file_id").asText());
            }
            if (lines == null) {
                return json(404, "{\"error\":{\"message\":\"no such file\"}}");
            }
            String id = "batch_" + (creates.incrementAndGet());
            Map<String, JsonNode> requests = new LinkedHashMap<>();
            for (JsonNode l : lines) {
                if (!l.path("url").asText().equals("/v1/chat/completions")
                        || !l.path("method").asText().equals("POST")) {
                    return json(400, "{\"error\":{\"message\":\"bad line\"}}");
                }
                requests.put(l.path("custom_id").asText(), l.path("body"));
            }
            batches.put(id, requests);
            return json(200, openAiBatch(id, "validating").toString());
        }
        if (method.equals("GET") && path.startsWith("/v1/batches/")) {
            String id = path.substring("/v1/batches/".length());
            polls.incrementAndGet();
            polledIds.add(id);
            if (!batches.containsKey(id)) {
                return json(404, "{\"error\":{\"message\":\"no such batch\"}}");
            }
            return json(
                    200,
                    openAiBatch(id, ended.contains(id) ? "completed" : "in_progress")
                            .toString());
        }
        if (method.equals("GET") && path.startsWith("/v1/files/") && path.endsWith("/content")) {
            String file = path.substring("/v1/files/".length(), path.length() - "/content".length());
            String batch = "batch_" + file.substring(file.lastIndexOf('-') + 1);
            boolean errors = file.startsWith("file-err-");
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> r : reversed(batches.get(batch))) {
                Failure f = failureOf(r.getValue());
                if (errors != (f != null)) {
                    continue;
                }
                ObjectNode line = Json.mapper().createObjectNode();
                line.put("id", "batch_req_" + r.getKey().substring(0, 8));
                line.put("custom_id", r.getKey());
                if (f == Failure.EXPIRED) {
                    line.putNull("response");
                    line.putObject("error")
                            .put("code", "batch_expired")
                            .put("message", "This request could not be executed before the completion window expired.");
                } else {
                    ObjectNode response = line.putObject("response");
                    response.put("request_id", "req_" + r.getKey().substring(0, 6));
                    if (f == null) {
                        response.put("status_code", 200);
                        response.set("body", openAiCompletion(r.getValue()));
                    } else {
                        response.put("status_code", f == Failure.INVALID ? 400 : 500);
                        response.putObject("body")
                                .putObject("error")
                                .put("message", f == Failure.INVALID ? "Invalid request: bad message" : "server error")
                                .put("type", f == Failure.INVALID ? "invalid_request_error" : "server_error");
                    }
                    line.putNull("error");
                }
                out.add(line.toString());
            }
            return new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/octet-stream")
                    .body(String.join("\n", out) + "\n")
                    .build();
        }
        return json(404, "{\"error\":{\"message\":\"unknown route " + method + " " + path + "\"}}");
    }

    private ObjectNode openAiBatch(String id, String status) {
        ObjectNode b = Json.mapper().createObjectNode();
        b.put("id", id).put("object", "batch").put("endpoint", "/v1/chat/completions");
        b.put("input_file_id", "file-in-" + id.substring("batch_".length()));
        b.put("completion_window", "24h").put("status", status);
        String n = id.substring("batch_".length());
        boolean done = status.equals("completed");
        Map<String, JsonNode> requests = batches.get(id);
        boolean anyOk = requests.values().stream().anyMatch(r -> failureOf(r) == null);
        boolean anyFailed = requests.values().stream().anyMatch(r -> failureOf(r) != null);
        if (done && anyOk) {
            b.put("output_file_id", "file-out-" + n);
        } else {
            b.putNull("output_file_id");
        }
        if (done && anyFailed) {
            b.put("error_file_id", "file-err-" + n);
        } else {
            b.putNull("error_file_id");
        }
        b.put("created_at", 1_733_400_000L);
        ObjectNode counts = b.putObject("request_counts");
        counts.put("total", requests.size());
        counts.put("completed", done ? requests.size() : 0);
        counts.put("failed", 0);
        return b;
    }

    private ObjectNode openAiCompletion(JsonNode body) {
        return OpenAiJson.chatCompletion(body.path("model").asText(), answerText.apply(user(body)), 300, 80);
    }

    private MockResponse anthropic(String method, String path, String body) throws IOException {
        if (method.equals("POST") && path.equals("/v1/messages")) {
            live.incrementAndGet();
            return json(200, anthropicMessage(Json.mapper().readTree(body)).toString());
        }
        if (method.equals("POST") && path.equals("/v1/messages/batches")) {
            JsonNode create = Json.mapper().readTree(body);
            String id = "msgbatch_0" + creates.incrementAndGet();
            Map<String, JsonNode> requests = new LinkedHashMap<>();
            for (JsonNode r : create.path("requests")) {
                String customId = r.path("custom_id").asText();
                if (!customId.matches("[a-zA-Z0-9_-]{1,64}")
                        || !r.path("params").has("max_tokens")) {
                    return json(
                            400,
                            "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                                    + "\"message\":\"bad custom_id or params\"}}");
                }
                requests.put(customId, r.path("params"));
            }
            batches.put(id, requests);
            return json(200, anthropicBatch(id, "in_progress").toString());
        }
        if (method.equals("GET") && path.startsWith("/v1/messages/batches/") && path.endsWith("/results")) {
            String id = path.substring("/v1/messages/batches/".length(), path.length() - "/results".length());
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> r : reversed(batches.get(id))) {
                ObjectNode line = Json.mapper().createObjectNode();
                line.put("custom_id", r.getKey());
                ObjectNode result = line.putObject("result");
                Failure f = failureOf(r.getValue());
                if (f == null) {
                    result.put("type", "succeeded");
                    result.set("message", anthropicMessage(r.getValue()));
                } else if (f == Failure.EXPIRED) {
                    result.put("type", "expired");
                } else {
                    result.put("type", "errored");
                    result.putObject("error")
                            .put("type", "error")
                            .putObject("error")
                            .put("type", f == Failure.INVALID ? "invalid_request_error" : "api_error")
                            .put(
                                    "message",
                                    f == Failure.INVALID
                                            ? "messages: text content blocks must be non-empty"
                                            : "Internal server error");
                }
                out.add(line.toString());
            }
            return new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/binary")
                    .body(String.join("\n", out) + "\n")
                    .build();
        }
        if (method.equals("GET") && path.startsWith("/v1/messages/batches/")) {
            String id = path.substring("/v1/messages/batches/".length());
            polls.incrementAndGet();
            polledIds.add(id);
            if (!batches.containsKey(id)) {
                return json(
                        404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"no batch\"}}");
            }
            return json(
                    200,
                    anthropicBatch(id, ended.contains(id) ? "ended" : "in_progress")
                            .toString());
        }
        return json(404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"" + path + "\"}}");
    }

    private ObjectNode anthropicBatch(String id, String status) {
        ObjectNode b = Json.mapper().createObjectNode();
        b.put("id", id).put("type", "message_batch").put("processing_status", status);
        int n = batches.get(id).size();
        ObjectNode counts = b.putObject("request_counts");
        counts.put("processing", status.equals("ended") ? 0 : n);
        counts.put("succeeded", status.equals("ended") ? n : 0);
        counts.put("errored", 0).put("canceled", 0).put("expired", 0);
        b.put("created_at", "2026-12-05T13:00:00Z").put("expires_at", "2026-12-06T13:00:00Z");
        if (status.equals("ended")) {
            b.put("ended_at", "2026-12-05T14:00:00Z");
            b.put("results_url", baseUrl.apply("/v1/messages/batches/" + id + "/results"));
        } else {
            b.putNull("ended_at");
            b.putNull("results_url");
        }
        return b;
    }

    private ObjectNode anthropicMessage(JsonNode params) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("id", "msg_01")
                .put("type", "message")
                .put("role", "assistant")
                .put("model", params.path("model").asText());
        m.putArray("content").addObject().put("type", "text").put("text", answerText.apply(user(params)));
        m.put("stop_reason", "end_turn");
        m.putObject("usage").put("input_tokens", 310).put("output_tokens", 85);
        return m;
    }

    private Failure failureOf(JsonNode body) {
        String user = user(body);
        synchronized (failures) {
            for (Map.Entry<String, Failure> f : failures.entrySet()) {
                if (user.contains(f.getKey())) {
                    return f.getValue();
                }
            }
        }
        return null;
    }

    private static String user(JsonNode body) {
        for (JsonNode m : body.path("messages")) {
            if (m.path("role").asText().equals("user")) {
                JsonNode content = m.path("content");
                if (content.isArray()) { // the live Messages API client sends content blocks
                    StringBuilder text = new StringBuilder();
                    content.forEach(b -> text.append(b.path("text").asText()));
                    return text.toString();
                }
                return content.asText();
            }
        }
        throw new AssertionError("no user message in " + body);
    }

    private static List<Map.Entry<String, JsonNode>> reversed(Map<String, JsonNode> requests) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>(requests.entrySet());
        Collections.reverse(list);
        return list;
    }

    /** The JSON lines of a multipart upload's file part. */
    private static List<String> jsonLines(String multipart) {
        List<String> out = new ArrayList<>();
        for (String line : multipart.split("\r?\n")) {
            if (line.startsWith("{\"custom_id\"")) {
                out.add(line);
            }
        }
        return out;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

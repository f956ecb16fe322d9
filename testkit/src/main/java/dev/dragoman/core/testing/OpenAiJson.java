package dev.dragoman.core.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI's chat-completion response as its API reference documents it ({@code POST /v1/chat/completions}, not
 * streamed): one choice, the assistant's message, {@code finish_reason: stop} and the usage. One shape for the
 * simulated backend, the batch simulator and the tests that script a mock server, so they cannot drift apart.
 */
public final class OpenAiJson {

    private OpenAiJson() {}

    /** A completion with id {@code chatcmpl-1}, created at a fixed time (2024-06-25). */
    public static ObjectNode chatCompletion(String model, String content, int promptTokens, int completionTokens) {
        return chatCompletion("chatcmpl-1", 1719300000L, model, content, promptTokens, completionTokens);
    }

    /**
     * A completion answering {@code content}.
     *
     * @param created Unix seconds
     */
    public static ObjectNode chatCompletion(
            String id, long created, String model, String content, int promptTokens, int completionTokens) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("id", id)
                .put("object", "chat.completion")
                .put("created", created)
                .put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        body.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return body;
    }
}

package dev.dragoman.translate.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.translate.Fakes;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A chat model for tests that behaves like an obedient translator: it reads the numbered segments from the framed
 * JSON in the user message, "translates" each with {@link Fakes#translit}, and answers in the requested JSON shape.
 * Scripted faults ({@link #thenAnswer}) replace the next answers. It refuses (fails the test) when the framing it
 * relies on is missing, and records every request.
 */
public final class ScriptedChatModel implements ChatModel {

    public final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final Deque<Function<Map<String, String>, Object>> script = new ArrayDeque<>();
    private final String modelName;

    public ScriptedChatModel(String modelName) {
        this.modelName = modelName;
    }

    /** The next answer is computed by {@code answer} from the parsed segments (a String answer or a RuntimeException). */
    public synchronized ScriptedChatModel thenAnswer(Function<Map<String, String>, Object> answer) {
        script.addLast(answer);
        return this;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return DefaultChatRequestParameters.builder().modelName(modelName).build();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        String system = null;
        String user = null;
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                system = s.text();
            } else if (m instanceof UserMessage u) {
                user = u.singleText();
            }
        }
        if (system == null || user == null) {
            throw new AssertionError("expected a system and a user message");
        }
        Map<String, String> segments = segments(user);
        Function<Map<String, String>, Object> scripted;
        synchronized (this) {
            scripted = script.pollFirst();
        }
        Object answer = scripted != null ? scripted.apply(segments) : obedientAnswer(segments);
        if (answer instanceof RuntimeException e) {
            throw e;
        }
        int in = system.length() / 4 + user.length() / 4;
        int out = String.valueOf(answer).length() / 4;
        return ChatResponse.builder()
                .aiMessage(AiMessage.from((String) answer))
                .tokenUsage(new TokenUsage(in, out))
                .modelName(modelName)
                .build();
    }

    /** The segments inside the frame, keyed by number; fails if the frame is missing or broken. */
    public static Map<String, String> segments(String user) {
        int open = user.indexOf(LlmTranslator.OPEN);
        int close = user.lastIndexOf(LlmTranslator.CLOSE);
        if (open < 0
                || close < open
                || user.indexOf(LlmTranslator.OPEN, open + 1) >= 0
                || user.indexOf(LlmTranslator.CLOSE) != close) {
            throw new AssertionError("the segments are not framed exactly once: " + user);
        }
        try {
            JsonNode n = Json.mapper().readTree(user.substring(open + LlmTranslator.OPEN.length(), close));
            Map<String, String> out = new java.util.LinkedHashMap<>();
            n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        } catch (java.io.IOException e) {
            throw new AssertionError("the framed segments are not JSON: " + user, e);
        }
    }

    /** The answer of a model that does its job. */
    public static String obedientAnswer(Map<String, String> segments) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode t = root.putObject("translations");
        segments.forEach((k, v) -> t.put(k, Fakes.translit(v)));
        return root.toString();
    }
}

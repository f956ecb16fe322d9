package dev.dragoman.summarize.llm;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** A chat model for tests: answers with a function of (system, user) and records every call in order. */
final class ScriptedChatModel implements ChatModel {

    record Call(String system, String user, ChatRequest request) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final BiFunction<String, String, String> answer;

    ScriptedChatModel(BiFunction<String, String, String> answer) {
        this.answer = answer;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return DefaultChatRequestParameters.builder().modelName("scripted-1").build();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String system = null;
        String user = null;
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                system = s.text();
            } else if (m instanceof UserMessage u) {
                user = u.singleText();
            }
        }
        calls.add(new Call(system, user, request));
        String text = answer.apply(system, user);
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(text))
                .modelName("scripted-1")
                .tokenUsage(new TokenUsage(100, 20))
                .build();
    }
}

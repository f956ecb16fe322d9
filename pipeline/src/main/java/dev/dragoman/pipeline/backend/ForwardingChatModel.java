package dev.dragoman.pipeline.backend;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.Set;

/**
 * A chat model that wraps another and changes only {@link #chat(ChatRequest)} (sizing, budgeting): the request
 * defaults and capabilities are the delegate's, and LangChain4j's {@code doChat} goes through {@code chat}, so a
 * decorator cannot be bypassed. Thread-safe if the delegate and the subclass are.
 */
public abstract class ForwardingChatModel implements ChatModel {

    private final ChatModel delegate;

    protected ForwardingChatModel(ChatModel delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The model this one wraps. */
    public ChatModel delegate() {
        return delegate;
    }

    @Override
    public abstract ChatResponse chat(ChatRequest request);

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return chat(request);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }
}

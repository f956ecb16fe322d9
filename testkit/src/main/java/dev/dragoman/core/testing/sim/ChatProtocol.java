package dev.dragoman.core.testing.sim;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * How the {@link SimulatedBackend} reads a translation prompt sent to {@code /v1/chat/completions} and writes the
 * assistant's answer: the counterpart of the client's prompt template and parser.
 */
public interface ChatProtocol {

    /** One chat message of the request. */
    record Message(String role, String content) {}

    /**
     * The segments the prompt asks to translate, keyed by the id the prompt gives them, in prompt order; empty when
     * the prompt carries none (the simulator then answers with a translation of the last user message).
     */
    LinkedHashMap<String, String> segments(List<Message> messages);

    /** The target language the prompt asks for (e.g. {@code "en"}); {@code "en"} when it does not say. */
    String targetLanguage(List<Message> messages);

    /** The assistant content carrying {@code translations} keyed by segment id, in the shape the prompt asks for. */
    String answer(List<Message> messages, LinkedHashMap<String, String> translations);
}

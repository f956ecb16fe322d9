package dev.dragoman.core.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;

/**
 * The one token estimate for planning LLM requests (packing translation batches, cutting long articles for
 * summaries, booking tokens with the rate limiter), without a tokenizer download: one token per three UTF-8 bytes,
 * rounded up. Real tokenizers give about one token per 4–5 bytes of English and of Arabic and one per CJK character,
 * so the estimate errs on the high side: a plan that fits the estimate fits the model. Stateless.
 */
public final class TokenEstimate {

    private TokenEstimate() {}

    /** Estimated tokens of {@code text}; 0 for null or empty. */
    public static int of(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, (utf8Length(text) + 2) / 3);
    }

    /** Estimated tokens of the text of {@code messages} (system and single-text user messages, AI answers). */
    public static long of(List<ChatMessage> messages) {
        long tokens = 0;
        for (String text : texts(messages)) {
            tokens += of(text);
        }
        return tokens;
    }

    /** The text of each of {@code messages} that has one (system and single-text user messages, AI answers). */
    public static List<String> texts(List<ChatMessage> messages) {
        List<String> texts = new java.util.ArrayList<>();
        for (ChatMessage m : messages) {
            if (m instanceof SystemMessage s) {
                texts.add(s.text());
            } else if (m instanceof UserMessage u && u.hasSingleText()) {
                texts.add(u.singleText());
            } else if (m instanceof AiMessage a && a.text() != null) {
                texts.add(a.text());
            }
        }
        return texts;
    }

    /** Estimated tokens of the user messages of {@code messages} alone: the data an answer is made from. */
    public static long ofUser(List<ChatMessage> messages) {
        long tokens = 0;
        for (ChatMessage m : messages) {
            if (m instanceof UserMessage u && u.hasSingleText()) {
                tokens += of(u.singleText());
            }
        }
        return tokens;
    }

    /** The UTF-8 length of {@code text} without allocating. */
    public static long utf8Length(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}

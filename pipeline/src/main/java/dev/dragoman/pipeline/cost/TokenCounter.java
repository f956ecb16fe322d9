package dev.dragoman.pipeline.cost;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.dragoman.core.llm.TokenEstimate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Counts tokens as a model's bill does, for estimates and budgets. OpenAI's current models (gpt-4o, gpt-4.1, gpt-5,
 * o1/o3/o4) are counted exactly with their tokenizer, {@code o200k_base} (jtokkit), plus OpenAI's chat framing of 3
 * tokens per message and 3 for the answer's start. Every other model is counted with the project's one
 * approximation, {@link TokenEstimate} (a token per three UTF-8 bytes), which errs high for Claude, Gemini and Llama
 * tokenizers on news text, so a budget built on it is not crossed. Thread-safe.
 */
public final class TokenCounter {

    /** OpenAI models that use {@code o200k_base}. */
    private static final Pattern O200K = Pattern.compile("^(gpt-4o|gpt-4\\.1|gpt-4\\.5|gpt-5|o1|o3|o4|chatgpt-4o).*");

    private static final Encoding O200K_BASE =
            Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private static final TokenCounter APPROXIMATE = new TokenCounter(null);
    private static final TokenCounter OPENAI = new TokenCounter(O200K_BASE);

    /** Tokens a chat completion adds per message (role and separators) and once for the answer's start. */
    static final int PER_MESSAGE = 3;

    private final Encoding encoding;

    private TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    /** The counter for a backend of {@code type} running {@code model} (null when unknown). */
    public static TokenCounter of(String type, String model) {
        if ("openai".equals(type)
                && model != null
                && O200K.matcher(model.toLowerCase(Locale.ROOT)).matches()) {
            return OPENAI;
        }
        return APPROXIMATE;
    }

    /** True when the count is the model's own tokenizer's, not the approximation. */
    public boolean exact() {
        return encoding != null;
    }

    /** Tokens of {@code text}; 0 for null or empty. */
    public long count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return encoding != null ? encoding.countTokensOrdinary(text) : TokenEstimate.of(text);
    }

    /** Tokens a chat request of these messages bills as input (with the framing when counted exactly). */
    public long prompt(List<String> messages) {
        long n = 0;
        for (String m : messages) {
            n += count(m);
        }
        return encoding != null && !messages.isEmpty() ? n + PER_MESSAGE * (messages.size() + 1L) : n;
    }
}

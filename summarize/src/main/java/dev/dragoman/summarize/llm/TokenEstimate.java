package dev.dragoman.summarize.llm;

/**
 * A conservative token estimate for planning requests within a model's context, without a tokenizer download:
 * Latin-script text is about four characters per token in GPT-style BPE vocabularies, Arabic and other non-Latin
 * scripts closer to two to three — so every non-ASCII letter counts 0.5 token, every other character 0.25, rounded up.
 * It errs on the high side: a plan that fits the estimate fits the model.
 */
public final class TokenEstimate {

    private TokenEstimate() {}

    public static int of(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        double tokens = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            tokens += c > 0x7F && Character.isLetter(c) ? 0.5 : 0.25;
        }
        return (int) Math.ceil(tokens);
    }
}

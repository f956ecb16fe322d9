package dev.dragoman.pipeline.cost;

import dev.dragoman.core.Article;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.text.Segmenter;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.translate.TranslationBackend;
import java.util.Objects;

/**
 * What one backend's calls cost, before they are made: the usage a request is expected to bill (for estimates), the
 * most it can bill (for budgets), and the price of a usage. One rule set for the estimate and the budget, so the two
 * never disagree. Immutable and thread-safe.
 *
 * <p>Machine translation bills the characters sent: expected and most are the same, exact. A language model bills
 * its prompt — {@link TranslationBackend#wireText the backend's own prompt}, counted by the model's
 * {@link TokenCounter} — and its answer, which is not known before it comes: a translation is expected to be as long
 * in tokens as its segments (plus the JSON keys around each), and is at most twice that plus 256 tokens, the answer
 * room Dragoman gives a model ({@code SizedChatModel.answerTokens}).
 *
 * @param name the backend's name in the configuration (for tables and messages)
 * @param type the backend type
 * @param model the model, or null
 * @param tokens true for language models (bills in tokens), false for machine translation (characters)
 * @param price the price, or null when the table has none for this backend
 * @param counter counts tokens as the model does
 */
public record BackendCost(
        String name, String type, String model, boolean tokens, ModelPrice price, TokenCounter counter) {

    /** JSON framing of one segment in a translation answer ({@code "12": "…",} and the line break). */
    static final int TOKENS_PER_SEGMENT = 5;
    /** The instructions of a summary prompt (style, length, language, rules), approximately. */
    static final int SUMMARY_PROMPT_TOKENS = 450;
    /** Tokens of one summary sentence when the article gives no measure of its own (an article without sentences). */
    static final int TOKENS_PER_SENTENCE = 45;

    public BackendCost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(counter, "counter");
    }

    /** The cost rules of a backend priced from {@code prices} (by model, type/model, type). */
    public static BackendCost of(String name, String type, String model, boolean tokens, PriceTable prices) {
        return new BackendCost(
                name, type, model, tokens, prices.find(type, model).orElse(null), TokenCounter.of(type, model));
    }

    /** The usage {@code backend} is expected to bill for {@code request}. */
    public Usage expected(TranslationBackend backend, TranslationRequest request) {
        if (!tokens) {
            return Usage.ofCharacters(1, request.characters());
        }
        return Usage.ofTokens(1, counter.prompt(backend.wireText(request)), answer(request));
    }

    /** The most {@code backend} can bill for {@code request} (see the class comment). */
    public Usage ceiling(TranslationBackend backend, TranslationRequest request) {
        if (!tokens) {
            return Usage.ofCharacters(1, request.characters());
        }
        return Usage.ofTokens(1, counter.prompt(backend.wireText(request)), 2 * answer(request) + 256);
    }

    private long answer(TranslationRequest request) {
        long n = 2; // the braces
        for (String s : request.segments()) {
            n += counter.count(s) + TOKENS_PER_SEGMENT;
        }
        return n;
    }

    /**
     * The usage a language model's summary of {@code article} is expected to bill: the instructions (about
     * {@value #SUMMARY_PROMPT_TOKENS} tokens), the headline and body, and an answer of the asked length written in
     * sentences as long as the article's own — its body's tokens per sentence (per word, for a length in words), so
     * the language and the model's tokenizer are those of the article. Measured on the dev sets' human summaries
     * (docs/BENCHMARKS.md, EstimateBenchmark): a fixed {@value #TOKENS_PER_SENTENCE} tokens a sentence was +71 % for
     * English (28 a sentence) and +38 % for Arabic. An approximation: long articles summarized in parts, and answers
     * asked again after a failed check, cost more; an article without sentences falls back to the fixed rate.
     */
    public Usage expectedSummary(Article article, SummaryOptions options) {
        long input = SUMMARY_PROMPT_TOKENS + counter.count(article.headline());
        long body = 0;
        long words = 0;
        long sentences = 0;
        for (var p : article.paragraphs()) {
            body += counter.count(p.text());
            words += Segmenter.wordCount(p.text());
            sentences += Segmenter.sentences(p.text(), article.language()).size();
        }
        input += body;
        double perSentence = sentences == 0 ? TOKENS_PER_SENTENCE : (double) body / sentences;
        double perWord = words == 0 ? 2 : (double) body / words;
        SummaryLength length = options.length();
        long output = switch (length.unit()) {
            case SENTENCES -> Math.round(length.value() * perSentence);
            case WORDS -> Math.round(length.value() * perWord);
            case RATIO -> Math.max(20, Math.round(length.value() * Math.max(1, sentences) * perSentence));
        };
        // JSON around bullets or a headline; a paragraph comes as it is
        return Usage.ofTokens(1, input, output + (options.style() == SummaryOptions.Style.PARAGRAPH ? 0 : 8));
    }

    /** What {@code usage} costs live and deferred; {@link Cost#UNKNOWN} without a price. */
    public Cost cost(Usage usage) {
        if (price == null) {
            return Cost.UNKNOWN;
        }
        return new Cost(price.live(usage), price.deferred(usage));
    }

    /** True when the table has a price for this backend. */
    public boolean priced() {
        return price != null;
    }
}

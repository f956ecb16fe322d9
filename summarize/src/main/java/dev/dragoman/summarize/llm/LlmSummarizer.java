package dev.dragoman.summarize.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.cache.CacheEntry;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.CachedCall;
import dev.dragoman.core.cache.NoResultCache;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.text.Segmenter;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.summarize.extractive.MainStory;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Abstractive summaries by a large language model through any LangChain4j {@link ChatModel} (the wiring picks the
 * provider and turns LangChain4j's own retries off; retries here follow the injected {@link Retrier}).
 *
 * <ul>
 *   <li><b>Prompts</b> are the versioned templates of {@link PromptTemplates}, one per style; paragraph summaries
 *       come back as plain text, bullets as {@code {"bullets": [...]}} and headlines as {@code {"headline": "..."}}
 *       (JSON response format requested). The summary is written in the requested output language in the same call
 *       (an Arabic article gives an English summary directly).
 *   <li><b>Framing</b>: the article goes in the user message between {@code <article>} tags, and the system
 *       message says that everything inside is data, never instructions. Tag look-alikes inside the article are
 *       neutralised, so the text cannot close the frame.
 *   <li><b>Long articles</b>: when the article's {@link TokenEstimate} exceeds the input budget (the context minus
 *       room for the prompt and the answer), it is cut along paragraph boundaries (a paragraph longer than a chunk
 *       along sentences) into chunks that fit; each chunk is summarized into notes (map, in order), and the notes
 *       are combined into the final summary (reduce; reduced again in groups while they still do not fit).
 *   <li><b>Fact-lock</b> ({@link FactLock}): every number of the summary must occur in the article; each one that
 *       does not is a warning in {@link Summary#warnings()}, or a {@link Kind#QUALITY} error when the options are
 *       strict.
 *   <li><b>Cache</b>: the summary is cached (through {@link CachedCall}, single flight) under the backend id, model,
 *       template version, style, length, output language and article text; warnings are recomputed on a hit.
 * </ul>
 *
 * <p>Only the main story ({@link MainStory}) is sent: never the source line or the "read also" stories. Thread-safe
 * if the model is.
 */
public final class LlmSummarizer implements Summarizer {

    private static final Logger LOG = LoggerFactory.getLogger(LlmSummarizer.class);
    /** The least article text per request worth sending. */
    private static final int MIN_CHUNK_TOKENS = 200;

    private final ChatModel model;
    private final String backendId;
    private final String modelName;
    private final int contextTokens;
    private final int answerTokens;
    private final CachedCall cache;
    private final Retrier retrier;
    private final Clock clock;

    private LlmSummarizer(Builder b) {
        this.model = b.model;
        this.backendId = b.backendId;
        this.modelName = b.modelName;
        this.contextTokens = b.contextTokens;
        this.answerTokens = b.answerTokens;
        this.cache = b.cache;
        this.retrier = b.retrier;
        this.clock = b.clock;
    }

    /** A builder over {@code model}; {@code backendId} names the configured backend ("openai", "ollama", …). */
    public static Builder builder(ChatModel model, String backendId) {
        return new Builder(model, backendId);
    }

    /** Options for {@link LlmSummarizer}; every default is set here. Not thread-safe. */
    public static final class Builder {
        private final ChatModel model;
        private final String backendId;
        private String modelName;
        private int contextTokens = 8_192;
        private int answerTokens = 1_024;
        private CachedCall cache = new CachedCall(new NoResultCache());
        private Retrier retrier = Retrier.withDefaults();
        private Clock clock = Clock.systemUTC();

        private Builder(ChatModel model, String backendId) {
            this.model = Objects.requireNonNull(model, "model");
            this.backendId = Objects.requireNonNull(backendId, "backendId");
            String name = model.defaultRequestParameters() == null
                    ? null
                    : model.defaultRequestParameters().modelName();
            this.modelName = name == null ? "" : name;
        }

        /** The model name for provenance and cache keys (default: the model's default request parameters). */
        public Builder modelName(String name) {
            this.modelName = Objects.requireNonNull(name, "name");
            return this;
        }
        /** The model's context window in tokens (default 8192). */
        public Builder contextTokens(int tokens) {
            this.contextTokens = tokens;
            return this;
        }
        /** Tokens kept free for the answer (default 1024). */
        public Builder answerTokens(int tokens) {
            this.answerTokens = tokens;
            return this;
        }
        /** The store for summaries (default none). */
        public Builder cache(ResultCache store) {
            this.cache = new CachedCall(store);
            return this;
        }
        /** A shared cache helper (single flight across every user of the store). */
        public Builder cache(CachedCall call) {
            this.cache = Objects.requireNonNull(call, "call");
            return this;
        }

        public Builder retrier(Retrier r) {
            this.retrier = Objects.requireNonNull(r, "retrier");
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public LlmSummarizer build() {
            if (answerTokens < 64 || contextTokens < answerTokens + 256) {
                throw new DragomanException(
                        Kind.CONFIGURATION,
                        "LLM backend '" + backendId + "': a context of " + contextTokens
                                + " tokens leaves no room for the prompt and an answer of " + answerTokens);
            }
            return new LlmSummarizer(this);
        }
    }

    @Override
    public Summary summarize(Article article, SummaryOptions options) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(options, "options");
        List<String> paragraphs = mainParagraphs(article);
        if (paragraphs.isEmpty()) {
            throw new InvalidInputException(
                    "the article" + (article.headline() == null ? "" : " \"" + article.headline() + "\"")
                            + " has no body text to summarize");
        }
        Language output = options.outputLanguage() != null ? options.outputLanguage() : article.language();
        if (output == null || Language.UNDETERMINED.equals(output)) {
            throw new InvalidInputException("the article's language is unknown: give the summary's language (--lang)");
        }
        String body = String.join("\n", paragraphs);
        CacheKey key = CacheKey.builder("summarize")
                .backend(backendId)
                .model(modelName)
                .templateVersion(PromptTemplates.VERSION)
                .source(article.language())
                .target(output)
                .option("style", options.style().name())
                .option(
                        "length",
                        options.length().unit() + ":" + options.length().value())
                .option("context", contextTokens)
                // the date rule is part of the prompt, so of the key; undated articles keep their old keys
                .input((article.headline() == null ? "" : article.headline()) + "\n" + body + dateLine(article))
                .build();
        CachedCall.Result result = cache.get(key, () -> {
            Generated g = generate(article, paragraphs, options, output);
            ObjectNode value = Json.mapper().createObjectNode();
            value.put("text", g.text());
            ArrayNode sentences = value.putArray("sentences");
            g.sentences().forEach(sentences::add);
            return new CacheEntry(value.toString(), clock.instant(), backendId, modelName, g.usage());
        });
        List<String> sentences = new ArrayList<>();
        String text;
        try {
            JsonNode node = Json.mapper().readTree(result.value());
            text = node.get("text").asText();
            node.get("sentences").forEach(s -> sentences.add(s.asText()));
        } catch (IOException | RuntimeException e) {
            throw new DragomanException(
                    Kind.INTERNAL, "a cached LLM summary could not be read back: " + e.getMessage(), e);
        }
        String source = sourceText(article, paragraphs);
        List<String> warnings = FactLock.violations(source, text);
        if (!warnings.isEmpty() && options.strict()) {
            throw new DragomanException(
                    Kind.QUALITY,
                    "the summary by '" + backendId + "' failed the fact-lock: " + String.join("; ", warnings));
        }
        CacheEntry entry = result.entry();
        return new Summary(
                text,
                sentences,
                output,
                backendId,
                entry.model(),
                result.fromCache() ? Usage.NONE : entry.usage(),
                entry.created(),
                result.fromCache(),
                warnings);
    }

    private record Generated(String text, List<String> sentences, Usage usage) {}

    private Generated generate(Article article, List<String> paragraphs, SummaryOptions options, Language output) {
        Usage[] usage = {Usage.NONE};
        int inputBudget = contextTokens - answerTokens - promptOverhead(options, output);
        String headline = article.headline();
        if (inputBudget - TokenEstimate.of(headline) < MIN_CHUNK_TOKENS) {
            throw new DragomanException(
                    Kind.CONFIGURATION,
                    "LLM backend '" + backendId + "': a context of "
                            + contextTokens + " tokens leaves under " + MIN_CHUNK_TOKENS
                            + " tokens of article per request"
                            + " after the prompt and an answer of " + answerTokens
                            + "; raise the context or lower the answer");
        }
        int total = TokenEstimate.of(String.join("\n", paragraphs)) + TokenEstimate.of(headline);
        String framed;
        String inputKind;
        if (total <= inputBudget) {
            framed = frame(headline, paragraphs);
            inputKind = "one news article (headline and body)";
        } else {
            List<String> notes = mapChunks(headline, paragraphs, inputBudget, output, usage);
            int size = TokenEstimate.of(String.join("\n", notes));
            while (size > inputBudget) {
                notes = mapChunks(null, notes, inputBudget, output, usage);
                int smaller = TokenEstimate.of(String.join("\n", notes));
                if (smaller >= size) {
                    throw new DragomanException(
                            Kind.BACKEND_UNAVAILABLE,
                            "LLM backend '" + backendId + "' ("
                                    + modelName + ") does not shorten its notes (" + size + " → " + smaller
                                    + " estimated tokens), so they never fit its context");
                }
                size = smaller;
            }
            framed = frame(headline, notes);
            inputKind = "notes on consecutive parts of one long news article, in order (headline first)";
        }
        String style = options.style().name().toLowerCase(Locale.ROOT);
        Map<String, String> vars = variables(inputKind, output, lengthText(options.length(), paragraphs));
        vars.put(
                "headline_words",
                String.valueOf(
                        options.length().unit() == SummaryLength.Unit.WORDS
                                ? (int) options.length().value()
                                : 14));
        String system = PromptTemplates.render(style, vars) + dateLine(article);
        boolean json = options.style() != SummaryOptions.Style.PARAGRAPH;
        String answer = call(system, framed, json, usage);
        List<String> sentences;
        String text;
        switch (options.style()) {
            case BULLETS -> {
                sentences = jsonStrings(answer, "bullets");
                text = String.join("\n", sentences.stream().map(s -> "- " + s).toList());
            }
            case HEADLINE -> {
                text = jsonStrings(answer, "headline").get(0);
                sentences = List.of(text);
            }
            default -> {
                text = answer.strip();
                sentences = Segmenter.sentences(text, output);
            }
        }
        if (text.isBlank()) {
            throw new DragomanException(
                    Kind.BACKEND_UNAVAILABLE,
                    "LLM backend '" + backendId + "' (" + modelName + ") answered with an empty summary");
        }
        return new Generated(text, sentences, usage[0]);
    }

    /** Map: one notes call per chunk, in document order. */
    private List<String> mapChunks(
            String headline, List<String> paragraphs, int inputBudget, Language output, Usage[] usage) {
        List<List<String>> chunks = chunk(paragraphs, inputBudget - TokenEstimate.of(headline));
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            int words = chunks.get(i).stream().mapToInt(Segmenter::wordCount).sum();
            Map<String, String> vars = variables(
                    "part " + (i + 1) + " of " + chunks.size() + " of one long news article",
                    output,
                    "at most " + Math.max(40, words / 4) + " words");
            vars.put("part", String.valueOf(i + 1));
            vars.put("parts", String.valueOf(chunks.size()));
            String system = PromptTemplates.render("notes", vars);
            notes.add(call(system, frame(headline, chunks.get(i)), false, usage).strip());
        }
        LOG.debug("map-reduce: {} chunks for {} paragraphs", chunks.size(), paragraphs.size());
        return notes;
    }

    /** Packs paragraphs in order into chunks of at most {@code budget} estimated tokens; splits oversized ones. */
    static List<List<String>> chunk(List<String> paragraphs, int budget) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int used = 0;
        for (String p : paragraphs) {
            List<String> pieces = TokenEstimate.of(p) <= budget ? List.of(p) : splitParagraph(p, budget);
            for (String piece : pieces) {
                int t = TokenEstimate.of(piece) + 1;
                if (!current.isEmpty() && used + t > budget) {
                    chunks.add(current);
                    current = new ArrayList<>();
                    used = 0;
                }
                current.add(piece);
                used += t;
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static List<String> splitParagraph(String paragraph, int budget) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String s : Segmenter.sentences(paragraph, null)) {
            if (current.length() > 0 && TokenEstimate.of(current + " " + s) > budget) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (TokenEstimate.of(s) > budget) {
                // one sentence larger than a chunk: cut at white space
                for (String w : s.split("\\s+")) {
                    if (current.length() > 0 && TokenEstimate.of(current + " " + w) > budget) {
                        out.add(current.toString());
                        current.setLength(0);
                    }
                    current.append(current.length() > 0 ? " " : "").append(w);
                }
            } else {
                current.append(current.length() > 0 ? " " : "").append(s);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private String call(String system, String user, boolean json, Usage[] usage) {
        ChatRequest.Builder request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .maxOutputTokens(answerTokens);
        if (json) {
            request.responseFormat(ResponseFormat.JSON);
        }
        ChatRequest built = request.build();
        ChatResponse response = retrier.call("LLM summarize (" + backendId + ")", () -> {
            try {
                return model.chat(built);
            } catch (RuntimeException e) {
                throw mapFailure(e);
            }
        });
        if (response == null
                || response.aiMessage() == null
                || response.aiMessage().text() == null) {
            throw new DragomanException(
                    Kind.BACKEND_UNAVAILABLE,
                    "LLM backend '" + backendId + "' (" + modelName + ") answered without text");
        }
        TokenUsage t = response.tokenUsage();
        long in = t == null || t.inputTokenCount() == null
                ? TokenEstimate.of(system) + TokenEstimate.of(user)
                : t.inputTokenCount();
        long out = t == null || t.outputTokenCount() == null
                ? TokenEstimate.of(response.aiMessage().text())
                : t.outputTokenCount();
        usage[0] = usage[0].plus(Usage.ofTokens(1, in, out));
        return response.aiMessage().text();
    }

    private List<String> jsonStrings(String answer, String field) {
        String trimmed = answer.strip();
        // tolerate a Markdown code fence around the JSON, which some models add even in JSON mode
        if (trimmed.startsWith("```")) {
            trimmed = trimmed.replaceAll("^```[a-zA-Z]*\\s*", "").replaceAll("\\s*```$", "");
        }
        try {
            JsonNode node = Json.mapper().readTree(trimmed).get(field);
            List<String> out = new ArrayList<>();
            if (node != null && node.isArray()) {
                node.forEach(n -> {
                    if (n.isTextual() && !n.asText().isBlank()) {
                        out.add(n.asText().strip());
                    }
                });
            } else if (node != null && node.isTextual() && !node.asText().isBlank()) {
                out.add(node.asText().strip());
            }
            if (!out.isEmpty()) {
                return out;
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the error below
        }
        throw new DragomanException(
                Kind.BACKEND_UNAVAILABLE,
                "LLM backend '" + backendId + "' (" + modelName
                        + ") did not answer with the requested JSON {\"" + field + "\": …}: "
                        + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer));
    }

    /**
     * A rule line that anchors relative day words to the article's date, or "" when the date is unknown (then nothing
     * is resolved). Appended to the rendered template; part of the cache key.
     */
    static String dateLine(Article article) {
        java.time.LocalDate day =
                article.published() == null ? null : article.published().day();
        if (day == null) {
            return "";
        }
        String weekday = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        return "\n- The article is dated " + day + " (" + weekday + "). The summary is read later, so wherever the text"
                + " says today, yesterday, tomorrow or a weekday (in any language: اليوم، أمس، غداً، الاثنين, aujourd'hui,"
                + " hier…), write the calendar date it means instead (for example " + day.minusDays(1)
                + " for yesterday).";
    }

    private static Map<String, String> variables(String inputKind, Language output, String length) {
        Map<String, String> vars = new HashMap<>();
        vars.put("input_kind", inputKind);
        vars.put("output_language", output.displayName() + " (" + output.tag() + ")");
        vars.put("length", length);
        return vars;
    }

    private static String lengthText(SummaryLength length, List<String> paragraphs) {
        return switch (length.unit()) {
            case SENTENCES -> "at most " + (int) length.value() + (length.value() == 1 ? " sentence" : " sentences");
            case WORDS -> "about " + (int) length.value() + " words";
            case RATIO ->
                "about "
                        + Math.max(
                                10,
                                Math.round(length.value()
                                        * paragraphs.stream()
                                                .mapToInt(Segmenter::wordCount)
                                                .sum()))
                        + " words";
        };
    }

    private static int promptOverhead(SummaryOptions options, Language output) {
        Map<String, String> vars = variables("x".repeat(80), output, "x".repeat(40));
        vars.put("headline_words", "14");
        vars.put("part", "1");
        vars.put("parts", "1");
        int styleTokens =
                TokenEstimate.of(PromptTemplates.render(options.style().name().toLowerCase(Locale.ROOT), vars));
        int notesTokens = TokenEstimate.of(PromptTemplates.render("notes", vars));
        return Math.max(styleTokens, notesTokens) + 64; // + the frame's tags and message overhead
    }

    /** The article as data: tags that could close or fake the frame are neutralised. */
    static String frame(String headline, List<String> paragraphs) {
        StringBuilder sb = new StringBuilder("<article>\n");
        if (headline != null && !headline.isBlank()) {
            sb.append("<headline>").append(neutralise(headline)).append("</headline>\n");
        }
        sb.append("<body>\n");
        for (String p : paragraphs) {
            sb.append(neutralise(p)).append('\n');
        }
        return sb.append("</body>\n</article>").toString();
    }

    private static String neutralise(String text) {
        return text.replaceAll("(?i)<\\s*(/?)\\s*(article|body|headline)\\s*>", "‹$1$2›");
    }

    private static List<String> mainParagraphs(Article article) {
        List<String> out = new ArrayList<>();
        int current = -1;
        StringBuilder sb = new StringBuilder();
        for (MainStory.Sentence s : MainStory.sentences(article)) {
            if (s.paragraph() != current) {
                if (sb.length() > 0) {
                    out.add(sb.toString());
                }
                sb.setLength(0);
                current = s.paragraph();
            }
            sb.append(sb.length() > 0 ? " " : "").append(s.text());
        }
        if (sb.length() > 0) {
            out.add(sb.toString());
        }
        return out;
    }

    private static String sourceText(Article article, List<String> paragraphs) {
        StringBuilder sb = new StringBuilder();
        if (article.headline() != null) {
            sb.append(article.headline()).append('\n');
        }
        if (article.published() != null && article.published().raw() != null) {
            sb.append(article.published().raw()).append('\n');
            if (article.published().date() != null) {
                sb.append(article.published().date()).append('\n');
            }
        }
        return sb.append(String.join("\n", paragraphs)).toString();
    }

    /** The one mapping from LangChain4j's exceptions to Dragoman's for summaries. */
    private DragomanException mapFailure(RuntimeException e) {
        String name = "LLM backend '" + backendId + "' (" + modelName + ")";
        if (e instanceof DragomanException d) {
            return d;
        }
        if (e instanceof RateLimitException) {
            return new RateLimitedException(name + " is rate limiting requests; try again later", null);
        }
        if (e instanceof AuthenticationException) {
            return new DragomanException(Kind.AUTHENTICATION_FAILED, name + " rejected the key: check its API key", e);
        }
        if (e instanceof ModelNotFoundException) {
            return new DragomanException(
                    Kind.CONFIGURATION, name + ": the model was not found; check the model name", e);
        }
        if (e instanceof TimeoutException
                || hasCause(e, java.net.SocketTimeoutException.class)
                || hasCause(e, java.net.http.HttpTimeoutException.class)) {
            return new DragomanException(
                    Kind.TIMEOUT, name + " did not answer in time; raise its timeout or try later", e);
        }
        if (e instanceof ContentFilteredException) {
            return new DragomanException(Kind.BAD_REQUEST, name + " refused the text (content filter)", e);
        }
        if (e instanceof InvalidRequestException) {
            return new DragomanException(Kind.BAD_REQUEST, name + " rejected the request: " + brief(e), e);
        }
        return new DragomanException(Kind.BACKEND_UNAVAILABLE, name + " failed: " + brief(e), e);
    }

    private static String brief(Throwable e) {
        String m = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip().replaceAll("\\s+", " ");
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

package dev.dragoman.summarize.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.error.Reasons;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.text.Segmenter;
import dev.dragoman.summarize.extractive.LeadSummarizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores a {@link Summarizer} with ROUGE on a JSONL data set beside Lead baselines.
 *
 * <p>Each line is an object with {@code id}, {@code lang}, {@code title}, {@code text} (one paragraph per line) and
 * {@code summaries} (reference summaries); other fields are ignored. The article is the title as headline and the
 * text's lines as paragraphs. Systems: the summarizer, Lead-1, Lead-3 and "Lead (same length)" — the first
 * sentences at the summarizer's requested length. With no length given, each article's summary length is the word
 * count of its (first) reference, for the summarizer and the same-length Lead alike. ROUGE is Porter-stemmed for
 * English data sets and unstemmed otherwise (see {@link Rouge} for the Unicode tokenization and Arabic folding);
 * with several references, the best-matching one counts. An article the summarizer fails on scores 0 and is listed.
 */
public final class SummarizationEval {

    /**
     * @param length the summary length; {@code null} = each article's reference word count
     * @param perArticle whether the report lists every article's scores
     * @param limit score only the first {@code limit} articles (0 = all)
     */
    public record Options(SummaryLength length, boolean perArticle, int limit) {
        public static final Options DEFAULT = new Options(null, false, 0);

        public Options withLength(SummaryLength newLength) {
            return new Options(newLength, perArticle, limit);
        }

        public Options withPerArticle(boolean newPerArticle) {
            return new Options(length, newPerArticle, limit);
        }
    }

    /** One data set item. */
    public record Item(String id, Article article, List<String> references) {
        public Item {
            references = List.copyOf(references);
        }
    }

    private SummarizationEval() {}

    /**
     * Reads {@code dataset} and scores {@code summarizer} and the Lead baselines on it.
     *
     * @throws InvalidInputException when the file is missing or a line is not a data set item
     */
    public static EvalReport run(Path dataset, Summarizer summarizer, Options options) {
        return run(dataset.getFileName().toString(), read(dataset), summarizer, options);
    }

    /** Scores {@code summarizer} and the Lead baselines on {@code items}. */
    public static EvalReport run(String name, List<Item> items, Summarizer summarizer, Options options) {
        Objects.requireNonNull(summarizer, "summarizer");
        Objects.requireNonNull(options, "options");
        List<Item> scored =
                options.limit() > 0 && options.limit() < items.size() ? items.subList(0, options.limit()) : items;
        boolean english = !scored.isEmpty()
                && scored.stream()
                        .allMatch(
                                i -> Language.ENGLISH.sameLanguageAs(i.article().language()));
        Rouge rouge = english ? Rouge.porterStemmed() : Rouge.unstemmed();
        LeadSummarizer lead = new LeadSummarizer();
        String[] systems = {"summarizer", "Lead-1", "Lead-3", "Lead (same length)"};
        double[][] sums = new double[systems.length][4];
        List<EvalReport.ArticleScores> perArticle = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Item item : scored) {
            SummaryLength length = options.length() != null
                    ? options.length()
                    : SummaryLength.words(
                            Math.max(1, Segmenter.wordCount(item.references().get(0))));
            SummaryOptions same = SummaryOptions.DEFAULT.withLength(length);
            for (int s = 0; s < systems.length; s++) {
                String text;
                try {
                    Summary summary = switch (s) {
                        case 0 -> summarizer.summarize(item.article(), same);
                        case 1 -> lead.summarize(item.article(), same.withLength(SummaryLength.sentences(1)));
                        case 2 -> lead.summarize(item.article(), same.withLength(SummaryLength.sentences(3)));
                        default -> lead.summarize(item.article(), same);
                    };
                    text = String.join("\n", summary.sentences());
                } catch (DragomanException e) {
                    if (s == 0) {
                        failures.add(item.id() + ": " + e.getMessage());
                    }
                    text = "";
                }
                var scores = rouge.scoreMulti(item.references(), text);
                double r1 = scores.get(Rouge.Type.ROUGE_1).f();
                double r2 = scores.get(Rouge.Type.ROUGE_2).f();
                double rl = scores.get(Rouge.Type.ROUGE_L).f();
                int words = Segmenter.wordCount(text);
                sums[s][0] += r1;
                sums[s][1] += r2;
                sums[s][2] += rl;
                sums[s][3] += words;
                if (options.perArticle()) {
                    perArticle.add(new EvalReport.ArticleScores(item.id(), systems[s], r1, r2, rl, words));
                }
            }
        }
        int count = Math.max(1, scored.size());
        List<EvalReport.SystemScores> means = new ArrayList<>();
        for (int s = 0; s < systems.length; s++) {
            means.add(new EvalReport.SystemScores(
                    systems[s], sums[s][0] / count, sums[s][1] / count, sums[s][2] / count, sums[s][3] / count));
        }
        String lengthText = options.length() == null
                ? "each reference's word count"
                : options.length().unit().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + options.length().value();
        return new EvalReport(name, scored.size(), lengthText, english, means, perArticle, failures);
    }

    /**
     * Reads a JSONL data set.
     *
     * @throws InvalidInputException when the file is missing or unreadable, or a line is not a data set item
     */
    public static List<Item> read(Path dataset) {
        List<Item> items = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(dataset, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                items.add(item(line, dataset, lineNo));
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("data set not found: " + dataset + " (the development sets are not in the"
                    + " repository; they live in ../shared/data/eval/ on the development machines)");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read data set " + dataset + ": " + e.getMessage(), e);
        }
        if (items.isEmpty()) {
            throw new InvalidInputException("data set " + dataset + " has no items");
        }
        return items;
    }

    private static Item item(String line, Path dataset, int lineNo) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new InvalidInputException(dataset + " line " + lineNo + " is not JSON: " + Reasons.of(e), e);
        }
        JsonNode summaries = node.path("summaries");
        if (!node.hasNonNull("text") || !summaries.isArray() || summaries.isEmpty()) {
            throw new InvalidInputException(
                    dataset + " line " + lineNo + " needs \"text\" and a non-empty \"summaries\" list");
        }
        List<String> references = new ArrayList<>();
        summaries.forEach(s -> references.add(s.asText()));
        Article.Builder article = Article.builder();
        if (node.hasNonNull("lang")) {
            article.language(Language.of(node.get("lang").asText()));
        }
        if (node.hasNonNull("title")) {
            article.headline(node.get("title").asText());
        }
        for (String p : node.get("text").asText().split("\n")) {
            if (!p.isBlank()) {
                article.paragraph(p.strip());
            }
        }
        String id = node.path("id").asText("line " + lineNo);
        return new Item(id, article.build(), references);
    }
}

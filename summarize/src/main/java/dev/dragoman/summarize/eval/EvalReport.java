package dev.dragoman.summarize.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.write.OutputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of {@link SummarizationEval#run}: per system (the summarizer under test and the Lead baselines) the mean
 * ROUGE-1/2/L F1 over the data set, and optionally every article's scores. Immutable.
 *
 * @param dataset the data set's file name
 * @param articles how many articles were scored
 * @param length how the summary length was chosen ("reference words" or the requested length)
 * @param stemmed whether ROUGE used the Porter stemmer (English data sets)
 * @param systems the mean scores; the first is the summarizer under test
 * @param perArticle every article's scores, empty unless asked for
 * @param failures articles the summarizer failed on (they score 0 and are listed here by id with the reason)
 */
public record EvalReport(
        String dataset,
        int articles,
        String length,
        boolean stemmed,
        List<SystemScores> systems,
        List<ArticleScores> perArticle,
        List<String> failures) {

    public EvalReport {
        Objects.requireNonNull(dataset, "dataset");
        systems = List.copyOf(systems);
        perArticle = List.copyOf(perArticle);
        failures = List.copyOf(failures);
    }

    /** Mean F1 of one system; {@code words} is its mean summary length in words. */
    public record SystemScores(String system, double rouge1, double rouge2, double rougeL, double words) {}

    /** One article's F1 scores for one system. */
    public record ArticleScores(String id, String system, double rouge1, double rouge2, double rougeL, int words) {}

    /** The summarizer under test's scores. */
    public SystemScores summarizer() {
        return systems.get(0);
    }

    /** The best Lead baseline by ROUGE-1 F1. */
    public SystemScores bestLead() {
        SystemScores best = null;
        for (SystemScores s : systems.subList(1, systems.size())) {
            if (best == null || s.rouge1() > best.rouge1()) {
                best = s;
            }
        }
        return best;
    }

    /**
     * The paired bootstrap 95 % interval of the summarizer's ROUGE-1 F1 minus system {@code other}'s, from the
     * per-article scores; null when they were not kept ({@link SummarizationEval.Options#perArticle()}).
     */
    public Bootstrap.Interval rouge1Difference(String other) {
        if (perArticle.isEmpty()) {
            return null;
        }
        java.util.Map<String, double[]> byId = new java.util.LinkedHashMap<>();
        String self = summarizer().system();
        for (ArticleScores a : perArticle) {
            double[] pair = byId.computeIfAbsent(a.id(), id -> new double[2]);
            if (a.system().equals(self)) {
                pair[0] = a.rouge1();
            } else if (a.system().equals(other)) {
                pair[1] = a.rouge1();
            }
        }
        double[] mine = byId.values().stream().mapToDouble(p -> p[0]).toArray();
        double[] theirs = byId.values().stream().mapToDouble(p -> p[1]).toArray();
        return Bootstrap.pairedDifference(mine, theirs);
    }

    /**
     * Writes every article's scores to {@code file} as JSON Lines (one {@link ArticleScores} object a line).
     *
     * @throws IOException when the file cannot be written
     */
    public void writePerArticle(Path file) throws IOException {
        ObjectMapper mapper = Json.mapper();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ArticleScores s : perArticle) {
                w.write(mapper.writeValueAsString(s));
                w.write('\n');
            }
        }
    }

    /** The mean scores as a table (one row per system) for the JSON Lines and HTML outputs of {@code eval}. */
    public dev.dragoman.core.write.DataTable table() {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (SystemScores s : systems) {
            rows.add(java.util.Arrays.asList(
                    dataset, articles, length, s.system(), s.rouge1(), s.rouge2(), s.rougeL(), s.words()));
        }
        return new dev.dragoman.core.write.DataTable(
                "ROUGE on " + dataset,
                List.of("dataset", "articles", "length", "system", "rouge1F", "rouge2F", "rougeLF", "meanWords"),
                rows);
    }

    /**
     * The report as {@code dragoman eval} prints it, ending with a newline: Markdown for text and md (it reads as
     * Markdown in a terminal too: the table, the bootstrap interval, the failures), the whole record as indented JSON,
     * or the {@link #table()} as JSON Lines or HTML.
     */
    public String render(OutputFormat format) {
        String printed;
        try {
            printed = switch (format) {
                case TEXT, MD -> toMarkdown();
                case JSON -> Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
                case JSONL, HTML -> table().render(format);
            };
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the evaluation report as JSON", e);
        }
        return printed.endsWith("\n") ? printed : printed + "\n";
    }

    /** The mean scores as a Markdown table under a heading, then the bootstrap interval and the failures. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%s — %d articles, length: %s, ROUGE %s%n%n",
                dataset,
                articles,
                length,
                stemmed ? "with Porter stemming" : "unstemmed"));
        sb.append("| system | ROUGE-1 F | ROUGE-2 F | ROUGE-L F | mean words |\n|---|---|---|---|---|\n");
        for (SystemScores s : systems) {
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %.4f | %.4f | %.4f | %.1f |%n",
                    s.system(),
                    s.rouge1(),
                    s.rouge2(),
                    s.rougeL(),
                    s.words()));
        }
        Bootstrap.Interval same = rouge1Difference("Lead (same length)");
        if (same != null) {
            sb.append(String.format(
                    Locale.ROOT, "%nsummarizer − Lead (same length), ROUGE-1 F, paired bootstrap: %s%n", same));
        }
        if (!failures.isEmpty()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%n%d article(s) failed and scored 0: %s%n",
                    failures.size(),
                    String.join("; ", failures)));
        }
        return sb.toString();
    }
}

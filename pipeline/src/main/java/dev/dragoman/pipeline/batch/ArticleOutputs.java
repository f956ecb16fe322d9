package dev.dragoman.pipeline.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.write.HtmlArticleWriter;
import dev.dragoman.core.write.MarkdownArticleWriter;
import dev.dragoman.core.write.OutputNames;
import dev.dragoman.pipeline.internal.AtomicFiles;
import dev.dragoman.pipeline.step.StepResult;
import dev.dragoman.translate.ArticleTranslation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes one article's outputs under {@code <out>/articles/}: {@code <id>.json} (the original article, its
 * translation, summary and brief, usage, warnings, and the batch record used to resume) and {@code <id>.md} (the
 * same for people). Names come from the article's content id (never from a name the input declares), made safe and
 * checked to stay under the output directory by {@link OutputNames}, so a re-run overwrites rather than duplicates;
 * each file is written atomically.
 */
public final class ArticleOutputs {

    static final String DIR = "articles";

    private final Path out;
    private final Set<BatchOptions.ArticleFormat> formats;

    ArticleOutputs(Path out, Set<BatchOptions.ArticleFormat> formats) {
        this.out = out;
        this.formats = formats;
    }

    /** Paths (relative to the output directory) the article's outputs have. */
    List<String> paths(String id) {
        List<String> paths = new ArrayList<>();
        for (BatchOptions.ArticleFormat f : formats) {
            paths.add(DIR + "/" + OutputNames.stem(id) + "." + f.extension());
        }
        return paths;
    }

    /** The batch record stored in an existing JSON output, if that output was written under {@code fingerprint}. */
    DoneRecord recover(String id, String fingerprint) {
        if (!formats.contains(BatchOptions.ArticleFormat.JSON)) {
            return null;
        }
        Path json = OutputNames.under(out, DIR + "/" + OutputNames.stem(id) + ".json");
        if (!Files.isRegularFile(json)) {
            return null;
        }
        for (String p : paths(id)) {
            if (!Files.isRegularFile(OutputNames.under(out, p))) {
                return null;
            }
        }
        try {
            JsonNode record = Json.mapper().readTree(Files.readAllBytes(json)).path("batch");
            if (!fingerprint.equals(record.path("fingerprint").asText())) {
                return null;
            }
            return DoneRecord.from(record);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: redo the item
        }
    }

    void write(DoneRecord record, StepResult result) throws IOException {
        if (formats.contains(BatchOptions.ArticleFormat.JSON)) {
            AtomicFiles.write(
                    OutputNames.under(out, DIR + "/" + OutputNames.stem(record.id()) + ".json"), json(record, result));
        }
        if (formats.contains(BatchOptions.ArticleFormat.MD)) {
            AtomicFiles.write(
                    OutputNames.under(out, DIR + "/" + OutputNames.stem(record.id()) + ".md"),
                    markdown(record, result));
        }
    }

    private static String json(DoneRecord record, StepResult result) throws JsonProcessingException {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document(record, result)) + "\n";
    }

    /**
     * The JSON document of one finished article, as {@code articles/<id>.json} holds it (a cluster job writes the
     * same document as one line of JSON Lines): id, input, the article, its translation with usage, summary, brief,
     * warnings, and the batch record under {@code batch}.
     */
    public static ObjectNode document(DoneRecord record, StepResult result) {
        Article article = result.article();
        ArticleTranslation translation = result.translation();
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("id", record.id());
        root.put("input", record.input());
        root.set("article", Json.mapper().valueToTree(article));
        if (translation != null) {
            root.set("translation", Json.mapper().valueToTree(translation.article()));
            root.set(
                    "translationUsage",
                    Json.mapper().valueToTree(translation.provenance().usage()));
        }
        if (result.summary() != null) {
            root.set("summary", Json.mapper().valueToTree(result.summary()));
        }
        if (result.brief() != null) {
            root.set("brief", Json.mapper().valueToTree(result.brief()));
        }
        if (!record.warnings().isEmpty()) {
            root.set("warnings", Json.mapper().valueToTree(record.warnings()));
        }
        root.set("batch", Json.mapper().valueToTree(record));
        return root;
    }

    private static String markdown(DoneRecord record, StepResult result) {
        Article article = result.article();
        ArticleTranslation translation = result.translation();
        Summary summary = result.summary();
        Summary brief = result.brief();
        StringBuilder sb = new StringBuilder();
        Article shown = translation == null ? article : translation.article();
        sb.append("# ")
                .append(MarkdownArticleWriter.escape(nonBlank(shown.headline(), "(no headline)")))
                .append("\n\n");
        List<String> facts = new ArrayList<>();
        if (article.published() != null) {
            facts.add("**Published:** "
                    + MarkdownArticleWriter.escape(article.published().raw()));
        }
        String agency = shown.dateline() != null && shown.dateline().agency() != null
                ? shown.dateline().agency() // the translated agency when there is a translation
                : record.agency();
        if (agency != null) {
            facts.add("**Agency:** " + MarkdownArticleWriter.escape(agency));
        }
        if (article.language() != null) {
            facts.add("**Language:** " + article.language().tag()
                    + (translation == null
                            ? ""
                            : " → " + translation.article().language().tag()));
        }
        if (HtmlArticleWriter.linkable(article.url()) != null) {
            facts.add("**URL:** <" + article.url() + ">");
        } else if (article.url() != null) {
            facts.add("**URL:** `" + article.url().replace("`", "'") + "`");
        }
        facts.add("**Input:** `" + record.input().replace("`", "'") + "`");
        sb.append(String.join("  \n", facts)).append("\n\n");
        for (String w : record.warnings()) {
            sb.append("> **Warning:** ").append(MarkdownArticleWriter.escape(w)).append("\n");
        }
        if (!record.warnings().isEmpty()) {
            sb.append('\n');
        }
        if (brief != null) {
            sb.append("## Brief (")
                    .append(brief.language())
                    .append(")\n\n")
                    .append(MarkdownArticleWriter.escape(brief.text().strip()))
                    .append("\n\n");
        }
        if (summary != null) {
            sb.append("## Summary\n\n")
                    .append(MarkdownArticleWriter.escape(summary.text().strip()))
                    .append("\n\n");
        }
        // the article as the Markdown writer shows it (date line, dateline, body, source line, "read also"), as the
        // JSON
        if (translation != null) {
            sb.append("## Translation\n\n").append(MarkdownArticleWriter.body(translation.article(), "### "));
            sb.append("## Original\n\n");
            if (article.headline() != null && !article.headline().isBlank()) {
                sb.append("**")
                        .append(MarkdownArticleWriter.escape(article.headline()))
                        .append("**\n\n");
            }
        } else {
            sb.append("## Text\n\n");
        }
        sb.append(MarkdownArticleWriter.body(article, "### "));
        return sb.toString().stripTrailing() + "\n";
    }

    private static String nonBlank(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}

package dev.dragoman.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.error.UsageException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.write.ArticleWriter;
import dev.dragoman.core.write.BilingualWriter;
import dev.dragoman.core.write.HtmlArticleWriter;
import dev.dragoman.core.write.MarkdownArticleWriter;
import dev.dragoman.core.write.OutputFormat;
import java.util.List;
import java.util.Objects;

/**
 * Renders an {@link ArticleTranslation} in any {@link OutputFormat}: the translated article (JSON adds its
 * {@code provenance}), or source and translation side by side ({@code bilingual}, md or html). A degraded result's
 * warnings are part of the document itself, not only a log line. What {@code dragoman translate} writes; any front
 * end can write the same. Immutable.
 */
public final class ArticleTranslationWriter {

    private final OutputFormat format;
    private final boolean bilingual;

    /**
     * @param bilingual source and translation side by side; needs {@link OutputFormat#MD} or
     *     {@link OutputFormat#HTML}
     * @throws UsageException for a bilingual document in another format
     */
    public ArticleTranslationWriter(OutputFormat format, boolean bilingual) {
        this.format = Objects.requireNonNull(format, "format");
        this.bilingual = bilingual;
        if (bilingual && format != OutputFormat.MD && format != OutputFormat.HTML) {
            throw new UsageException("a bilingual document is md or html, not " + format.extension());
        }
    }

    /**
     * The writer for {@code format} as asked for: a bilingual document asked for as text is Markdown.
     *
     * @throws UsageException for a bilingual document in JSON or JSON Lines
     */
    public static ArticleTranslationWriter of(OutputFormat format, boolean bilingual) {
        return new ArticleTranslationWriter(
                bilingual && format == OutputFormat.TEXT ? OutputFormat.MD : format, bilingual);
    }

    /** The format this writer renders (for the output file's extension). */
    public OutputFormat format() {
        return format;
    }

    /** The rendering of {@code t}, translated from {@code source}; ends with a line break. */
    public String write(Article source, ArticleTranslation t) {
        Article translated = t.article();
        if (bilingual) {
            return new BilingualWriter(format).write(source, translated) + warningsBlock(t, format);
        }
        if (format.isJson()) {
            ObjectNode node = Json.mapper().valueToTree(translated);
            node.set("provenance", Json.mapper().valueToTree(t.provenance()));
            try {
                return (format == OutputFormat.JSON
                                ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node)
                                : Json.mapper().writeValueAsString(node))
                        + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ArticleWriter.of(format).write(translated) + warningsBlock(t, format);
    }

    /** Degraded results say so in the output itself, not only on stderr. */
    private static String warningsBlock(ArticleTranslation t, OutputFormat format) {
        List<String> warnings = t.provenance().notices();
        StringBuilder sb = new StringBuilder();
        for (String w : warnings) {
            switch (format) {
                case MD ->
                    sb.append("\n> **Warning:** ")
                            .append(MarkdownArticleWriter.escape(w))
                            .append('\n');
                case HTML ->
                    sb.append("<!-- warning --><p class=\"warning\" lang=\"en\" dir=\"ltr\">Warning: ")
                            .append(HtmlArticleWriter.escape(w))
                            .append("</p>\n");
                default -> sb.append("Warning: ").append(w).append('\n');
            }
        }
        return sb.toString();
    }
}

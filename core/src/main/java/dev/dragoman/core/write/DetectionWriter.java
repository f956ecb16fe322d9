package dev.dragoman.core.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An article's detected language as {@code dragoman detect} prints it: a tab-separated line (input, tag,
 * confidence, language name) or a JSON object {@code {input, language, confidence, name}}. An article without a
 * language reads as undetermined with confidence 0. Immutable.
 */
public final class DetectionWriter {

    private final OutputFormat format;

    /** @throws IllegalArgumentException for md or html (a detection is a line or a JSON object; see {@link #table}) */
    public DetectionWriter(OutputFormat format) {
        this.format = Objects.requireNonNull(format, "format");
        if (tabular(format)) {
            throw new IllegalArgumentException("detect writes text, json or jsonl, not " + format.extension());
        }
    }

    /** Whether {@code format} shows every input's detection in one table ({@link #table}) rather than one each. */
    public static boolean tabular(OutputFormat format) {
        return format == OutputFormat.MD || format == OutputFormat.HTML;
    }

    /** One input's row of the {@link #table}: input, tag, confidence, language name. */
    public static List<Object> row(String input, Article article) {
        Language language = language(article);
        return Arrays.asList(input, language.tag(), confidence(article), language.displayName());
    }

    /** The {@link #row}s of every input as one table in {@code format}. */
    public static String table(List<List<Object>> rows, OutputFormat format) {
        return new DataTable("Languages", List.of("input", "language", "confidence", "name"), rows).render(format);
    }

    private static Language language(Article article) {
        return article.language() == null ? Language.UNDETERMINED : article.language();
    }

    private static double confidence(Article article) {
        return article.languageConfidence() == null ? 0.0 : article.languageConfidence();
    }

    /** The line or JSON document for {@code article}, read from {@code input}; ends with a line break. */
    public String write(String input, Article article) {
        Language language = language(article);
        double confidence = confidence(article);
        if (format == OutputFormat.TEXT) {
            return String.format(
                    Locale.ROOT,
                    "%s\t%s\t%.2f\t%s%n",
                    input,
                    language.tag(),
                    confidence,
                    language.equals(Language.UNDETERMINED) ? "undetermined" : language.displayName());
        }
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("input", input);
        node.put("language", language.tag());
        node.put("confidence", confidence);
        node.put("name", language.displayName());
        try {
            return (format == OutputFormat.JSON
                            ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node)
                            : Json.mapper().writeValueAsString(node))
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

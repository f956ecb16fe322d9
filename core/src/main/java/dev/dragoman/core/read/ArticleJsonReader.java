package dev.dragoman.core.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.dragoman.core.Article;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads Dragoman's own article JSON (the shape {@code dragoman parse} prints, see {@link Article}): one article
 * object, a JSON array of them, or JSON Lines (one object per line, blank lines skipped). Unknown fields are
 * ignored so files written by newer versions stay readable.
 *
 * <p>Malformed JSON, or JSON that is not an article (no headline and no paragraphs), is an
 * {@link InvalidInputException} naming the input with the line and column (for JSON Lines, the line of the file).
 *
 * <p>Stateless and thread-safe.
 */
public final class ArticleJsonReader implements ArticleFormatReader {

    private final ObjectMapper mapper = Json.mapper();

    /** Creates a reader over the shared {@link Json#mapper()}. */
    public ArticleJsonReader() {}

    /** Reads a single JSON document: an article object or an array of article objects. */
    @Override
    public List<Article> read(String text, String name) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        JsonNode tree = parse(text, name, 0);
        List<Article> out = new ArrayList<>();
        if (tree.isArray()) {
            int i = 0;
            for (JsonNode node : tree) {
                out.add(toArticle(node, name + " [item " + (i++ + 1) + "]"));
            }
        } else {
            out.add(toArticle(tree, name));
        }
        return out;
    }

    /** Reads JSON Lines: one article object per non-blank line. */
    public List<Article> readLines(String text, String name) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        List<Article> out = new ArrayList<>();
        String[] lines = text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = parse(line, name, i);
            out.add(toArticle(node, name + " line " + (i + 1)));
        }
        return out;
    }

    private JsonNode parse(String text, String name, int lineOffset) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException(name + ": no JSON value found");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where =
                    at == null ? "" : " at line " + (at.getLineNr() + lineOffset) + ", column " + at.getColumnNr();
            throw new InvalidInputException(name + ": malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private Article toArticle(JsonNode node, String name) {
        if (!node.isObject()) {
            throw new InvalidInputException(name + ": expected an article object, found a JSON "
                    + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        Article article;
        try {
            article = mapper.treeToValue(node, Article.class);
        } catch (MismatchedInputException e) {
            throw new InvalidInputException(
                    name + ": not a Dragoman article: " + field(e) + " is a JSON value of the wrong kind "
                            + "(paragraphs are strings or {\"text\": \"…\"}; `dragoman parse --format json` "
                            + "prints the whole shape)",
                    e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonMappingException j
                    ? field(j) + ": " + j.getOriginalMessage()
                    : e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidInputException(name + ": not a Dragoman article: " + message, e);
        }
        if ((article.headline() == null || article.headline().isBlank())
                && article.paragraphs().isEmpty()) {
            throw new InvalidInputException(
                    name + ": not a Dragoman article: it has neither a headline nor paragraphs");
        }
        // no headline: empty, as every reader gives it (never invented, never null)
        return article.headline() == null ? article.toBuilder().headline("").build() : article;
    }

    /** The JSON path of a mapping error as a person reads it ("paragraphs[0]"), without Java class names. */
    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the article" : path.toString();
    }
}

package dev.dragoman.core.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dragoman.core.Article;
import dev.dragoman.core.json.Json;

/** The article model as JSON (the documented field names), pretty-printed or on one line for JSON Lines. */
public final class JsonArticleWriter implements ArticleWriter {

    private final boolean pretty;

    public JsonArticleWriter(boolean pretty) {
        this.pretty = pretty;
    }

    @Override
    public String write(Article article) {
        return toJson(article, pretty) + "\n";
    }

    /** Any value through the shared mapper; pretty or single-line. */
    static String toJson(Object value, boolean pretty) {
        try {
            return pretty
                    ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}

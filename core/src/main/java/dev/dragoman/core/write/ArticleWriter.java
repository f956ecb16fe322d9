package dev.dragoman.core.write;

import dev.dragoman.core.Article;

/**
 * Renders an {@link Article} as text in one {@link OutputFormat}. Text stays in logical order: no visual bidi
 * reordering is ever applied, so right-to-left text written to files and pipes reads correctly in any
 * Unicode-aware viewer. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface ArticleWriter {

    /** The rendering of {@code article}, ending with a line break. */
    String write(Article article);

    /** The writer for {@code format}. */
    static ArticleWriter of(OutputFormat format) {
        return switch (format) {
            case TEXT -> new TextArticleWriter();
            case JSON -> new JsonArticleWriter(true);
            case JSONL -> new JsonArticleWriter(false);
            case MD -> new MarkdownArticleWriter();
            case HTML -> new HtmlArticleWriter();
        };
    }
}

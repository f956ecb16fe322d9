package dev.dragoman.core.summary;

import dev.dragoman.core.Article;

/**
 * Summarizes the main story of an {@link Article}. Only the headline and body count: the source line and the
 * "read also" ({@link Article#related()}) stories never leak into a summary.
 *
 * <p>Implementations are thread-safe and deterministic where the backend is. A failing backend throws a
 * {@link dev.dragoman.core.error.DragomanException}; it never returns the article text as its summary.
 */
@FunctionalInterface
public interface Summarizer {

    /**
     * @throws dev.dragoman.core.error.DragomanException when the backend fails or the article has no body
     */
    Summary summarize(Article article, SummaryOptions options);
}

package dev.dragoman.core.translation;

/**
 * Translates a batch of text segments. Batch-first: one request carries many segments (an article's headline and
 * paragraphs) and the result carries exactly one translation per segment, in the same order.
 *
 * <p>Implementations are thread-safe. They never return the source text in place of a translation: a backend that
 * fails throws a {@link dev.dragoman.core.error.DragomanException} whose kind says whether a retry may help.
 */
@FunctionalInterface
public interface Translator {

    /**
     * Translates every segment of {@code request}.
     *
     * @return one {@link TranslatedSegment} per request segment, in order
     * @throws dev.dragoman.core.error.DragomanException when the backend fails; nothing partial is returned
     */
    TranslationResult translate(TranslationRequest request);
}

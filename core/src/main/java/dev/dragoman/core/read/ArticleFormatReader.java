package dev.dragoman.core.read;

import dev.dragoman.core.Article;
import java.util.List;

/**
 * Reads one input format (wire text, Dragoman JSON, HTML, RSS/Atom…) from already decoded text. Implementations are
 * the reader of an {@link ArticleFormatProvider} (or swapped in with {@link ArticleReaders#withReader(String, ArticleFormatReader)}); {@link ArticleReaders} does the
 * byte decoding, the format sniffing and the language detection, so a format reader only understands its format.
 *
 * <p>Implementations must be thread-safe (one instance serves every read) and must report bad input by throwing
 * {@link dev.dragoman.core.error.InvalidInputException} with a message naming {@code name} and the reason — never
 * another exception, and never an empty result passed off as success.
 */
@FunctionalInterface
public interface ArticleFormatReader {

    /**
     * Reads the articles in {@code text}.
     *
     * @param text the decoded input, never null or blank
     * @param name what to call the input in messages (a path, "stdin", a URL); never null
     * @return the articles, in input order; never null; empty only when the input legitimately holds none (an empty
     *     feed), in which case the caller reports it
     * @throws dev.dragoman.core.error.InvalidInputException when the text is not valid input of this format
     */
    List<Article> read(String text, String name);
}

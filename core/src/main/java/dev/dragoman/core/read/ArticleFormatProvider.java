package dev.dragoman.core.read;

/**
 * An input format beyond the built-in ones (wire text, Dragoman JSON / JSON Lines, HTML, RSS/Atom), found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.dragoman.core.read.ArticleFormatProvider}) by
 * {@link ArticleReaders#standard()}: a new format is a package with its reader, this provider, its test and one
 * service line. {@link ArticleReaders} still decodes the bytes and detects languages; a provider only recognizes
 * and reads its format. Providers are asked, in name order, before the built-in sniffing, so {@link #recognizes}
 * must claim only text that is unmistakably its format. Implementations are stateless and thread-safe, with a
 * public no-argument constructor.
 */
public interface ArticleFormatProvider {

    /** The format's name, lower case ({@code "newsml"}), for messages and listings. */
    String name();

    /**
     * True when {@code text} is this format.
     *
     * @param text the decoded input, never blank
     * @param name what the input is called (a path, "stdin", a URL): its extension may decide
     */
    boolean recognizes(String text, String name);

    /** The reader of this format; same contract as every {@link ArticleFormatReader}. */
    ArticleFormatReader reader();
}

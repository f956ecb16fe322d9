package dev.dragoman.core.read;

/**
 * An input format, found through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.dragoman.core.read.ArticleFormatProvider}) by {@link ArticleReaders#standard()}: the built-in
 * ones (Dragoman JSON and JSON Lines, RSS/Atom feeds, HTML pages, wire text) and any added one alike — a new format
 * is a package with its reader, this provider, its test and one service line, with no enum or {@code switch} to
 * edit. {@link ArticleReaders} still decodes the bytes and detects languages; a provider only recognizes and reads
 * its format. Providers are asked in {@link #precedence()} order, then in name order, and the first that recognizes
 * the text reads it, so {@link #recognizes} must claim only text that is unmistakably its format. Implementations
 * are stateless and thread-safe, with a public no-argument constructor.
 */
public interface ArticleFormatProvider {

    /** Where the built-in formats start: an added format (precedence 0) is asked before all of them. */
    int BUILT_IN = 100;

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

    /**
     * When this format is asked, lower first: 0 (the default) for an added format, from {@link #BUILT_IN} for the
     * built-in ones, whose own order settles ambiguous text (a leading brace is JSON Lines before JSON; an RSS root
     * is a feed before markup is a page; wire text, which takes anything else, comes last).
     */
    default int precedence() {
        return 0;
    }

    /** What an input of this format is called in messages ("HTML page"); by default "NAME input". */
    default String description() {
        return name() + " input";
    }
}

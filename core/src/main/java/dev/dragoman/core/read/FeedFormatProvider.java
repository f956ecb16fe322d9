package dev.dragoman.core.read;

import dev.dragoman.core.read.feed.FeedReader;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * RSS and Atom feeds ({@link FeedReader#articles}: one article per item with text, teasers marked): an {@code <rss>},
 * {@code <feed>} or {@code <rdf:RDF>} root, or markup that is not an HTML page in a file named {@code .rss},
 * {@code .atom} or {@code .xml} (without HTML elements). Asked before {@link HtmlFormatProvider}.
 */
public final class FeedFormatProvider implements ArticleFormatProvider {

    static final Pattern ROOT = Pattern.compile(
            "(?is)^\\s*(?:<\\?xml[^>]*\\?>\\s*)?(?:<!--.*?-->\\s*|<\\?[^>]*\\?>\\s*|<!DOCTYPE[^>]*>\\s*)*"
                    + "<(?:rss|feed|rdf:RDF)[\\s>]");

    private static final FeedReader FEEDS = new FeedReader();

    @Override
    public String name() {
        return "feed";
    }

    @Override
    public boolean recognizes(String text, String name) {
        String head = ArticleReaders.head(text);
        if (!head.stripLeading().startsWith("<")) {
            return false;
        }
        if (ROOT.matcher(head).find()) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return !HtmlFormatProvider.PAGE.matcher(head).find()
                && (lower.endsWith(".rss")
                        || lower.endsWith(".atom")
                        || lower.endsWith(".xml")
                                && !HtmlFormatProvider.ELEMENT.matcher(head).find());
    }

    @Override
    public ArticleFormatReader reader() {
        return FEEDS::articles;
    }

    @Override
    public int precedence() {
        return BUILT_IN + 10;
    }

    @Override
    public String description() {
        return "RSS/Atom feed";
    }
}

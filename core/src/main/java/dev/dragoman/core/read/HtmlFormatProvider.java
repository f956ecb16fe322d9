package dev.dragoman.core.read;

import dev.dragoman.core.read.html.HtmlArticleReader;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * HTML pages ({@link HtmlArticleReader}): a doctype, {@code <html>}, {@code <head>} or {@code <body>} first, or markup
 * with HTML elements, or markup in a file named {@code .html}/{@code .htm}. Asked after {@link FeedFormatProvider}.
 */
public final class HtmlFormatProvider implements ArticleFormatProvider {

    static final Pattern PAGE =
            Pattern.compile("(?is)^\\s*(?:<!--.*?-->\\s*)*(?:<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>])");
    static final Pattern ELEMENT = Pattern.compile("(?i)<(?:html|body|head|article|div|p)[\\s>]");

    private static final HtmlArticleReader PAGES = new HtmlArticleReader();

    @Override
    public String name() {
        return "html";
    }

    @Override
    public boolean recognizes(String text, String name) {
        String head = ArticleReaders.head(text);
        if (!head.stripLeading().startsWith("<")) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return PAGE.matcher(head).find()
                || ELEMENT.matcher(head).find()
                || lower.endsWith(".html")
                || lower.endsWith(".htm");
    }

    @Override
    public ArticleFormatReader reader() {
        return PAGES::readFormat;
    }

    @Override
    public int precedence() {
        return BUILT_IN + 11;
    }

    @Override
    public String description() {
        return "HTML page";
    }
}

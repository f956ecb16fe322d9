package dev.dragoman.core.write;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The frame of every HTML output (article, summary, brief, bilingual view, digest): one HTML5 page with the
 * document's {@code lang} and {@code dir}, a viewport for phones, and Dragoman's one stylesheet ({@code
 * dragoman.css} beside this class: a readable measure, Latin and Arabic fonts with fallbacks, logical properties so
 * right-to-left pages lay out correctly, print-friendly, dark mode) inlined so a page works offline and mailed.
 * Also the one metadata line every page shows under its headline ({@link #meta}). Stateless and thread-safe.
 */
public final class HtmlPage {

    private static final String CSS = load();

    private HtmlPage() {}

    /**
     * A standalone page.
     *
     * @param language the document's language (English, left to right, when null or undetermined)
     * @param title the {@code <title>} text (escaped here)
     * @param bodyClass a class for {@code <body>} ({@code wide} for side-by-side tables), or null
     * @param body the body's markup, already escaped
     */
    public static String of(Language language, String title, String bodyClass, String body) {
        return start(language, title, bodyClass) + body + END;
    }

    /**
     * The page up to and including {@code <body>}, for a page written in pieces (a digest of any size): then the
     * body's markup, then {@link #END}. {@code of(l, t, c, body)} is {@code start(l, t, c) + body + END}.
     */
    public static String start(Language language, String title, String bodyClass) {
        String lang = language == null || language.equals(Language.UNDETERMINED)
                ? " lang=\"en\" dir=\"ltr\""
                : HtmlArticleWriter.langAttributes(language);
        return "<!DOCTYPE html>\n<html" + lang + ">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"Dragoman\">\n<title>"
                + HtmlArticleWriter.escape(title == null ? "" : title) + "</title>\n<style>\n" + CSS
                + "</style>\n</head>\n"
                + "<body" + (bodyClass == null ? "" : " class=\"" + HtmlArticleWriter.escape(bodyClass) + "\"") + ">\n";
    }

    /** What closes a page begun with {@link #start}. */
    public static final String END = "</body>\n</html>\n";

    /**
     * The line under a headline: date, dateline (place and agency), source and a link to the original, each where
     * the article has it, in the article's own language and direction; empty when it has none of them.
     */
    public static String meta(Article article) {
        return meta(article, true);
    }

    /** As {@link #meta(Article)}; without the source when the page prints the article's source line itself. */
    static String meta(Article article, boolean withSource) {
        StringBuilder sb = new StringBuilder();
        if (article.published() != null) {
            sb.append("<time");
            if (article.published().day() != null) {
                sb.append(" datetime=\"").append(article.published().day()).append('"');
            }
            sb.append('>')
                    .append(HtmlArticleWriter.escape(article.published().raw()))
                    .append("</time>");
        }
        String dateline = TextArticleWriter.formatDateline(article);
        if (dateline != null) {
            sb.append("<span class=\"agency\">")
                    .append(HtmlArticleWriter.escape(dateline))
                    .append("</span>");
        }
        if (withSource && article.source() != null) {
            sb.append("<span class=\"origin\">")
                    .append(HtmlArticleWriter.escape(article.source()))
                    .append("</span>");
        }
        String url = HtmlArticleWriter.linkable(article.url());
        if (url != null) {
            sb.append("<a href=\"")
                    .append(HtmlArticleWriter.escape(url))
                    .append("\" rel=\"noopener\">")
                    .append(HtmlArticleWriter.escape(
                            Labels.of(article.language()).original()))
                    .append("</a>");
        }
        return sb.length() == 0 ? "" : "<p class=\"meta\">" + sb + "</p>\n";
    }

    /** The stylesheet, for front ends that serve it as a file. */
    public static String stylesheet() {
        return CSS;
    }

    private static String load() {
        try (InputStream in = HtmlPage.class.getResourceAsStream("dragoman.css")) {
            if (in == null) {
                throw new IllegalStateException("dragoman.css is missing from the core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.dragoman.core.write;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;

/**
 * A standalone HTML5 page ({@link HtmlPage}: Dragoman's stylesheet, a metadata line with date, dateline and a link
 * to the original): {@code lang} and, for right-to-left languages, {@code dir="rtl"} on the document and on every
 * story whose language differs, so browsers lay out Arabic correctly without any reordering of the text.
 */
public final class HtmlArticleWriter implements ArticleWriter {

    @Override
    public String write(Article article) {
        StringBuilder body = new StringBuilder();
        writeArticle(article, article.language(), body);
        return HtmlPage.of(article.language(), nz(article.headline()), null, body.toString());
    }

    /** The body fragment for one article: an {@code <article>} element with its related stories inside. */
    static void writeArticle(Article article, Language pageLanguage, StringBuilder sb) {
        sb.append("<article");
        if (article.language() != null && !article.language().equals(pageLanguage)) {
            sb.append(langAttributes(article.language()));
        }
        sb.append(">\n");
        if (article.headline() != null) {
            sb.append("<h1>").append(escape(article.headline())).append("</h1>\n");
        }
        sb.append(HtmlPage.meta(article, false));
        for (String p : article.paragraphTexts()) {
            sb.append("<p>").append(escape(p)).append("</p>\n");
        }
        Labels labels = Labels.of(article.language());
        if (article.source() != null) {
            sb.append("<p class=\"source\">")
                    .append(escape(labels.source()))
                    .append(' ')
                    .append(escape(article.source()))
                    .append("</p>\n");
        }
        if (!article.related().isEmpty()) {
            sb.append("<aside>\n<h2>").append(escape(labels.readAlso())).append("</h2>\n");
            for (Article related : article.related()) {
                writeArticle(related, article.language(), sb);
            }
            sb.append("</aside>\n");
        }
        sb.append("</article>\n");
    }

    /** {@code  lang="ar" dir="rtl"} (or {@code dir="ltr"}); empty for an unknown language. */
    static String langAttributes(Language language) {
        if (language == null || language.equals(Language.UNDETERMINED)) {
            return "";
        }
        return " lang=\"" + escape(language.tag()) + "\" dir=\"" + (language.isRightToLeft() ? "rtl" : "ltr") + "\"";
    }

    /**
     * {@code url} when it may become a link: an absolute http(s) URL with a host and no white space, quote or angle
     * bracket; else null ({@code javascript:}, {@code data:}, relative or malformed URLs are never linked). Every
     * writer that turns an article's URL into a link (HTML or Markdown) asks here.
     */
    public static String linkable(String url) {
        if (url == null || url.length() > 4096) {
            return null;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == 0x7f) {
                return null;
            }
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null
                    || uri.getHost().isEmpty()) {
                return null;
            }
            return url;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Escapes the five HTML-special characters. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

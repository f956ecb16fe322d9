package dev.dragoman.core.write;

import dev.dragoman.core.Article;

/**
 * Markdown: the headline as a level-1 heading, the date line in italics, the dateline in bold, paragraphs separated
 * by blank lines, the source line, and each "read also" story under a level-2 heading. Text is escaped so that
 * article punctuation never turns into Markdown syntax.
 */
public final class MarkdownArticleWriter implements ArticleWriter {

    @Override
    public String write(Article article) {
        StringBuilder sb = new StringBuilder();
        if (article.headline() != null) {
            sb.append("# ").append(escape(article.headline())).append("\n\n");
        }
        sb.append(body(article, "## "));
        return sb.toString().stripTrailing() + "\n";
    }

    /**
     * Everything of {@code article} but its headline, as {@link #write} shows it — date line, dateline, paragraphs,
     * source line, each "read also" story under {@code relatedHeading} ("## ") and unclassified lines — for outputs
     * that put the headline elsewhere (the batch's per-article Markdown). Ends with a blank line unless empty.
     */
    public static String body(Article article, String relatedHeading) {
        StringBuilder sb = new StringBuilder();
        writeStory(article, null, sb);
        Labels labels = Labels.of(article.language());
        if (article.source() != null) {
            sb.append(escape(labels.source()))
                    .append(' ')
                    .append(escape(article.source()))
                    .append("\n\n");
        }
        for (Article related : article.related()) {
            sb.append("---\n\n").append("*").append(escape(labels.readAlso())).append("*\n\n");
            writeStory(related, relatedHeading, sb);
        }
        for (String line : article.unclassified()) {
            sb.append("> ").append(escape(line)).append("\n\n");
        }
        return sb.toString();
    }

    private static void writeStory(Article article, String heading, StringBuilder sb) {
        if (heading != null && article.headline() != null) { // null heading: the caller shows the headline
            sb.append(heading).append(escape(article.headline())).append("\n\n");
        }
        if (article.published() != null) {
            sb.append('*').append(escape(article.published().raw())).append("*\n\n");
        }
        String dateline = TextArticleWriter.formatDateline(article);
        if (dateline != null) {
            sb.append("**").append(escape(dateline)).append("**\n\n");
        }
        for (String p : article.paragraphTexts()) {
            sb.append(escape(p)).append("\n\n");
        }
    }

    /** Escapes Markdown's inline specials and a leading block marker; {@code |} too, so cells stay cells. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c == '\n' ? ' ' : c);
        }
        String s = sb.toString();
        if (!s.isEmpty() && "#+-=>".indexOf(s.charAt(0)) >= 0) {
            s = "\\" + s;
        }
        // "1. " at the start would become an ordered list
        return s.replaceFirst("^(\\d+)([.)]) ", "$1\\\\$2 ");
    }
}

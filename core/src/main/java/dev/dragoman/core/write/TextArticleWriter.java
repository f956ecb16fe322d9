package dev.dragoman.core.write;

import dev.dragoman.core.Article;
import dev.dragoman.core.Dateline;

/**
 * Plain text that keeps a wire story's layout: headline, date line, dateline, one paragraph per line, the source
 * line, then each "read also" story under its label — the shape the reader takes in, so the output can be read
 * back.
 */
public final class TextArticleWriter implements ArticleWriter {

    @Override
    public String write(Article article) {
        StringBuilder sb = new StringBuilder();
        writeStory(article, sb);
        Labels labels = Labels.of(article.language());
        if (article.source() != null) {
            sb.append(labels.source()).append(' ').append(article.source()).append('\n');
        }
        for (Article related : article.related()) {
            sb.append(labels.readAlso()).append('\n');
            writeStory(related, sb);
        }
        for (String line : article.unclassified()) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static void writeStory(Article article, StringBuilder sb) {
        if (article.headline() != null) {
            sb.append(article.headline()).append('\n');
        }
        if (article.published() != null) {
            sb.append(article.published().raw()).append('\n');
        }
        String dateline = formatDateline(article);
        if (dateline != null) {
            sb.append(dateline).append('\n');
        }
        for (String p : article.paragraphTexts()) {
            sb.append(p).append('\n');
        }
    }

    /** "موسكو-سانا" for Arabic-script stories, "PARIS (AFP)" otherwise; null when there is none. */
    static String formatDateline(Article article) {
        Dateline d = article.dateline();
        if (d == null) {
            return null;
        }
        if (d.place() == null || d.agency() == null) {
            return d.place() != null ? d.place() : d.agency();
        }
        boolean arabicStyle = article.language() != null && article.language().isRightToLeft();
        return arabicStyle ? d.place() + "-" + d.agency() : d.place() + " (" + d.agency() + ")";
    }
}

package dev.dragoman.core.write;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A source article and its translation side by side, part by part (headline, dateline, each paragraph, source line,
 * each "read also" story): a Markdown table or an HTML page whose cells carry {@code lang} and {@code dir}. Text
 * keeps logical order. The two articles must have the same structure — as {@code ArticleTranslator} produces — or
 * {@link #write} refuses rather than mis-pair paragraphs.
 */
public final class BilingualWriter {

    private final OutputFormat format;

    /** @throws IllegalArgumentException unless {@code format} is {@link OutputFormat#MD} or {@link OutputFormat#HTML} */
    public BilingualWriter(OutputFormat format) {
        if (format != OutputFormat.MD && format != OutputFormat.HTML) {
            throw new IllegalArgumentException("a bilingual view is written as md or html, not " + format.extension());
        }
        this.format = format;
    }

    /**
     * Renders the pair.
     *
     * @throws IllegalArgumentException when the two articles do not have the same number of parts
     */
    public String write(Article source, Article translation) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(translation, "translation");
        List<Row> rows = new ArrayList<>();
        pair(source, translation, rows, true);
        return format == OutputFormat.MD
                ? markdown(source.language(), translation.language(), rows)
                : html(source, translation, rows);
    }

    /** One aligned pair of cells; {@code kind} says which part it is (for headings and CSS classes). */
    private record Row(String kind, String left, String right) {}

    private static void pair(Article s, Article t, List<Row> rows, boolean main) {
        if (s.paragraphs().size() != t.paragraphs().size()
                || s.related().size() != t.related().size()) {
            throw new IllegalArgumentException("cannot align the translation with its source: "
                    + s.paragraphs().size() + " source paragraphs and "
                    + s.related().size() + " related stories, "
                    + t.paragraphs().size() + " translated paragraphs and "
                    + t.related().size() + " related stories");
        }
        if (s.headline() != null || t.headline() != null) {
            rows.add(new Row(main ? "headline" : "related-headline", nz(s.headline()), nz(t.headline())));
        }
        if (s.published() != null || t.published() != null) {
            rows.add(new Row(
                    "published",
                    s.published() == null ? "" : s.published().raw(),
                    t.published() == null ? "" : t.published().raw()));
        }
        String sd = TextArticleWriter.formatDateline(s);
        String td = TextArticleWriter.formatDateline(t);
        if (sd != null || td != null) {
            rows.add(new Row("dateline", nz(sd), nz(td)));
        }
        for (int i = 0; i < s.paragraphs().size(); i++) {
            rows.add(new Row(
                    "paragraph",
                    s.paragraphs().get(i).text(),
                    t.paragraphs().get(i).text()));
        }
        if (main && (s.source() != null || t.source() != null)) {
            rows.add(new Row(
                    "source",
                    s.source() == null ? "" : Labels.of(s.language()).source() + " " + s.source(),
                    t.source() == null ? "" : Labels.of(t.language()).source() + " " + t.source()));
        }
        for (int i = 0; i < s.related().size(); i++) {
            rows.add(new Row(
                    "read-also",
                    Labels.of(s.language()).readAlso(),
                    Labels.of(t.language()).readAlso()));
            pair(s.related().get(i), t.related().get(i), rows, false);
        }
    }

    private static String markdown(Language from, Language to, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(name(from)).append(" | ").append(name(to)).append(" |\n|---|---|\n");
        for (Row r : rows) {
            boolean strong = r.kind().endsWith("headline") || r.kind().equals("read-also");
            sb.append("| ")
                    .append(cell(r.left(), strong))
                    .append(" | ")
                    .append(cell(r.right(), strong))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String text, boolean strong) {
        if (text.isEmpty()) {
            return " ";
        }
        String escaped = MarkdownArticleWriter.escape(text);
        return strong ? "**" + escaped + "**" : escaped;
    }

    private static String html(Article s, Article t, List<Row> rows) {
        String left = HtmlArticleWriter.langAttributes(s.language());
        String right = HtmlArticleWriter.langAttributes(t.language());
        StringBuilder sb = new StringBuilder();
        sb.append("<table>\n<thead><tr><th")
                .append(left)
                .append('>')
                .append(HtmlArticleWriter.escape(name(s.language())))
                .append("</th><th")
                .append(right)
                .append('>')
                .append(HtmlArticleWriter.escape(name(t.language())))
                .append("</th></tr></thead>\n<tbody>\n");
        for (Row r : rows) {
            sb.append("<tr class=\"")
                    .append(r.kind())
                    .append("\"><td")
                    .append(left)
                    .append('>')
                    .append(HtmlArticleWriter.escape(r.left()))
                    .append("</td><td")
                    .append(right)
                    .append('>')
                    .append(HtmlArticleWriter.escape(r.right()))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        return HtmlPage.of(t.language(), t.headline(), "wide", sb.toString());
    }

    private static String name(Language language) {
        return language == null || language.equals(Language.UNDETERMINED) ? "?" : language.displayName();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

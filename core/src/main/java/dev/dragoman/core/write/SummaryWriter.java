package dev.dragoman.core.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.summary.Summary;
import java.util.List;

/**
 * Renders a {@link Summary} of an article in any {@link OutputFormat}. Warnings (a degraded result, e.g. a number
 * the source does not contain) are always part of the output, never only a log line. In JSON the document is
 * {@code {id, headline, language, summary: {text, sentences, language, backend, model, usage, created, fromCache,
 * warnings}}}.
 */
public final class SummaryWriter {

    private final OutputFormat format;

    public SummaryWriter(OutputFormat format) {
        this.format = java.util.Objects.requireNonNull(format, "format");
    }

    /** The rendering, ending with a line break. */
    public String write(Article article, Summary summary) {
        return switch (format) {
            case TEXT -> text(summary);
            case JSON -> JsonArticleWriter.toJson(document(article, summary), true) + "\n";
            case JSONL -> JsonArticleWriter.toJson(document(article, summary), false) + "\n";
            case MD -> markdown(article, summary);
            case HTML -> html(article, summary);
        };
    }

    private static ObjectNode document(Article article, Summary summary) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("id", article.id());
        if (article.headline() != null) {
            root.put("headline", article.headline());
        }
        if (article.language() != null) {
            root.put("language", article.language().tag());
        }
        root.set("summary", Json.mapper().valueToTree(summary));
        return root;
    }

    private static boolean bulleted(Summary s) {
        return s.sentences().size() > 1 && s.text().lines().allMatch(l -> l.startsWith("- ") || l.startsWith("• "));
    }

    /** "Dates: أمس = 2024-06-24 (Monday); اليوم = 2024-06-25 (Tuesday)", or null without anchors. */
    private static String dates(Summary s) {
        return s.anchors().isEmpty()
                ? null
                : "Dates: "
                        + String.join(
                                "; ", s.anchors().stream().map(Object::toString).toList());
    }

    private static String text(Summary s) {
        StringBuilder sb = new StringBuilder(s.text().strip()).append('\n');
        if (dates(s) != null) {
            sb.append(dates(s)).append('\n');
        }
        appendWarnings(s.warnings(), "Warning: ", sb);
        return sb.toString();
    }

    private static String markdown(Article article, Summary s) {
        StringBuilder sb = new StringBuilder();
        if (article.headline() != null) {
            sb.append("# ")
                    .append(MarkdownArticleWriter.escape(article.headline()))
                    .append("\n\n");
        }
        sb.append("## ").append(Labels.of(language(article, s)).summary()).append("\n\n");
        if (bulleted(s)) {
            for (String sentence : s.sentences()) {
                sb.append("- ")
                        .append(MarkdownArticleWriter.escape(stripBullet(sentence)))
                        .append('\n');
            }
            sb.append('\n');
        } else {
            sb.append(MarkdownArticleWriter.escape(s.text().strip())).append("\n\n");
        }
        if (dates(s) != null) {
            sb.append("> ").append(MarkdownArticleWriter.escape(dates(s))).append("\n\n");
        }
        appendWarnings(s.warnings(), "> **Warning:** ", sb);
        return sb.toString().stripTrailing() + "\n";
    }

    private static String html(Article article, Summary s) {
        Language lang = language(article, s);
        StringBuilder sb = new StringBuilder("<section class=\"summary\">\n");
        boolean otherLanguage =
                article.language() != null && !article.language().equals(lang);
        if (article.headline() != null) {
            sb.append("<h1");
            if (otherLanguage) {
                sb.append(HtmlArticleWriter.langAttributes(article.language()));
            }
            sb.append('>').append(HtmlArticleWriter.escape(article.headline())).append("</h1>\n");
        }
        String meta = HtmlPage.meta(article);
        if (!meta.isEmpty()) {
            // the article's own words (its date, agency, source) in its language and direction
            sb.append(
                    otherLanguage
                            ? meta.replaceFirst(
                                    "^<p class=\"meta\"",
                                    "<p class=\"meta\"" + HtmlArticleWriter.langAttributes(article.language()))
                            : meta);
        }
        if (bulleted(s)) {
            sb.append("<ul>\n");
            for (String sentence : s.sentences()) {
                sb.append("<li>")
                        .append(HtmlArticleWriter.escape(stripBullet(sentence)))
                        .append("</li>\n");
            }
            sb.append("</ul>\n");
        } else {
            sb.append("<p>").append(HtmlArticleWriter.escape(s.text().strip())).append("</p>\n");
        }
        if (dates(s) != null) {
            sb.append("<p class=\"dates\" dir=\"auto\">")
                    .append(HtmlArticleWriter.escape(dates(s)))
                    .append("</p>\n");
        }
        for (String w : s.warnings()) {
            sb.append("<p class=\"warning\" lang=\"en\" dir=\"ltr\">Warning: ")
                    .append(HtmlArticleWriter.escape(w))
                    .append("</p>\n");
        }
        sb.append("</section>\n");
        return HtmlPage.of(lang, article.headline(), null, sb.toString());
    }

    private static Language language(Article article, Summary s) {
        return s.language() != null ? s.language() : article.language();
    }

    private static String stripBullet(String sentence) {
        return sentence.replaceFirst("^(- |• )", "");
    }

    private static void appendWarnings(List<String> warnings, String prefix, StringBuilder sb) {
        if (!warnings.isEmpty()) {
            sb.append('\n');
            for (String w : warnings) {
                sb.append(prefix).append(w).append('\n');
            }
        }
    }
}

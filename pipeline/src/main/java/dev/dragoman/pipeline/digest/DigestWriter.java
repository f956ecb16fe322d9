package dev.dragoman.pipeline.digest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.summary.TimeAnchor;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.write.HtmlArticleWriter;
import dev.dragoman.core.write.HtmlPage;
import dev.dragoman.core.write.MarkdownArticleWriter;
import dev.dragoman.pipeline.batch.DoneRecord;
import dev.dragoman.pipeline.batch.RunReport;
import dev.dragoman.pipeline.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Digest} as Markdown, HTML and JSON under {@code <out>/digests/}, named by the run's start time
 * ({@code digest-20240625T070000Z.md}), each file atomically. The HTML page is right-to-left aware: the page takes
 * the reports' language and direction when they share one, and every headline and summary carries its own
 * {@code lang} and {@code dir} (so Arabic reads right to left inside an English page and vice versa); the header
 * and labels are English and marked {@code dir="ltr"}. Links point to each article's own outputs. It reads like a
 * morning brief ({@link HtmlPage}'s stylesheet): the date and counts, a table of contents, then the stories, each
 * one entry — its headline, one summary, then its sources one compact line each (agency, date, headline, links),
 * never one summary per source — then the failed items, and the run's details last. Report dates share one format (ISO {@code yyyy-MM-dd}); failed items are listed by input with stage and
 * reason.
 */
public final class DigestWriter {

    public static final String DIR = "digests";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Writes the three files and returns their paths. */
    public List<Path> write(Path out, Digest digest) throws IOException {
        String stamp = STAMP.format(digest.report().started());
        Path dir = out.resolve(DIR);
        List<Path> written = new ArrayList<>();
        Path md = dir.resolve("digest-" + stamp + ".md");
        AtomicFiles.write(md, markdown(digest));
        written.add(md);
        Path html = dir.resolve("digest-" + stamp + ".html");
        AtomicFiles.write(html, html(digest));
        written.add(html);
        Path json = dir.resolve("digest-" + stamp + ".json");
        AtomicFiles.write(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(digest)) + "\n");
        written.add(json);
        return written;
    }

    // ------------------------------------------------------------------ Markdown

    public String markdown(Digest d) {
        RunReport r = d.report();
        StringBuilder sb =
                new StringBuilder("# Digest ").append(time(r.started())).append("\n\n");
        sb.append("- Run: ")
                .append(time(r.started()))
                .append(" – ")
                .append(time(r.ended()))
                .append('\n');
        sb.append("- Window: ").append(window(d)).append('\n');
        sb.append("- ").append(counts(d, r)).append('\n');
        sb.append("- Usage: ").append(usage(r.usage())).append("\n\n");
        int n = 0;
        for (Digest.Story story : d.stories()) {
            n++;
            sb.append("## ")
                    .append(n)
                    .append(". ")
                    .append(MarkdownArticleWriter.escape(text(story.lead().headline())))
                    .append(" (")
                    .append(story.reports().size())
                    .append(story.reports().size() == 1 ? " source" : " sources")
                    .append(")\n\n");
            DoneRecord summary = story.summarySource();
            if (summary != null) {
                sb.append(MarkdownArticleWriter.escape(summary.summary().replace('\n', ' ')))
                        .append("\n\n");
                if (!summary.anchors().isEmpty()) {
                    sb.append("Dates: ")
                            .append(MarkdownArticleWriter.escape(anchors(summary)))
                            .append("\n\n");
                }
            }
            sb.append("Sources:\n\n");
            for (DoneRecord rep : story.reports()) {
                sb.append("- **")
                        .append(MarkdownArticleWriter.escape(rep.agency() == null ? "unknown source" : rep.agency()))
                        .append("**, ")
                        .append(date(rep))
                        .append(": ")
                        .append(MarkdownArticleWriter.escape(text(rep.headline())))
                        .append('\n');
                List<String> links = new ArrayList<>();
                for (String o : rep.outputs()) {
                    links.add("[" + o.substring(o.lastIndexOf('.') + 1) + "](../" + o + ")");
                }
                if (HtmlArticleWriter.linkable(rep.url()) != null) {
                    links.add("[original](<" + rep.url() + ">)");
                }
                if (!links.isEmpty()) {
                    sb.append("  ").append(String.join(" · ", links)).append('\n');
                }
            }
            sb.append('\n');
        }
        if (d.stories().isEmpty()) {
            sb.append("No new articles in this run.\n\n");
        }
        if (!r.failedItems().isEmpty()) {
            sb.append("## Failed (").append(r.failedItems().size()).append(")\n\n");
            for (RunReport.FailedItem f : r.failedItems()) {
                sb.append("- `")
                        .append(
                                f.input() == null
                                        ? "(unnamed input)"
                                        : f.input().replace("`", "'"))
                        .append("` — ")
                        .append(f.stage())
                        .append(": ")
                        .append(MarkdownArticleWriter.escape(
                                f.reason() == null ? "" : f.reason().replace('\n', ' ')))
                        .append(f.retriable() ? " (temporary: retried on the next run)" : "")
                        .append('\n');
            }
        }
        return sb.toString().stripTrailing() + "\n";
    }

    // ------------------------------------------------------------------ HTML

    public String html(Digest d) {
        RunReport r = d.report();
        StringBuilder sb = new StringBuilder();
        sb.append("<header lang=\"en\" dir=\"ltr\">\n<h1>Digest <time datetime=\"")
                .append(r.started())
                .append("\">")
                .append(HtmlArticleWriter.escape(time(r.started())))
                .append("</time></h1>\n<p class=\"meta\">")
                .append(HtmlArticleWriter.escape(d.stories().size() + " stories from " + d.articles() + " articles"
                        + (r.failed() > 0 ? ", " + r.failed() + " failed" : "")))
                .append("</p>\n</header>\n");
        List<Digest.Story> stories = d.stories();
        if (stories.size() > 1) {
            sb.append("<nav class=\"toc\" lang=\"en\" dir=\"ltr\">\n<ol>\n");
            for (int i = 0; i < stories.size(); i++) {
                DoneRecord lead = stories.get(i).lead();
                sb.append("<li><a href=\"#story-")
                        .append(i + 1)
                        .append("\"")
                        .append(langDir(lead.displayLanguage()))
                        .append('>')
                        .append(HtmlArticleWriter.escape(text(lead.headline())))
                        .append("</a></li>\n");
            }
            sb.append("</ol>\n</nav>\n");
        }
        sb.append("<main>\n");
        for (int i = 0; i < stories.size(); i++) {
            Digest.Story story = stories.get(i);
            DoneRecord lead = story.lead();
            sb.append("<article class=\"story\" id=\"story-")
                    .append(i + 1)
                    .append("\" data-sources=\"")
                    .append(story.reports().size())
                    .append("\">\n<h2")
                    .append(langDir(lead.displayLanguage()))
                    .append('>')
                    .append(HtmlArticleWriter.escape(text(lead.headline())))
                    .append("</h2>\n");
            DoneRecord summary = story.summarySource();
            if (summary != null) {
                sb.append("<p class=\"summary\"")
                        .append(langDir(summary.displayLanguage()))
                        .append('>')
                        .append(HtmlArticleWriter.escape(summary.summary()))
                        .append("</p>\n");
                if (!summary.anchors().isEmpty()) {
                    sb.append("<p class=\"dates\" lang=\"en\" dir=\"ltr\">Dates: ");
                    for (int k = 0; k < summary.anchors().size(); k++) {
                        TimeAnchor a = summary.anchors().get(k);
                        sb.append(k == 0 ? "" : "; ")
                                .append("<bdi>")
                                .append(HtmlArticleWriter.escape(a.phrase()))
                                .append("</bdi> = <time datetime=\"")
                                .append(a.date())
                                .append("\">")
                                .append(HtmlArticleWriter.escape(a.dateText()))
                                .append("</time>");
                    }
                    sb.append("</p>\n");
                }
            }
            sb.append("<ul class=\"sources\" lang=\"en\" dir=\"ltr\">\n");
            for (DoneRecord rep : story.reports()) {
                sb.append("<li class=\"source\"><span class=\"agency\"")
                        .append(rep.agency() == null ? "" : " dir=\"auto\"")
                        .append('>')
                        .append(HtmlArticleWriter.escape(rep.agency() == null ? "unknown source" : rep.agency()))
                        .append("</span> · <time");
                if (rep.time() != null) {
                    sb.append(" datetime=\"").append(rep.time()).append('"');
                }
                sb.append('>').append(HtmlArticleWriter.escape(date(rep))).append("</time>");
                if (story.reports().size() > 1 || !text(rep.headline()).equals(text(lead.headline()))) {
                    sb.append(" · <h3 class=\"headline\"")
                            .append(langDir(rep.displayLanguage()))
                            .append('>')
                            .append(HtmlArticleWriter.escape(text(rep.headline())))
                            .append("</h3>");
                }
                for (String o : rep.outputs()) {
                    sb.append(" · <a href=\"../")
                            .append(HtmlArticleWriter.escape(o))
                            .append("\">")
                            .append(o.substring(o.lastIndexOf('.') + 1))
                            .append("</a>");
                }
                if (HtmlArticleWriter.linkable(rep.url()) != null) {
                    sb.append(" · <a href=\"")
                            .append(HtmlArticleWriter.escape(rep.url()))
                            .append("\" rel=\"noopener\">original</a>");
                }
                sb.append("</li>\n");
            }
            sb.append("</ul>\n</article>\n");
        }
        if (stories.isEmpty()) {
            sb.append("<p lang=\"en\" dir=\"ltr\">No new articles in this run.</p>\n");
        }
        if (!r.failedItems().isEmpty()) {
            sb.append("<section class=\"failed\" lang=\"en\" dir=\"ltr\">\n<h2>Failed (")
                    .append(r.failedItems().size())
                    .append(")</h2>\n<ul>\n");
            for (RunReport.FailedItem f : r.failedItems()) {
                sb.append("<li><code dir=\"auto\">")
                        .append(HtmlArticleWriter.escape(f.input() == null ? "(unnamed input)" : f.input()))
                        .append("</code> — ")
                        .append(HtmlArticleWriter.escape(f.stage()))
                        .append(": <span dir=\"auto\">")
                        .append(HtmlArticleWriter.escape(f.reason() == null ? "" : f.reason()))
                        .append("</span>")
                        .append(f.retriable() ? " (temporary: retried on the next run)" : "")
                        .append("</li>\n");
            }
            sb.append("</ul>\n</section>\n");
        }
        sb.append("</main>\n<footer lang=\"en\" dir=\"ltr\">\n<ul class=\"run\">\n<li>Run: ")
                .append(HtmlArticleWriter.escape(time(r.started())))
                .append(" – ")
                .append(HtmlArticleWriter.escape(time(r.ended())))
                .append("</li>\n<li>Window: ")
                .append(HtmlArticleWriter.escape(window(d)))
                .append("</li>\n<li>")
                .append(HtmlArticleWriter.escape(counts(d, r)))
                .append("</li>\n<li>Usage: ")
                .append(HtmlArticleWriter.escape(usage(r.usage())))
                .append("</li>\n</ul>\n</footer>\n");
        return HtmlPage.of(d.mainLanguage(), "Digest " + time(r.started()), null, sb.toString());
    }

    private static String langDir(Language language) {
        if (language == null || Language.UNDETERMINED.equals(language)) {
            return " dir=\"auto\"";
        }
        return " lang=\"" + language.tag() + "\" dir=\"" + (language.isRightToLeft() ? "rtl" : "ltr") + "\"";
    }

    // ------------------------------------------------------------------ JSON

    public ObjectNode json(Digest d) {
        RunReport r = d.report();
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode run = root.putObject("run");
        run.put("started", r.started().toString());
        run.put("ended", r.ended().toString());
        run.put("stopped", r.stopped());
        ObjectNode window = root.putObject("window");
        if (d.windowFrom() != null) {
            window.put("from", d.windowFrom().toString());
            window.put("to", d.windowTo().toString());
        }
        ObjectNode counts = root.putObject("counts");
        counts.put("stories", d.stories().size());
        counts.put("articles", d.articles());
        counts.put("done", r.done());
        counts.put("fromCache", r.fromCache());
        counts.put("failed", r.failed());
        counts.put("skipped", r.skipped());
        root.set("usage", Json.mapper().valueToTree(r.usage()));
        ArrayNode failed = root.putArray("failed");
        for (RunReport.FailedItem f : r.failedItems()) {
            ObjectNode o = failed.addObject();
            o.put("input", f.input());
            o.put("stage", f.stage());
            o.put("reason", f.reason());
            o.put("retriable", f.retriable());
        }
        ArrayNode stories = root.putArray("stories");
        for (Digest.Story story : d.stories()) {
            ObjectNode s = stories.addObject();
            s.put("headline", story.lead().headline());
            DoneRecord summary = story.summarySource();
            if (summary != null) {
                s.put("summary", summary.summary());
                s.put("summaryFrom", summary.id());
                if (!summary.anchors().isEmpty()) {
                    s.set("anchors", Json.mapper().valueToTree(summary.anchors()));
                }
            }
            s.put("size", story.reports().size());
            if (story.latest() != null) {
                s.put("latest", story.latest().toString());
            }
            ArrayNode sources = s.putArray("sources");
            for (DoneRecord rep : story.reports()) {
                ObjectNode o = sources.addObject();
                o.put("id", rep.id());
                o.put("headline", rep.headline());
                if (rep.originalHeadline() != null && !rep.originalHeadline().equals(rep.headline())) {
                    o.put("originalHeadline", rep.originalHeadline());
                }
                if (rep.displayLanguage() != null) {
                    o.put("language", rep.displayLanguage().tag());
                }
                if (rep.language() != null) {
                    o.put("originalLanguage", rep.language().tag());
                }
                o.put("date", date(rep));
                if (rep.published() != null) {
                    o.set("published", Json.mapper().valueToTree(rep.published()));
                }
                o.put("agency", rep.agency());
                o.put("url", rep.url());
                o.put("input", rep.input());
                o.set("outputs", Json.mapper().valueToTree(rep.outputs()));
            }
        }
        return root;
    }

    // ------------------------------------------------------------------ helpers

    /** "أمس = 2024-06-24 (Monday); اليوم = 2024-06-25 (Tuesday)": the summary's relative days and their dates. */
    private static String anchors(DoneRecord r) {
        return String.join("; ", r.anchors().stream().map(TimeAnchor::toString).toList());
    }

    private static String window(Digest d) {
        return d.windowFrom() == null ? "no dated articles" : time(d.windowFrom()) + " – " + time(d.windowTo());
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .withZone(ZoneOffset.UTC)
                .format(t);
    }

    /**
     * A report's date in the digest's one format, ISO {@code yyyy-MM-dd} (an instant by its UTC day), or "undated"
     * when none was read (an unparsed date line stays in the JSON's {@code published.raw}).
     */
    static String date(DoneRecord r) {
        if (r.published() == null || r.published().day() == null) {
            return "undated";
        }
        return r.published().day().toString();
    }

    private static String usage(Usage u) {
        return u.requests() + " requests, " + u.characters() + " characters, " + u.totalTokens() + " tokens";
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? "(no headline)" : s;
    }

    /** The run's counts, one sentence shared by the Markdown and HTML digests. */
    private static String counts(Digest d, RunReport r) {
        return d.stories().size() + " stories from " + d.articles() + " articles; " + r.done() + " done this run ("
                + r.fromCache() + " from cache), " + r.failed() + " failed, " + r.skipped() + " already done";
    }
}

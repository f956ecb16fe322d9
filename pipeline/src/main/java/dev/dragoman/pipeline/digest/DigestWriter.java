package dev.dragoman.pipeline.digest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
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
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    /**
     * Writes the three files and returns their paths. Each is streamed to its file a story at a time (the digest
     * reads a story's records when asked for it), so a digest of any size is written in bounded memory.
     */
    public List<Path> write(Path out, Digest digest) throws IOException {
        String stamp = STAMP.format(digest.report().started());
        Path dir = out.resolve(DIR);
        List<Path> written = new ArrayList<>();
        Path md = dir.resolve("digest-" + stamp + ".md");
        write(md, w -> markdown(digest, w));
        written.add(md);
        Path html = dir.resolve("digest-" + stamp + ".html");
        write(html, w -> html(digest, w));
        written.add(html);
        Path json = dir.resolve("digest-" + stamp + ".json");
        write(json, w -> json(digest, w));
        written.add(json);
        return written;
    }

    private interface Render {
        void to(Writer out) throws IOException;
    }

    private static String text(Render render) {
        StringWriter out = new StringWriter();
        try {
            render.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static void write(Path file, Render render) throws IOException {
        try (AtomicFiles.Pending pending = AtomicFiles.begin(file)) {
            render.to(pending.writer());
            pending.commit();
        }
    }

    // ------------------------------------------------------------------ Markdown

    public String markdown(Digest d) {
        return text(w -> markdown(d, w));
    }

    /** The Markdown digest, written to {@code out} a story at a time. */
    public void markdown(Digest d, Writer to) throws IOException {
        // the document ends in one newline after its last non-blank character (String.stripTrailing, streamed)
        StripTrailing out = new StripTrailing(to);
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
            out.append(sb);
            sb.setLength(0);
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
        out.append(sb);
        out.end();
    }

    // ------------------------------------------------------------------ HTML

    public String html(Digest d) {
        return text(w -> html(d, w));
    }

    /** The HTML digest, written to {@code out} a story at a time. */
    public void html(Digest d, Writer out) throws IOException {
        RunReport r = d.report();
        out.write(HtmlPage.start(d.mainLanguage(), "Digest " + time(r.started()), null));
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
                out.append(sb);
                sb.setLength(0);
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
            out.append(sb);
            sb.setLength(0);
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
        out.append(sb).append(HtmlPage.END);
    }

    private static String langDir(Language language) {
        if (language == null || Language.UNDETERMINED.equals(language)) {
            return " dir=\"auto\"";
        }
        return " lang=\"" + language.tag() + "\" dir=\"" + (language.isRightToLeft() ? "rtl" : "ltr") + "\"";
    }

    // ------------------------------------------------------------------ JSON

    /** The JSON digest as a tree (what {@link #write} writes, pretty-printed, for a digest that fits in memory). */
    public ObjectNode json(Digest d) {
        try (TokenBuffer buffer = new TokenBuffer(Json.mapper(), false)) {
            json(d, buffer);
            return (ObjectNode) Json.mapper().readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("a token buffer does not fail", e);
        }
    }

    /** The JSON digest, pretty-printed and ending in a newline, written to {@code out} a story at a time. */
    public void json(Digest d, Writer out) throws IOException {
        try (JsonGenerator g = Json.mapper().writerWithDefaultPrettyPrinter().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json(d, g);
        }
        out.write("\n");
    }

    private static void json(Digest d, JsonGenerator g) throws IOException {
        RunReport r = d.report();
        g.writeStartObject();
        g.writeObjectFieldStart("run");
        g.writeStringField("started", r.started().toString());
        g.writeStringField("ended", r.ended().toString());
        g.writeBooleanField("stopped", r.stopped());
        g.writeEndObject();
        g.writeObjectFieldStart("window");
        if (d.windowFrom() != null) {
            g.writeStringField("from", d.windowFrom().toString());
            g.writeStringField("to", d.windowTo().toString());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("counts");
        g.writeNumberField("stories", d.stories().size());
        g.writeNumberField("articles", d.articles());
        g.writeNumberField("done", r.done());
        g.writeNumberField("fromCache", r.fromCache());
        g.writeNumberField("failed", r.failed());
        g.writeNumberField("skipped", r.skipped());
        g.writeEndObject();
        g.writeFieldName("usage");
        g.writeTree(Json.mapper().valueToTree(r.usage()));
        g.writeArrayFieldStart("failed");
        for (RunReport.FailedItem f : r.failedItems()) {
            g.writeStartObject();
            g.writeStringField("input", f.input());
            g.writeStringField("stage", f.stage());
            g.writeStringField("reason", f.reason());
            g.writeBooleanField("retriable", f.retriable());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("stories");
        for (Digest.Story story : d.stories()) {
            g.writeStartObject();
            g.writeStringField("headline", story.lead().headline());
            DoneRecord summary = story.summarySource();
            if (summary != null) {
                g.writeStringField("summary", summary.summary());
                g.writeStringField("summaryFrom", summary.id());
                if (!summary.anchors().isEmpty()) {
                    g.writeFieldName("anchors");
                    g.writeTree(Json.mapper().valueToTree(summary.anchors()));
                }
            }
            g.writeNumberField("size", story.reports().size());
            if (story.latest() != null) {
                g.writeStringField("latest", story.latest().toString());
            }
            g.writeArrayFieldStart("sources");
            for (DoneRecord rep : story.reports()) {
                g.writeStartObject();
                g.writeStringField("id", rep.id());
                g.writeStringField("headline", rep.headline());
                if (rep.originalHeadline() != null && !rep.originalHeadline().equals(rep.headline())) {
                    g.writeStringField("originalHeadline", rep.originalHeadline());
                }
                if (rep.displayLanguage() != null) {
                    g.writeStringField("language", rep.displayLanguage().tag());
                }
                if (rep.language() != null) {
                    g.writeStringField("originalLanguage", rep.language().tag());
                }
                g.writeStringField("date", date(rep));
                if (rep.published() != null) {
                    g.writeFieldName("published");
                    g.writeTree(Json.mapper().valueToTree(rep.published()));
                }
                g.writeStringField("agency", rep.agency());
                g.writeStringField("url", rep.url());
                g.writeStringField("input", rep.input());
                g.writeFieldName("outputs");
                g.writeTree(Json.mapper().valueToTree(rep.outputs()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush(); // a story at a time
        }
        g.writeEndArray();
        g.writeEndObject();
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

    /**
     * Passes text on but holds back a run of white space until something else follows, so {@link #end()} can drop
     * the document's trailing white space ({@link String#stripTrailing()}) and close it with one newline.
     */
    private static final class StripTrailing {
        private final Writer out;
        private final StringBuilder held = new StringBuilder();

        StripTrailing(Writer out) {
            this.out = out;
        }

        void append(CharSequence text) throws IOException {
            int last = text.length() - 1;
            while (last >= 0 && Character.isWhitespace(text.charAt(last))) {
                last--;
            }
            if (last >= 0) {
                out.append(held);
                held.setLength(0);
                out.append(text, 0, last + 1);
            }
            held.append(text, last + 1, text.length());
        }

        void end() throws IOException {
            out.append('\n');
        }
    }
}

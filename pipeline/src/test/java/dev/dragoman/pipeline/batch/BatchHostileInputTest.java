package dev.dragoman.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import dev.dragoman.pipeline.batch.Scripted.ScriptedSummarizer;
import dev.dragoman.pipeline.batch.Scripted.ScriptedTranslator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs are data: declared ids never become paths, never hide one another, and never kill a worker. */
class BatchHostileInputTest {

    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2024-06-26T07:00:00Z"), ZoneOffset.UTC);

    private BatchEngine engine(Path in, Path out, Fetcher fetcher) {
        BatchOptions options =
                new BatchOptions(List.of(in.toString()), out, Language.ENGLISH, true, null, 3, null, null, "scripted");
        return BatchEngine.builder(options)
                .translator(Scripted.backend(new ScriptedTranslator()))
                .summarizer(new ScriptedSummarizer())
                .fetcher(fetcher)
                .clock(clock)
                .build();
    }

    private static Fetcher noFetch() {
        return url -> {
            throw new AssertionError("no fetch expected");
        };
    }

    private static void writeJson(Path file, String id, int n) throws IOException {
        ObjectNode node = Json.mapper().valueToTree(BatchEngineTest.article(n));
        node.put("id", id);
        Files.writeString(file, Json.mapper().writeValueAsString(node), StandardCharsets.UTF_8);
    }

    private static Set<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    @Test
    void should_keep_every_output_under_out_whatever_id_an_article_declares() throws Exception {
        // given articles whose declared ids are paths, device names, look-alikes, a NUL and a very long name
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path outside = tmp.resolve("outside");
        List<String> ids = List.of(
                "../escaped",
                outside.resolve("abs").toString(),
                "a/../../x",
                "../../../../../../../../tmp/dragoman-escape",
                "nul\u0000byte",
                "x".repeat(5000),
                "CON",
                "NUL",
                "COM1",
                "ｃｏｎ",
                "..",
                ".",
                "",
                "дragoman-лook");
        for (int i = 0; i < ids.size(); i++) {
            writeJson(in.resolve(String.format("a%02d.json", i)), ids.get(i), i + 1);
        }
        Path out = tmp.resolve("out");
        Set<Path> before = filesUnder(tmp);

        // when
        RunReport report = engine(in, out, noFetch()).run(BatchListener.NONE, false);

        // then every article is done with its own outputs, and nothing was written outside out/
        assertThat(report.failed()).as(report.failures().toString()).isZero();
        assertThat(report.done()).isEqualTo(ids.size());
        Set<Path> written = filesUnder(tmp);
        written.removeAll(before);
        assertThat(written).allSatisfy(p -> assertThat(p).startsWith(out));
        assertThat(outside).doesNotExist();
        assertThat(tmp.resolve("escaped.json")).doesNotExist();
        assertThat(Path.of("/tmp/dragoman-escape.json")).doesNotExist();
        try (Stream<Path> articles = Files.list(out.resolve(ArticleOutputs.DIR))) {
            List<String> names =
                    articles.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(ids.size() * 2);
            assertThat(names).allSatisfy(n -> assertThat(n).matches("[A-Za-z0-9_-]{1,80}\\.(json|md)"));
        }
    }

    @Test
    void should_finish_both_articles_that_declare_the_same_id_each_with_its_own_output() throws Exception {
        // given two different articles declaring one id
        Path in = Files.createDirectories(tmp.resolve("in"));
        writeJson(in.resolve("a.json"), "same-id", 1);
        writeJson(in.resolve("b.json"), "same-id", 2);
        Path out = tmp.resolve("out");

        // when
        RunReport report = engine(in, out, noFetch()).run(BatchListener.NONE, false);

        // then both are done, the digest entries describe both, and each output holds its own article
        assertThat(report.done()).isEqualTo(2);
        assertThat(report.entries())
                .extracting(DoneRecord::originalHeadline)
                .containsExactlyInAnyOrder("خبر رقم 1", "خبر رقم 2");
        List<String> headlines = new ArrayList<>();
        for (DoneRecord r : report.entries()) {
            JsonNode json =
                    Json.mapper().readTree(out.resolve(r.outputs().get(0)).toFile());
            headlines.add(json.path("article").path("headline").asText());
        }
        assertThat(headlines).containsExactlyInAnyOrder("خبر رقم 1", "خبر رقم 2");
    }

    @Test
    void should_finish_both_articles_that_declare_the_same_url_and_redo_one_edited_in_place() throws Exception {
        // given two different articles declaring one URL (a JSON article's url is data, like its id)
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path a = in.resolve("a.json");
        writeJson(a, "a", 1);
        writeJson(in.resolve("b.json"), "b", 2);
        for (Path p : List.of(a, in.resolve("b.json"))) {
            ObjectNode node = (ObjectNode) Json.mapper().readTree(p.toFile());
            node.put("url", "https://wire.example/same-page");
            Files.writeString(p, node.toString(), StandardCharsets.UTF_8);
        }
        Path out = tmp.resolve("out");

        // when
        RunReport first = engine(in, out, noFetch()).run(BatchListener.NONE, false);
        // and the first file is edited in place, keeping its URL
        ObjectNode edited = (ObjectNode) Json.mapper().valueToTree(BatchEngineTest.article(3));
        edited.put("id", "a").put("url", "https://wire.example/same-page");
        Files.writeString(a, edited.toString(), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        RunReport second = engine(in, out, noFetch()).run(BatchListener.NONE, false);

        // then both are done, each with its own output, and the edited article is done again, not skipped
        assertThat(first.done()).as(first.failures().toString()).isEqualTo(2);
        assertThat(first.skipped()).isZero();
        assertThat(first.entries())
                .extracting(DoneRecord::originalHeadline)
                .containsExactlyInAnyOrder("خبر رقم 1", "خبر رقم 2");
        assertThat(second.done()).isEqualTo(1);
        assertThat(second.entries()).extracting(DoneRecord::originalHeadline).contains("خبر رقم 3");
    }

    @Test
    void should_fail_only_the_item_whose_processing_throws_an_unexpected_error() throws Exception {
        // given a feed of three teasers; reading one page overflows the stack
        Path in = Files.createDirectories(tmp.resolve("in"));
        StringBuilder rss = new StringBuilder(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>http://wire.test/</link>");
        for (int i = 1; i <= 3; i++) {
            rss.append("<item><title>Story ")
                    .append(i)
                    .append("</title><link>http://wire.test/s")
                    .append(i)
                    .append(".html</link><guid>s")
                    .append(i)
                    .append("</guid><description>Teaser ")
                    .append(i)
                    .append("...</description></item>");
        }
        rss.append("</channel></rss>");
        Files.writeString(in.resolve("wire.rss"), rss, StandardCharsets.UTF_8);
        Fetcher fetcher = url -> {
            if (url.contains("s2")) {
                throw new StackOverflowError();
            }
            String page = "<html lang=en><body><article><h1>Story " + url.hashCode()
                    + "</h1><p>The first paragraph of the story is long enough to count as text.</p>"
                    + "<p>The second paragraph of the story adds the details of what happened.</p></article></body></html>";
            return new Fetcher.Fetched(page.getBytes(StandardCharsets.UTF_8), "text/html", url);
        };
        Path out = tmp.resolve("out");

        // when
        RunReport report = engine(in, out, fetcher).run(BatchListener.NONE, false);

        // then the other two are done and the third is a recorded failure: no item vanished
        assertThat(report.done()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        List<String> failures = Files.readAllLines(out.resolve(BatchEngine.FAILURES));
        assertThat(failures).hasSize(1);
        assertThat(Json.mapper().readTree(failures.get(0)).path("key").asText()).isEqualTo("feed:s2");
    }

    @Test
    void should_fail_only_the_feed_item_without_id_link_or_title_and_read_the_others() throws Exception {
        // given a feed whose second item has text but no guid, link or title
        Path in = Files.createDirectories(tmp.resolve("in"));
        StringBuilder rss = new StringBuilder(
                "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Wire</title>"
                        + "<link>http://wire.test/</link>");
        for (int i = 1; i <= 3; i++) {
            String body = "&lt;p&gt;The first paragraph of story " + i
                    + " tells what happened in the city today, where and to whom.&lt;/p&gt;"
                    + "&lt;p&gt;The second paragraph of story " + i
                    + " adds who said what and when, and what comes next.&lt;/p&gt;";
            rss.append("<item>");
            if (i != 2) {
                rss.append("<title>Story ")
                        .append(i)
                        .append("</title><guid isPermaLink=\"false\">s")
                        .append(i)
                        .append("</guid>");
            }
            rss.append("<content:encoded>").append(body).append("</content:encoded></item>");
        }
        rss.append("</channel></rss>");
        Files.writeString(in.resolve("wire.rss"), rss, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        // when
        RunReport report = engine(in, out, noFetch()).run(BatchListener.NONE, false);

        // then
        assertThat(report.done()).as(report.failures().toString()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.failures().get(0).getMessage()).contains("item 2", "no id, link or title");
    }

    @Test
    void should_refuse_a_second_run_on_the_same_out_naming_the_run_that_holds_it() throws Exception {
        // given a run in progress on out/ (its lock held)
        Path in = Files.createDirectories(tmp.resolve("in"));
        writeJson(in.resolve("a.json"), "a", 1);
        Path out = tmp.resolve("out");
        BatchEngine engine = engine(in, out, noFetch());

        // when a second run starts on the same folder
        org.assertj.core.api.ThrowableAssert.ThrowingCallable second = () -> engine.run(BatchListener.NONE, false);
        try (OutputLock held = OutputLock.acquire(out, out.resolve(BatchEngine.STATE_DIR), clock.instant())) {
            // then it is refused at once with a message naming the holder, and wrote nothing
            org.assertj.core.api.Assertions.assertThatThrownBy(second)
                    .isInstanceOfSatisfying(
                            dev.dragoman.core.error.DragomanException.class,
                            e -> assertThat(e.kind()).isEqualTo(dev.dragoman.core.error.DragomanException.Kind.BUSY))
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining(out.toString());
            assertThat(out.resolve(ArticleOutputs.DIR)).doesNotExist();
        }
        // and once the first run ends, the next run goes ahead
        assertThat(engine.run(BatchListener.NONE, false).done()).isEqualTo(1);
    }
}

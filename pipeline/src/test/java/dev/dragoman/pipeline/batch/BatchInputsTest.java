package dev.dragoman.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import dev.dragoman.pipeline.step.StageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input kind through one batch: wire text, JSON, a saved HTML page, an RSS file, an Atom feed URL. */
public class BatchInputsTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> userAgents = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Clock clock = Clock.fixed(Instant.parse("2024-06-26T07:00:00Z"), ZoneOffset.UTC);

    public static String resource(String path) {
        try (InputStream in = BatchInputsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + path, e);
        }
    }

    private final OkHttpClient http = new OkHttpClient();

    @org.junit.jupiter.api.AfterEach
    void closeConnections() {
        http.connectionPool().evictAll();
    }

    @BeforeEach
    void serve() {
        String base = server.url("/").toString();
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Monitor</title><id>urn:wm</id>
                <updated>2024-06-26T05:00:00Z</updated>
                <entry><title>Quake jolts eastern Turkey</title><id>urn:wm:quake</id>
                 <link href="%squake.html"/><updated>2024-06-26T04:30:00Z</updated>
                 <summary>A magnitude 5.1 earthquake struck eastern Turkey early on Wednesday...</summary></entry>
                <entry><title>Gone story</title><id>urn:wm:gone</id>
                 <link href="%sgone.html"/><updated>2024-06-26T04:40:00Z</updated>
                 <summary>This page was taken down...</summary></entry>
                </feed>""".formatted(base, base);
        String quake = resource("/fixtures/html/en-jsonld.html");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                userAgents.add(request.getHeaders().get("User-Agent"));
                return switch (path) {
                    case "/feed.atom" ->
                        new MockResponse.Builder()
                                .code(200)
                                .addHeader("Content-Type", "application/atom+xml; charset=utf-8")
                                .body(atom)
                                .build();
                    case "/quake.html" ->
                        new MockResponse.Builder()
                                .code(200)
                                .addHeader("Content-Type", "text/html; charset=utf-8")
                                .body(quake)
                                .build();
                    default ->
                        new MockResponse.Builder().code(404).body("not found").build();
                };
            }
        });
    }

    private BatchEngine engine(Path out, List<String> inputs, Scripted.ScriptedTranslator t) {
        BatchOptions options = new BatchOptions(inputs, out, Language.ENGLISH, false, null, 3, null, null, "scripted");
        HttpFetcher fetcher = new HttpFetcher(http, "9.9", Duration.ofSeconds(5), 2);
        return BatchEngine.builder(options)
                .translator(Scripted.backend(t))
                .fetcher(fetcher)
                .clock(clock)
                .build();
    }

    @Test
    void should_keep_dateline_source_line_and_read_also_in_the_per_article_markdown_with_the_agency_translated()
            throws Exception {
        // given: the seed (dateline "موسكو-سانا", source line, a "read also" story), translated to English
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(
                in.resolve("seed.ar.txt"),
                Files.readString(
                        Path.of("..", "examples", "sana-2024-06-25-lukashenko.ar.txt"), StandardCharsets.UTF_8));
        Path out = tmp.resolve("out");

        // when
        RunReport report = engine(out, List.of(in.toString()), new Scripted.ScriptedTranslator())
                .run(BatchListener.NONE, false);

        // then: the Markdown shows what the JSON keeps, in both languages
        assertThat(report.done()).isEqualTo(1);
        String md;
        try (var files = Files.list(out.resolve("articles"))) {
            md = Files.readString(
                    files.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow());
        }
        String translation = md.substring(md.indexOf("## Translation"), md.indexOf("## Original"));
        String original = md.substring(md.indexOf("## Original"));
        assertThat(md).contains("**Agency:** \\[en\\] سانا");
        assertThat(translation)
                .contains("**\\[en\\] موسكو (\\[en\\] سانا)**")
                .contains("Source: \\[en\\] الوكالة العربية السورية للأنباء")
                .contains("*Read also:*")
                .contains("### \\[en\\] مصر وروسيا");
        assertThat(original).contains("**موسكو").contains("### مصر وروسيا").contains("الوكالة العربية السورية للأنباء");
    }

    @Test
    void should_read_wire_text_json_html_rss_and_atom_url_inputs_into_articles() throws Exception {
        // given
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(
                in.resolve("seed.ar.txt"),
                Files.readString(
                        Path.of("..", "examples", "sana-2024-06-25-lukashenko.ar.txt"), StandardCharsets.UTF_8));
        Files.writeString(in.resolve("story.json"), Json.mapper().writeValueAsString(BatchEngineTest.article(1)));
        Files.writeString(in.resolve("page.html"), resource("/fixtures/html/ar-news-site.html"));
        Files.writeString(in.resolve("sana.rss"), resource("/fixtures/feed/sana-rss-fulltext.xml"));
        Path out = tmp.resolve("out");
        Scripted.ScriptedTranslator t = new Scripted.ScriptedTranslator();

        // when
        RunReport report = engine(
                        out, List.of(in.toString(), server.url("/feed.atom").toString()), t)
                .run(BatchListener.NONE, false);

        // then wire text, JSON, HTML, two RSS items and one Atom item (its page fetched) are done; one page is gone
        assertThat(report.done())
                .as(() -> report.summaryLine()
                        + report.failures()
                        + report.entries().stream().map(DoneRecord::input).toList())
                .isEqualTo(6);
        assertThat(report.failed()).isEqualTo(1);
        StageException gone = report.failures().get(0);
        assertThat(gone.stage()).isEqualTo("fetch");
        assertThat(gone.getMessage()).contains("gone.html", "404").contains("the feed carries only a teaser");
        assertThat(gone.retriable()).isFalse();
        assertThat(report.entries())
                .extracting(DoneRecord::originalHeadline)
                .contains(
                        "سورية والعراق تتفقان على تبادل بيانات تدفق مياه نهر الفرات",
                        "Magnitude 5.1 quake jolts eastern Turkey, no casualties reported",
                        "خبر رقم 1");
        DoneRecord quake = report.entries().stream()
                .filter(r -> r.originalHeadline().startsWith("Magnitude"))
                .findFirst()
                .orElseThrow();
        assertThat(quake.url()).isEqualTo(server.url("/quake.html").toString());
        assertThat(quake.agency()).isEqualTo("AFP");
        DoneRecord page = report.entries().stream()
                .filter(r -> r.input().endsWith("page.html"))
                .findFirst()
                .orElseThrow();
        assertThat(page.language()).isEqualTo(Language.ARABIC);
        assertThat(page.headline()).startsWith("[en] ");
        JsonNode wire = Json.mapper()
                .readTree(out.resolve("articles")
                        .resolve(report.entries().stream()
                                        .filter(r -> r.input().endsWith("seed.ar.txt"))
                                        .findFirst()
                                        .orElseThrow()
                                        .id()
                                + ".json")
                        .toFile());
        assertThat(wire.at("/article/language").asText()).isEqualTo("ar");
        assertThat(userAgents).allSatisfy(ua -> assertThat(ua).startsWith("Dragoman/9.9 (+https://"));
        assertThat(hits.get("/quake.html").get()).isEqualTo(1);
    }

    @Test
    void should_use_a_local_feeds_own_text_offline_and_say_which_items_needed_their_page() throws Exception {
        // given a local RSS file: two short wire items in full (two paragraphs each) and one teaser; no network
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>W</title>"
                + "<link>https://wire.example/</link><description>d</description>");
        for (int i = 1; i <= 2; i++) {
            rss.append("<item><title>Story ")
                    .append(i)
                    .append("</title><link>https://wire.example/")
                    .append(i)
                    .append("</link><guid>w")
                    .append(i)
                    .append("</guid><description><![CDATA[<p>DAMASCUS, June 25 ")
                    .append("(SANA) - Syria and Iraq agreed on Tuesday to share daily measurements of the river, ")
                    .append("item ")
                    .append(i)
                    .append(".</p><p>The ministers will meet again in Baghdad.</p>]]>")
                    .append("</description></item>");
        }
        rss.append("<item><title>Teaser</title><link>https://wire.example/3</link><guid>w3</guid>"
                + "<description>Greek authorities ordered the evacuation of several villages [...]</description>"
                + "</item></channel></rss>");
        Path feed = Files.writeString(tmp.resolve("wire.xml"), rss.toString());
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        BatchListener recording = new BatchListener() {
            @Override
            public void item(Outcome outcome, String key, String detail) {
                lines.add(outcome + " " + key + " " + detail);
            }
        };
        BatchOptions options =
                new BatchOptions(List.of(feed.toString()), tmp.resolve("out"), null, true, null, 1, null, null, "-");
        // when
        RunReport report = BatchEngine.builder(options)
                .summarizer(new Scripted.ScriptedSummarizer())
                .fetcher(url -> {
                    throw new dev.dragoman.core.error.DragomanException(
                            dev.dragoman.core.error.DragomanException.Kind.BACKEND_UNAVAILABLE,
                            "cannot fetch " + url + ": offline");
                })
                .clock(clock)
                .build()
                .run(recording, false);
        // then the full items are done from the feed's text; only the teaser was fetched, and its failure says why
        assertThat(report.done()).as(report.summaryLine()).isEqualTo(2);
        assertThat(lines).contains("DONE feed:w1 null", "DONE feed:w2 null");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("FAILED feed:w3 fetch: the feed carries only a teaser of this item (")
                        .contains("https://wire.example/3"));
    }

    @Test
    void should_not_fetch_a_finished_feed_items_page_again() throws Exception {
        // given a first run
        Path out = tmp.resolve("out");
        Scripted.ScriptedTranslator t = new Scripted.ScriptedTranslator();
        List<String> inputs = List.of(server.url("/feed.atom").toString());
        engine(out, inputs, t).run(BatchListener.NONE, false);
        int translations = t.total();

        // when
        RunReport again = engine(out, inputs, t).run(BatchListener.NONE, true);

        // then the feed is read again, the finished page is neither fetched nor translated, the gone one is retried
        assertThat(hits.get("/feed.atom").get()).isEqualTo(2);
        assertThat(hits.get("/quake.html").get()).isEqualTo(1);
        assertThat(hits.get("/gone.html").get()).isEqualTo(2);
        assertThat(t.total()).isEqualTo(translations);
        assertThat(again.skipped()).isEqualTo(1);
        assertThat(again.entries()).isEmpty();
    }

    @Test
    void should_record_an_unreachable_feed_as_a_retriable_fetch_failure_and_go_on() throws Exception {
        // given
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("story.json"), Json.mapper().writeValueAsString(BatchEngineTest.article(2)));
        server.close();
        Path out = tmp.resolve("out");
        // when
        RunReport report = engine(
                        out,
                        List.of("http://127.0.0.1:" + server.getPort() + "/feed.atom", in.toString()),
                        new Scripted.ScriptedTranslator())
                .run(BatchListener.NONE, false);
        // then
        assertThat(report.done()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo("fetch");
            assertThat(f.retriable()).isTrue();
        });
        // the code a single-input command exits with for the same unreachable server: unavailable
        assertThat(report.exitCode()).isEqualTo(69);
    }
}

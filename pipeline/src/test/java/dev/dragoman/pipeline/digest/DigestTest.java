package dev.dragoman.pipeline.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchInputsTest;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.batch.RunReport;
import dev.dragoman.pipeline.batch.Scripted;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest over fixture stories: the Euphrates water deal from SANA (Arabic page and Arabic RSS), Reuters (an
 * English page) and AFP (an Atom entry); a Turkish quake from AFP in English and Arabic; an unrelated SANA story.
 */
class DigestTest {

    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2024-06-26T07:00:00Z"), ZoneOffset.UTC);

    private static final String AFP_ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>AFP World</title><id>urn:afp</id>
            <updated>2024-06-26T05:00:00Z</updated>
            <entry><title>Syria, Iraq to share Euphrates flow data amid drought</title><id>urn:afp:euphrates</id>
             <link href="https://afp.example/world/euphrates"/><published>2024-06-25T10:05:00+02:00</published>
             <updated>2024-06-25T10:05:00+02:00</updated>
             <content type="html">&lt;p&gt;DAMASCUS (AFP) – Syria and Iraq will share daily measurements of the Euphrates river's flow, their foreign ministers said in Damascus on Tuesday, as drought and upstream dams in Turkey shrink the waters both countries depend on.&lt;/p&gt;&lt;p&gt;Syria's Faisal Mekdad and Iraq's Fuad Hussein told reporters a joint monitoring station would be set up near Al-Bukamal on the border.&lt;/p&gt;</content></entry>
            </feed>""";

    private Path inputs() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("sana-page.html"), BatchInputsTest.resource("/fixtures/html/ar-news-site.html"));
        Files.writeString(
                in.resolve("courier-page.html"), BatchInputsTest.resource("/fixtures/html/en-news-site.html"));
        Files.writeString(in.resolve("wm-quake.html"), BatchInputsTest.resource("/fixtures/html/en-jsonld.html"));
        try (var bytes = DigestTest.class.getResourceAsStream("/fixtures/html/ar-minimal.html")) {
            Files.write(in.resolve("quake-ar.html"), bytes.readAllBytes());
        }
        Files.writeString(in.resolve("sana.rss"), BatchInputsTest.resource("/fixtures/feed/sana-rss-fulltext.xml"));
        Files.writeString(in.resolve("afp.atom"), AFP_ATOM);
        return in;
    }

    private static Scripted.ScriptedTranslator humanLikeTranslator() {
        Scripted.ScriptedTranslator t = new Scripted.ScriptedTranslator();
        t.dictionary.put(
                "سورية والعراق تتفقان على تبادل بيانات تدفق مياه نهر الفرات",
                "Syria and Iraq agree to exchange data on the flow of the Euphrates River's waters");
        t.dictionary.put(
                "اتفقت سورية والعراق اليوم على تبادل البيانات اليومية حول تدفق مياه نهر الفرات، وذلك خلال "
                        + "مباحثات أجراها وزير الخارجية والمغتربين الدكتور فيصل المقداد مع نظيره العراقي فؤاد حسين في "
                        + "دمشق، في ظل موجة جفاف حادة تضرب المنطقة.",
                "Syria and Iraq agreed today to exchange daily data on the flow of the Euphrates River, during talks "
                        + "held by Foreign Minister Faisal Mekdad with his Iraqi counterpart Fuad Hussein in Damascus, "
                        + "amid a severe drought hitting the region.");
        t.dictionary.put(
                "زلزال بقوة 5.1 درجة يضرب شرق تركيا دون إصابات",
                "5.1-magnitude earthquake hits eastern Turkey without injuries");
        t.dictionary.put(
                "ضرب زلزال بقوة 5.1 درجات شرق تركيا صباح اليوم الأربعاء، وفق ما أعلنت إدارة الكوارث والطوارئ "
                        + "التركية، من دون أن تسجل إصابات.",
                "A 5.1-magnitude earthquake struck eastern Turkey on Wednesday morning, according to the Turkish "
                        + "Disaster and Emergency Management Authority, with no injuries recorded.");
        t.dictionary.put(
                "الرئيس الأسد يستقبل وفداً برلمانياً روسياً",
                "President al-Assad receives a Russian parliamentary delegation");
        t.dictionary.put(
                "استقبل الرئيس بشار الأسد اليوم وفداً برلمانياً روسياً برئاسة نائب رئيس مجلس الدوما، وجرى خلال "
                        + "اللقاء بحث العلاقات الثنائية بين البلدين وسبل تطويرها في مختلف المجالات، ولا سيما الاقتصادية "
                        + "والثقافية منها.",
                "President Bashar al-Assad today received a Russian parliamentary delegation headed by the deputy "
                        + "speaker of the State Duma, and discussed bilateral relations and ways to develop them.");
        return t;
    }

    private RunReport run(Language translateTo, Path in, Path out) {
        BatchOptions options =
                new BatchOptions(List.of(in.toString()), out, translateTo, false, null, 2, null, null, "t");
        return BatchEngine.builder(options)
                .translator(Scripted.backend(humanLikeTranslator()))
                .fetcher(url -> {
                    throw new AssertionError("no fetch expected: " + url);
                })
                .clock(clock)
                .build()
                .run(BatchListener.NONE, false);
    }

    private Path runDigest(Language translateTo, Path in, Path out) throws Exception {
        RunReport report = run(translateTo, in, out);
        assertThat(report.failed()).as(report.failures()::toString).isZero();
        List<Path> files =
                new DigestWriter().write(out, Digest.of(report, new dev.dragoman.core.cluster.MinHashStoryClusterer()));
        assertThat(files).hasSize(3).allSatisfy(f -> assertThat(f).exists());
        return files.get(0).getParent();
    }

    private static Path only(Path dir, String ext) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(ext)).findFirst().orElseThrow();
        }
    }

    @Test
    void should_group_one_event_from_different_agencies_and_languages_into_one_story_compared_in_english()
            throws Exception {
        // given
        Path out = tmp.resolve("out");
        // when
        Path digests = runDigest(Language.ENGLISH, inputs(), out);
        // then
        JsonNode json = Json.mapper().readTree(only(digests, ".json").toFile());
        assertThat(json.at("/counts/articles").asInt()).isEqualTo(7);
        JsonNode stories = json.get("stories");
        assertThat(stories).hasSize(3);
        assertThat(stories.get(0).get("size").asInt()).isEqualTo(4);
        assertThat(stories.get(0).get("sources").findValuesAsText("agency"))
                .containsExactlyInAnyOrder("سانا", "سانا", "Reuters", "AFP");
        assertThat(stories.get(1).get("size").asInt()).isEqualTo(2);
        assertThat(stories.get(1).get("sources").findValuesAsText("originalLanguage"))
                .containsExactlyInAnyOrder("ar", "en");
        assertThat(stories.get(2).get("sources").get(0).get("headline").asText())
                .isEqualTo("President al-Assad receives a Russian parliamentary delegation");
        assertThat(json.at("/window/from").asText()).isEqualTo("2024-06-25T06:40:00Z");
        JsonNode first = stories.get(0).get("sources").get(0);
        assertThat(first.get("outputs")).hasSize(2);
        for (JsonNode o : first.get("outputs")) {
            assertThat(out.resolve(o.asText())).exists();
        }
    }

    @Test
    void should_carry_the_date_of_each_relative_day_word_of_a_story_summary_in_every_digest_format() throws Exception {
        // given: SANA's "President Bashar al-Assad today received…", translated, from a dated feed item
        Path out = tmp.resolve("out");
        // when
        Path digests = runDigest(Language.ENGLISH, inputs(), out);
        // then: the text keeps "today"; its date travels beside it, the day of the report
        JsonNode story = Json.mapper()
                .readTree(only(digests, ".json").toFile())
                .get("stories")
                .get(2);
        assertThat(story.get("summary").asText()).contains("today");
        String day = story.get("sources").get(0).get("date").asText().substring(0, 10);
        assertThat(story.get("anchors")).hasSize(1);
        assertThat(story.at("/anchors/0/phrase").asText()).isEqualTo("today");
        assertThat(story.at("/anchors/0/date").asText()).isEqualTo(day);
        assertThat(Files.readString(only(digests, ".md"), StandardCharsets.UTF_8))
                .contains("Dates: today = " + day + " (");
        Element dates = Jsoup.parse(only(digests, ".html").toFile(), "UTF-8")
                .select("article.story")
                .get(2)
                .selectFirst("p.dates");
        assertThat(dates).isNotNull();
        assertThat(dates.selectFirst("bdi").text()).isEqualTo("today");
        assertThat(dates.selectFirst("time").attr("datetime")).isEqualTo(day);
    }

    @Test
    void should_render_an_html_digest_whose_structure_and_text_direction_follow_the_reports() throws Exception {
        // given the stories without translation: Arabic reports stay Arabic
        Path out = tmp.resolve("out");
        // when
        Path digests = runDigest(null, inputs(), out);
        Document html = Jsoup.parse(only(digests, ".html").toFile(), "UTF-8");
        // then
        assertThat(html.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(html.selectFirst("header").attr("dir")).isEqualTo("ltr");
        assertThat(html.select("header p.meta").text()).contains("stories from 7 articles");
        assertThat(html.select("footer li").text()).contains("stories from 7 articles", "Usage:");
        Elements stories = html.select("main > article.story");
        assertThat(stories).isNotEmpty();
        // a table of contents first, one entry per story, each linking to its story
        assertThat(html.select("nav.toc a"))
                .hasSize(stories.size())
                .allSatisfy(a -> assertThat(html.getElementById(a.attr("href").substring(1)))
                        .isNotNull());
        assertThat(html.selectFirst("style").data()).contains("prefers-color-scheme: dark", "@media print");
        Elements arabic = html.select("h3.headline[lang=ar]");
        assertThat(arabic)
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h.attr("dir")).isEqualTo("rtl"));
        assertThat(html.select("h3.headline[lang=en]"))
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h.attr("dir")).isEqualTo("ltr"));
        for (Element a : html.select("li.source a[href^=../articles/]")) {
            assertThat(digests.resolve(a.attr("href")).normalize()).exists();
        }
        assertThat(html.select("li.source time[datetime]")).isNotEmpty();
        String md = Files.readString(only(digests, ".md"), StandardCharsets.UTF_8);
        assertThat(md)
                .startsWith("# Digest 2024-06-26 07:00 UTC")
                .contains("- Window: 2024-06-25 06:40 UTC", "](../articles/");
    }

    @Test
    void should_make_the_whole_page_right_to_left_when_every_report_is_arabic() throws Exception {
        // given
        Path in = Files.createDirectories(tmp.resolve("ar"));
        Files.writeString(in.resolve("sana.rss"), BatchInputsTest.resource("/fixtures/feed/sana-rss-fulltext.xml"));
        // when
        Path digests = runDigest(null, in, tmp.resolve("out"));
        Document html = Jsoup.parse(only(digests, ".html").toFile(), "UTF-8");
        // then
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(html.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(html.selectFirst("header").attr("dir")).isEqualTo("ltr");
        assertThat(html.select("main > article.story")).hasSize(2);
        assertThat(html.select("h2[lang=ar][dir=rtl]")).hasSize(2);
    }

    @Test
    void should_show_each_story_once_with_one_summary_its_sources_one_date_format_and_named_failures()
            throws Exception {
        // given the fixture stories and one input that cannot be read
        Path in = inputs();
        Files.writeString(in.resolve("broken.txt"), "");
        Path out = tmp.resolve("out");
        RunReport report = run(Language.ENGLISH, in, out);
        Digest digest = Digest.of(report, new dev.dragoman.core.cluster.MinHashStoryClusterer());
        DigestWriter writer = new DigestWriter();

        // when
        String md = writer.markdown(digest);
        Document html = Jsoup.parse(writer.html(digest));
        JsonNode json = writer.json(digest);

        // then: the four-source story is one entry with one summary and four sources
        assertThat(report.failedItems()).singleElement().satisfies(f -> {
            assertThat(f.input()).endsWith("broken.txt");
            assertThat(f.stage()).isEqualTo("read");
        });
        Element first = html.select("main > article.story").first();
        assertThat(first.attr("data-sources")).isEqualTo("4");
        assertThat(first.select("p.summary")).hasSize(1);
        assertThat(first.select("li.source")).hasSize(4);
        assertThat(html.select("li.source p.summary")).isEmpty();
        assertThat(json.at("/stories/0/summary").asText()).isNotBlank();
        assertThat(json.at("/stories/0/sources").findValues("summary")).isEmpty();
        String story = md.substring(md.indexOf("## 1."), md.indexOf("## 2."));
        assertThat(story).contains("(4 sources)", "Sources:");
        assertThat(story.lines().filter(l -> l.startsWith("- **"))).hasSize(4);
        // one date format
        assertThat(json.at("/stories").findValuesAsText("date"))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d).matches("\\d{4}-\\d{2}-\\d{2}|undated"));
        assertThat(html.select("li.source time").eachText())
                .allSatisfy(d -> assertThat(d).matches("\\d{4}-\\d{2}-\\d{2}|undated"));
        // failed items named with their reason
        assertThat(md).contains("## Failed (1)").containsPattern("- `[^`]*broken\\.txt` — read: \\S");
        assertThat(html.select("section.failed li").text()).contains("broken.txt", "read");
        assertThat(json.at("/failed/0/input").asText()).endsWith("broken.txt");
        assertThat(json.at("/failed/0/reason").asText()).isNotBlank();
    }

    @Test
    void should_write_the_same_files_streamed_a_story_at_a_time_as_the_texts_built_whole() throws Exception {
        // given the fixture stories, finished by a run whose entries are read back from its journal
        Path in = inputs();
        Files.writeString(in.resolve("broken.txt"), "");
        Path out = tmp.resolve("out");
        RunReport report = run(Language.ENGLISH, in, out);
        Digest digest = Digest.of(report, new dev.dragoman.core.cluster.MinHashStoryClusterer());
        DigestWriter writer = new DigestWriter();

        // when the digest is written to its files
        List<Path> files = writer.write(out, digest);

        // then each file is the text built whole: Markdown, HTML, and the JSON tree pretty-printed
        assertThat(digest.stories()).hasSizeGreaterThan(1);
        assertThat(Files.readString(files.get(0), StandardCharsets.UTF_8)).isEqualTo(writer.markdown(digest));
        assertThat(Files.readString(files.get(1), StandardCharsets.UTF_8)).isEqualTo(writer.html(digest));
        assertThat(Files.readString(files.get(2), StandardCharsets.UTF_8))
                .isEqualTo(
                        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(writer.json(digest)) + "\n");
        assertThat(writer.markdown(digest)).matches("(?s).*\\S\n"); // one newline after the last character
    }

    @Test
    void should_render_a_story_larger_than_it_holds_in_memory_with_every_report_in_time_order() {
        // given one report repeated by 300 sources (more than a story holds in memory), given out of order
        int copies = Digest.IN_MEMORY_REPORTS + 44;
        List<dev.dragoman.pipeline.batch.DoneRecord> entries = new java.util.ArrayList<>();
        for (int i = copies - 1; i >= 0; i--) {
            entries.add(new dev.dragoman.pipeline.batch.DoneRecord(
                    String.format(java.util.Locale.ROOT, "%032x", i),
                    "fp",
                    "in/" + i + ".txt",
                    null,
                    "Syria and Iraq agree to share Euphrates water data",
                    Language.ENGLISH,
                    "Syria and Iraq agree to share Euphrates water data",
                    i == 3 ? "Syria and Iraq agreed to share daily data on the Euphrates river's flow." : "",
                    Language.ENGLISH,
                    dev.dragoman.core.Published.ofDate("d", java.time.LocalDate.of(2024, 6, 25)),
                    "AG" + i,
                    List.of(),
                    dev.dragoman.core.usage.Usage.NONE,
                    false,
                    Instant.EPOCH,
                    List.of(),
                    List.of()));
        }
        RunReport report = new RunReport(
                Instant.EPOCH,
                Instant.EPOCH,
                copies,
                0,
                0,
                0,
                dev.dragoman.core.usage.Usage.NONE,
                entries,
                List.of(),
                false);

        // when its digest is written
        Digest digest = Digest.of(report, new dev.dragoman.core.cluster.MinHashStoryClusterer());
        String md = new DigestWriter().markdown(digest);

        // then it is one story of every report, in time then id order, with the one summary there is
        assertThat(digest.stories()).hasSize(1);
        Digest.Story story = digest.stories().get(0);
        assertThat(story.reports()).hasSize(copies);
        assertThat(story.reports().get(copies - 1).agency()).isEqualTo("AG" + (copies - 1));
        assertThat(story.summarySource().agency()).isEqualTo("AG3");
        assertThat(md).contains("(" + copies + " sources)", "Syria and Iraq agreed to share daily data");
        assertThat(md.lines().filter(l -> l.startsWith("- **AG"))).hasSize(copies);
        assertThat(md.indexOf("- **AG0**")).isLessThan(md.indexOf("- **AG1**"));
    }
}

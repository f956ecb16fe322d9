package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths, names and markup end to end: {@code dragoman batch} over JSON articles whose declared ids are paths, device
 * names, look-alikes and a NUL, and whose headlines, paragraphs and URLs carry markup and {@code javascript:} links.
 * Nothing is written outside {@code --out}, every item is done under a safe name, and no digest carries live markup or
 * a link that is not to an output or an http(s) page.
 */
class HostileOutputFaultTest {

    @TempDir
    Path dir;

    private SimulatedBackend sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static Set<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    @Test
    void should_write_only_under_out_with_safe_names_and_no_live_markup_whatever_the_articles_declare()
            throws Exception {
        // given JSON articles with hostile ids, markup in every text and javascript: URLs
        sim = SimulatedBackend.start(SimConfig.defaults());
        FaultBatch f = new FaultBatch(dir, sim, 1, 41);
        Path config = f.config("c", "deepl", null, "store: none");
        Path hostile = Files.createDirectories(dir.resolve("hostile"));
        Path outside = dir.resolve("outside");
        List<String> ids = List.of(
                "../escaped",
                outside.resolve("abs").toString(),
                "a/../../x",
                "nul\u0000byte",
                "x".repeat(5000),
                "CON",
                "COM1",
                "ｃｏｎ",
                "..");
        List<String> urls = List.of("javascript:alert(1)", "JaVaScRiPt:alert(2)", "data:text/html,<script>x</script>");
        for (int i = 0; i < ids.size(); i++) {
            ObjectNode a = Json.mapper()
                    .valueToTree(Article.builder()
                            .language(Language.ARABIC)
                            .headline("<script>alert('h" + i + "')</script> خبر رقم " + i)
                            .paragraph("<img src=x onerror=alert('p" + i + "')> الفقرة الأولى من الخبر رقم " + i
                                    + " وفيها تفاصيل ما جرى في المدينة اليوم.")
                            .paragraph("الفقرة الثانية من الخبر رقم " + i
                                    + " مع <a href=\"javascript:alert(5)\">رابط</a>.")
                            .url(urls.get(i % urls.size()))
                            .source("<b onclick=alert(6)>سانا</b>")
                            .build());
            a.put("id", ids.get(i));
            Files.writeString(hostile.resolve(String.format(Locale.ROOT, "a%02d.json", i)), a.toString());
        }
        Path out = dir.resolve("out");
        Set<Path> before = filesUnder(dir);

        // when
        FaultBatch.Result r = f.run(
                "batch",
                "--config",
                config.toString(),
                hostile.toString(),
                "--out",
                out.toString(),
                "--translate-to",
                "en",
                "--progress",
                "lines");

        // then every article is done, and nothing was written outside out/
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("failures.jsonl"))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(),
                        p -> assertThat(Files.readString(p)).isBlank());
        Set<Path> written = filesUnder(dir);
        written.removeAll(before);
        assertThat(written).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith(out));
        assertThat(outside).doesNotExist();
        assertThat(dir.resolve("escaped.json")).doesNotExist();
        try (Stream<Path> articles = Files.list(out.resolve("articles"))) {
            List<String> names =
                    articles.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(ids.size() * 2);
            assertThat(names).allSatisfy(n -> assertThat(n).matches("[A-Za-z0-9_-]{1,80}\\.(json|md)"));
        }
        // and the HTML digest has no element or attribute from the articles, and links only to outputs or http(s)
        Path html;
        try (Stream<Path> digests = Files.list(out.resolve("digests"))) {
            html = digests.filter(p -> p.toString().endsWith(".html"))
                    .findFirst()
                    .orElseThrow();
        }
        Document doc = Jsoup.parse(Files.readString(html, StandardCharsets.UTF_8));
        assertThat(doc.select("script, img, b, [onerror], [onclick]")).isEmpty();
        for (Element a : doc.select("a[href]")) {
            assertThat(a.attr("href")).matches("(\\.\\./articles/|https?://).*");
        }
        assertThat(doc.text()).contains("<script>alert('h0')</script>");
        // and no Markdown output links a javascript: or data: URL
        for (Path p : written) {
            if (p.toString().endsWith(".md")) {
                assertThat(Files.readString(p).toLowerCase(Locale.ROOT))
                        .as(p.toString())
                        .doesNotContain("(javascript:", "<javascript:", "(data:", "<data:");
            }
        }
    }
}

package dev.dragoman.pipeline.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.cluster.MinHashStoryClusterer;
import dev.dragoman.core.json.Json;
import dev.dragoman.pipeline.batch.BatchEngine;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markup in articles and backend answers stays text in every digest and output; only http(s) URLs become links. */
class DigestMarkupTest {

    @TempDir
    Path tmp;

    private static final String SCRIPT = "<script>alert('headline')</script>";
    private static final String IMG = "<img src=x onerror=alert('paragraph')>";

    @Test
    void should_escape_article_and_backend_markup_and_link_only_http_urls() throws Exception {
        // given articles with markup in headline and paragraphs and javascript:/data: URLs
        Path in = Files.createDirectories(tmp.resolve("in"));
        String[] urls = {
            "javascript:alert(1)",
            "JaVaScRiPt:alert(2)",
            "data:text/html,<script>x</script>",
            " javascript:alert(3)",
            "https://ok.example/story\" onmouseover=\"alert(4)"
        };
        for (int i = 0; i < urls.length; i++) {
            Article a = Article.builder()
                    .language(Language.ENGLISH)
                    .headline(SCRIPT + " story " + i)
                    .paragraph(IMG + " the first paragraph of story " + i + " says what happened.")
                    .paragraph("A second paragraph with <a href=\"javascript:alert(5)\">a link</a> " + i + ".")
                    .url(urls[i])
                    .source("<b onclick=alert(6)>Agency</b>")
                    .build();
            ObjectNode node = Json.mapper().valueToTree(a);
            Files.writeString(in.resolve("a" + i + ".json"), node.toString(), StandardCharsets.UTF_8);
        }
        // and a backend whose translations carry markup too
        dev.dragoman.core.translation.Translator markup =
                request -> new dev.dragoman.core.translation.TranslationResult(
                        request.segments().stream()
                                .map(s -> dev.dragoman.core.translation.TranslatedSegment.of(
                                        "<svg onload=alert('translation')>" + s))
                                .toList(),
                        request.source(),
                        "scripted",
                        null,
                        dev.dragoman.core.usage.Usage.NONE);
        Path out = tmp.resolve("out");
        BatchOptions options =
                new BatchOptions(List.of(in.toString()), out, Language.FRENCH, false, null, 2, null, null, "scripted");
        RunReport report = BatchEngine.builder(options)
                .translator(Scripted.backend(markup))
                .fetcher(url -> {
                    throw new AssertionError("no fetch expected");
                })
                .clock(Clock.fixed(Instant.parse("2024-06-26T07:00:00Z"), ZoneOffset.UTC))
                .build()
                .run(BatchListener.NONE, false);
        assertThat(report.done()).as(report.failures().toString()).isEqualTo(urls.length);

        // when
        List<Path> written = new DigestWriter().write(out, Digest.of(report, new MinHashStoryClusterer()));

        // then the HTML digest has no element or attribute from the inputs, and no link but to outputs
        Path html = written.stream()
                .filter(p -> p.toString().endsWith(".html"))
                .findFirst()
                .orElseThrow();
        Document doc = Jsoup.parse(Files.readString(html));
        assertThat(doc.select("script, img, svg, b, [onerror], [onload], [onclick], [onmouseover]"))
                .isEmpty();
        for (Element a : doc.select("a[href]")) {
            assertThat(a.attr("href")).startsWith("../articles/");
        }
        assertThat(doc.text()).contains(SCRIPT, "<svg onload=alert('translation')>");
        // and the Markdown digest and article outputs link no javascript:/data: URL
        String md = Files.readString(written.stream()
                .filter(p -> p.toString().endsWith(".md"))
                .findFirst()
                .orElseThrow());
        assertThat(md.toLowerCase(java.util.Locale.ROOT)).doesNotContain("(<javascript:", "(<data:", "(< javascript");
        try (var files = Files.list(out.resolve("articles"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                assertThat(Files.readString(p).toLowerCase(java.util.Locale.ROOT))
                        .doesNotContain("<javascript:", "<data:", "onmouseover=\"alert(4)>");
            }
        }
    }
}

package dev.dragoman.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Dateline;
import dev.dragoman.core.Language;
import dev.dragoman.core.Published;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.TimeAnchor;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WritersTest {

    private static final String HEADLINE = "لوكاشينكو يؤكد دعم بلاده لروسيا";

    static Article arabic() {
        return Article.builder()
                .language(Language.ARABIC, 0.99)
                .headline(HEADLINE)
                .published(Published.ofDate("25th, June 2024 GMT", LocalDate.of(2024, 6, 25)))
                .dateline(Dateline.of("موسكو", "سانا"))
                .paragraph("أكد الرئيس البيلاروسي <ألكسندر> لوكاشينكو & دعم بلاده.")
                .paragraph("وقال لوكاشينكو: \"نحن معا\".")
                .source("الوكالة العربية السورية للأنباء")
                .addRelated(Article.builder()
                        .language(Language.ARABIC)
                        .headline("مصر وروسيا تبحثان")
                        .paragraph("بحث وزير الخارجية")
                        .build())
                .build();
    }

    static Article english() {
        return Article.builder()
                .language(Language.ENGLISH)
                .headline("Lukashenko affirms support for Russia")
                .published(Published.ofDate("25th, June 2024 GMT", LocalDate.of(2024, 6, 25)))
                .dateline(Dateline.of("Moscow", "SANA"))
                .paragraph("Belarusian President * Lukashenko affirmed his support.")
                .paragraph("Lukashenko said: | \"we are together\".")
                .source("Syrian Arab News Agency")
                .addRelated(Article.builder()
                        .language(Language.ENGLISH)
                        .headline("Egypt and Russia discuss")
                        .paragraph("The foreign minister discussed")
                        .build())
                .build();
    }

    @Test
    void should_write_text_in_the_wire_layout_in_logical_order() {
        // when
        String text = ArticleWriter.of(OutputFormat.TEXT).write(arabic());
        // then
        assertThat(text.lines().toList())
                .containsExactly(
                        HEADLINE,
                        "25th, June 2024 GMT",
                        "موسكو-سانا",
                        "أكد الرئيس البيلاروسي <ألكسندر> لوكاشينكو & دعم بلاده.",
                        "وقال لوكاشينكو: \"نحن معا\".",
                        "المصدر: الوكالة العربية السورية للأنباء",
                        "إقرأ أيضاً:",
                        "مصر وروسيا تبحثان",
                        "بحث وزير الخارجية");
        assertThat(text).doesNotContain("\u200f", "\u202b", "\u202e"); // no bidi marks or overrides
    }

    @Test
    void should_write_the_documented_json_fields_and_one_line_for_jsonl() throws Exception {
        // when
        String json = ArticleWriter.of(OutputFormat.JSON).write(arabic());
        String jsonl = ArticleWriter.of(OutputFormat.JSONL).write(arabic());
        // then
        JsonNode tree = Json.mapper().readTree(json);
        assertThat(tree.get("headline").asText()).isEqualTo(HEADLINE);
        assertThat(tree.get("published").get("date").asText()).isEqualTo("2024-06-25");
        assertThat(tree.get("related").get(0).get("headline").asText()).isEqualTo("مصر وروسيا تبحثان");
        assertThat(jsonl).endsWith("\n").doesNotContain("\n  ");
        assertThat(jsonl.strip()).doesNotContain("\n");
        assertThat(Json.mapper().readValue(jsonl, Article.class)).isEqualTo(arabic());
    }

    @Test
    void should_mark_html_right_to_left_and_escape_markup() {
        // when
        String html = ArticleWriter.of(OutputFormat.HTML).write(arabic());
        // then
        assertThat(html)
                .contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("<h1>" + HEADLINE + "</h1>")
                .contains("&lt;ألكسندر&gt; لوكاشينكو &amp; دعم")
                .contains("<time datetime=\"2024-06-25\">")
                .contains("<aside>\n<h2>إقرأ أيضاً:</h2>");
        assertThat(ArticleWriter.of(OutputFormat.HTML).write(english())).contains("<html lang=\"en\" dir=\"ltr\">");
    }

    @Test
    void should_write_markdown_with_escaped_specials() {
        // when
        String md = ArticleWriter.of(OutputFormat.MD).write(english());
        // then
        assertThat(md)
                .startsWith("# Lukashenko affirms support for Russia\n\n")
                .contains("**Moscow (SANA)**")
                .contains("Belarusian President \\* Lukashenko")
                .contains("## Egypt and Russia discuss");
    }

    @Test
    void should_pair_every_paragraph_side_by_side() {
        // when
        String md = new BilingualWriter(OutputFormat.MD).write(arabic(), english());
        String html = new BilingualWriter(OutputFormat.HTML).write(arabic(), english());
        // then
        assertThat(md.lines().toList()).startsWith("| Arabic | English |", "|---|---|");
        assertThat(md)
                .contains("| أكد الرئيس البيلاروسي \\<ألكسندر\\> لوكاشينكو & دعم بلاده. | "
                        + "Belarusian President \\* Lukashenko affirmed his support. |");
        assertThat(md).contains("said: \\| \"we are together\"");
        assertThat(html)
                .contains("<td lang=\"ar\" dir=\"rtl\">وقال لوكاشينكو: &quot;نحن معا&quot;.</td>"
                        + "<td lang=\"en\" dir=\"ltr\">Lukashenko said: | &quot;we are together&quot;.</td>");
        assertThat(html).contains("<tr class=\"related-headline\"><td lang=\"ar\" dir=\"rtl\">مصر وروسيا تبحثان</td>");
    }

    @Test
    void should_refuse_to_pair_articles_of_different_shapes() {
        Article shorter = english().toBuilder().paragraphs(List.of()).build();
        assertThatThrownBy(() -> new BilingualWriter(OutputFormat.MD).write(arabic(), shorter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 source paragraphs");
        assertThatThrownBy(() -> new BilingualWriter(OutputFormat.TEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_always_show_summary_warnings() throws Exception {
        // given
        Summary summary = new Summary(
                "- first\n- second",
                List.of("- first", "- second"),
                Language.ENGLISH,
                "extractive",
                null,
                null,
                null,
                false,
                List.of("the number 42 does not occur in the source"));
        // when / then
        assertThat(new SummaryWriter(OutputFormat.TEXT).write(arabic(), summary))
                .contains("Warning: the number 42 does not occur");
        assertThat(new SummaryWriter(OutputFormat.MD).write(arabic(), summary))
                .contains("- first\n- second")
                .contains("> **Warning:** the number 42");
        assertThat(new SummaryWriter(OutputFormat.HTML).write(arabic(), summary))
                .contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("<h1 lang=\"ar\" dir=\"rtl\">")
                .contains("<li>second</li>")
                .contains("class=\"warning\"");
        JsonNode json = Json.mapper().readTree(new SummaryWriter(OutputFormat.JSON).write(arabic(), summary));
        assertThat(json.get("id").asText()).isEqualTo(arabic().id());
        assertThat(json.get("summary").get("warnings").get(0).asText()).contains("42");
        assertThat(json.get("summary").get("backend").asText()).isEqualTo("extractive");
    }

    @Test
    void should_show_the_dates_of_relative_day_words_beside_the_summary_in_every_format() throws Exception {
        // given
        Summary summary = new Summary(
                        "التقى الوزير اليوم نظيره بعد وصوله أمس.",
                        List.of("التقى الوزير اليوم نظيره بعد وصوله أمس."),
                        Language.ARABIC,
                        "extractive",
                        null,
                        null,
                        null,
                        false,
                        List.of())
                .withAnchors(List.of(
                        new TimeAnchor("اليوم", java.time.LocalDate.of(2024, 6, 25)),
                        new TimeAnchor("أمس", java.time.LocalDate.of(2024, 6, 24))));
        // when / then
        assertThat(new SummaryWriter(OutputFormat.TEXT).write(arabic(), summary))
                .contains("التقى الوزير اليوم نظيره")
                .contains("Dates: اليوم = 2024-06-25 (Tuesday); أمس = 2024-06-24 (Monday)");
        assertThat(new SummaryWriter(OutputFormat.MD).write(arabic(), summary)).contains("> Dates: اليوم = 2024-06-25");
        assertThat(new SummaryWriter(OutputFormat.HTML).write(arabic(), summary))
                .contains("<p class=\"dates\" dir=\"auto\">Dates: اليوم = 2024-06-25");
        JsonNode json = Json.mapper().readTree(new SummaryWriter(OutputFormat.JSON).write(arabic(), summary));
        assertThat(json.get("summary").get("anchors").get(1).get("date").asText())
                .isEqualTo("2024-06-24");
        assertThat(json.get("summary").get("anchors").get(1).get("phrase").asText())
                .isEqualTo("أمس");
    }

    @Test
    void should_parse_format_names() {
        assertThat(OutputFormat.parse("Markdown")).isEqualTo(OutputFormat.MD);
        assertThat(OutputFormat.parse("jsonl")).isEqualTo(OutputFormat.JSONL);
        assertThatThrownBy(() -> OutputFormat.parse("pdf")).hasMessageContaining("text, json, jsonl, md, html");
    }
}

package dev.dragoman.core.read.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HtmlArticleReaderTest {

    private final HtmlArticleReader reader = new HtmlArticleReader();

    static byte[] fixture(String name) {
        try (InputStream in = HtmlArticleReaderTest.class.getResourceAsStream("/fixtures/html/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    @Test
    void should_extract_a_news_page_without_nav_ads_related_boxes_or_comments() {
        // when
        Article a = reader.read(fixture("en-news-site.html"), "https://courier.example.com/x");
        // then
        assertThat(a.headline()).isEqualTo("Syria and Iraq agree to share Euphrates water data, ministers say");
        assertThat(a.language()).isEqualTo(Language.of("en-GB"));
        assertThat(a.published().instant()).isEqualTo(Instant.parse("2024-06-25T06:40:00Z"));
        assertThat(a.published().zone()).isEqualTo("+03:00");
        assertThat(a.metadata()).containsEntry("byline", "Lina Haddad").containsEntry("site", "The Daily Courier");
        assertThat(a.url()).isEqualTo("https://courier.example.com/world/2024/06/25/syria-iraq-euphrates");
        assertThat(a.dateline()).isEqualTo(dev.dragoman.core.Dateline.of("DAMASCUS", "Reuters"));
        assertThat(a.paragraphTexts().get(0)).startsWith("Syria and Iraq agreed");
        assertThat(a.paragraphTexts())
                .anyMatch(p -> p.startsWith("\"Water is a matter of life"))
                .anyMatch(p -> p.startsWith("Hussein said Baghdad"))
                .anyMatch(p -> p.startsWith("The Euphrates, which rises in Turkey"));
        assertThat(a.bodyText())
                .doesNotContain(
                        "Advertisement",
                        "cheap flights",
                        "Drought grips",
                        "Read more",
                        "About time",
                        "Most read",
                        "Heatwave",
                        "All rights reserved",
                        "Skip to content",
                        "Share on",
                        "Middle East",
                        "By Lina");
        assertThat(a.paragraphs()).hasSize(6);
        assertThat(new HtmlArticleReader()
                        .read(fixture("ar-news-site.html"), null)
                        .dateline())
                .isEqualTo(dev.dragoman.core.Dateline.of("دمشق", "سانا"));
    }

    @Test
    void should_extract_an_arabic_rtl_page_without_read_also_links_sidebar_or_comments() {
        // when
        Article a = reader.read(fixture("ar-news-site.html"), "https://sana.example/ar/1");
        // then
        assertThat(a.language()).isEqualTo(Language.ARABIC);
        assertThat(a.metadata()).containsEntry("dir", "rtl");
        assertThat(a.headline()).isEqualTo("سورية والعراق تتفقان على تبادل بيانات تدفق مياه نهر الفرات");
        assertThat(a.published().instant()).isEqualTo(Instant.parse("2024-06-25T08:15:00Z"));
        assertThat(a.paragraphTexts())
                .anyMatch(p -> p.startsWith("اتفقت سورية والعراق اليوم"))
                .anyMatch(p -> p.startsWith("من جهته، أشار حسين"))
                .anyMatch(p -> p.startsWith("يذكر أن نهر الفرات"));
        assertThat(a.bodyText())
                .doesNotContain(
                        "اقرأ أيضاً",
                        "الجفاف يهدد",
                        "خبر مهم",
                        "آخر الأخبار",
                        "جميع الحقوق",
                        "فيسبوك",
                        "مشاهدة",
                        "English");
        assertThat(a.source()).isEqualTo("الوكالة العربية السورية للأنباء - سانا");
    }

    @Test
    void should_take_headline_date_authors_and_language_from_json_ld_and_choose_the_body_by_density() {
        // when
        Article a = reader.read(fixture("en-jsonld.html"), null);
        // then
        assertThat(a.headline()).isEqualTo("Magnitude 5.1 quake jolts eastern Turkey, no casualties reported");
        assertThat(a.published().instant()).isEqualTo(Instant.parse("2024-06-26T04:12:00Z"));
        assertThat(a.metadata()).containsEntry("byline", "Deniz Aydin, Omar Saleh");
        assertThat(a.language()).isEqualTo(Language.ENGLISH);
        assertThat(a.paragraphs()).hasSize(5);
        assertThat(a.dateline()).isEqualTo(dev.dragoman.core.Dateline.of("ANKARA", "AFP"));
        assertThat(a.paragraphTexts().get(0)).startsWith("A magnitude 5.1 earthquake");
        assertThat(a.bodyText()).doesNotContain("Greece wildfire", "Wire Monitor", "Europe", "Latest");
    }

    @Test
    void should_read_a_minimal_legacy_encoded_arabic_page_and_leave_an_undeclared_language_to_detection() {
        // when
        Article a = reader.read(fixture("ar-minimal.html"), "file:ar-minimal.html");
        // then
        assertThat(a.headline()).isEqualTo("زلزال بقوة 5.1 درجة يضرب شرق تركيا دون إصابات");
        assertThat(a.language()).isNull();
        assertThat(a.metadata()).containsEntry("dir", "rtl");
        assertThat(a.published().date()).isEqualTo(LocalDate.of(2024, 6, 26));
        assertThat(a.paragraphTexts()).hasSize(3);
        assertThat(a.dateline()).isNotNull();
        assertThat(a.paragraphTexts().get(0)).startsWith("ضرب زلزال");
    }

    @Test
    void should_split_text_separated_by_line_breaks_in_table_layouts() {
        // when
        Article a = reader.read(fixture("en-div-br.html"), null);
        // then
        assertThat(a.headline()).isEqualTo("Council approves new tram line");
        assertThat(a.paragraphTexts()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(a.paragraphTexts().get(0)).startsWith("The city council on Monday approved");
        assertThat(a.bodyText()).doesNotContain("Events", "Contact");
    }

    @Test
    void should_use_json_ld_article_body_when_the_markup_has_no_text() {
        // given
        String html = "<html lang=en><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Rates held\",\"datePublished\":\"2024-06-01\",\"articleBody\":\"The central bank "
                + "kept its main rate unchanged on Thursday, as expected by economists.\\nIt said inflation was "
                + "easing but remained above target, and that further data would guide its next move.\"}</script>"
                + "</head><body><div id=app></div></body></html>";
        // when
        Article a = reader.read(html, "https://x.example/rates");
        // then
        assertThat(a.paragraphs()).hasSize(2);
        assertThat(a.metadata()).containsEntry("bodySource", "json-ld");
        assertThat(a.published().date()).isEqualTo(LocalDate.of(2024, 6, 1));
    }

    @Test
    void should_reject_a_page_without_article_text_naming_the_page() {
        // given
        String html = "<html><body><nav><a href=/>Home</a></nav></body></html>";
        // when / then
        assertThatThrownBy(() -> reader.read(html, "https://x.example/empty"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("https://x.example/empty");
    }
}

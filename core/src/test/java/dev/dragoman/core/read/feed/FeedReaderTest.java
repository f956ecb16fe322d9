package dev.dragoman.core.read.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.read.html.HtmlArticleReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

    private final FeedReader reader = new FeedReader();

    static byte[] fixture(String path) {
        try (InputStream in = FeedReaderTest.class.getResourceAsStream("/fixtures/" + path)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + path, e);
        }
    }

    @Test
    void should_read_rss_content_encoded_as_the_full_story_without_its_read_also_tail() {
        // when
        List<FeedItem> items = reader.read(fixture("feed/sana-rss-fulltext.xml"), null, "https://sana.example/rss");
        // then
        assertThat(items).hasSize(2);
        FeedItem first = items.get(0);
        assertThat(first.key()).isEqualTo("sana-1001");
        assertThat(first.hasFullText()).isTrue();
        assertThat(first.language()).isEqualTo(Language.ARABIC);
        Article article = first.toArticle();
        assertThat(article.headline()).isEqualTo("سورية والعراق تتفقان على تبادل بيانات تدفق مياه نهر الفرات");
        assertThat(article.published().instant()).isEqualTo(Instant.parse("2024-06-25T08:15:00Z"));
        assertThat(article.url()).isEqualTo("https://sana.example/ar/?p=1001");
        assertThat(article.source()).isEqualTo("سانا - سياسة");
        assertThat(article.dateline()).isEqualTo(dev.dragoman.core.Dateline.of("دمشق", "سانا"));
        assertThat(article.paragraphTexts()).hasSize(3).anyMatch(p -> p.contains("\"إن المياه مسألة حياة"));
        assertThat(article.bodyText()).doesNotContain("اقرأ أيضاً", "الجفاف يهدد", "<p>");
        assertThat(article.metadata()).containsEntry("feedItem", "sana-1001").containsEntry("reader", "feed");
    }

    @Test
    void should_take_short_wire_items_as_whole_stories_and_a_one_paragraph_lead_as_a_teaser() {
        // given short items: two paragraphs in the description, one sentence-sized content:encoded, one lead
        String twoParagraphs = "<p>DAMASCUS, June 25 (SANA) - Syria and Iraq agreed on Tuesday to share daily "
                + "measurements of the Euphrates.</p><p>The ministers met in Damascus and will meet again in "
                + "Baghdad next month.</p>";
        String content = "DAMASCUS, June 25 (SANA) - Syria and Iraq agreed on Tuesday to share daily measurements "
                + "of the Euphrates river's flow, the two foreign ministers said in Damascus.";
        String lead = "Syria and Iraq agreed on Tuesday to share daily measurements of the Euphrates river's flow, "
                + "the two foreign ministers said.";
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Wire</title>"
                + "<link>https://wire.example/</link><description>d</description>"
                + "<item><title>Two</title><link>https://wire.example/1</link><guid>w1</guid>"
                + "<description><![CDATA[" + twoParagraphs + "]]></description></item>"
                + "<item><title>Content</title><link>https://wire.example/2</link><guid>w2</guid>"
                + "<description>Short.</description><content:encoded><![CDATA[<p>" + content
                + "</p>]]></content:encoded></item>"
                + "<item><title>Lead</title><link>https://wire.example/3</link><guid>w3</guid>"
                + "<description>" + lead + "</description></item>"
                + "</channel></rss>";
        // when
        List<FeedItem> items = reader.read(rss.getBytes(StandardCharsets.UTF_8), null, "wire.xml");
        // then
        assertThat(items)
                .extracting(FeedItem::key, FeedItem::hasFullText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("w1", true),
                        org.assertj.core.groups.Tuple.tuple("w2", true),
                        org.assertj.core.groups.Tuple.tuple("w3", false));
    }

    @Test
    void should_mark_teaser_descriptions_as_needing_the_page_and_merge_the_fetched_page() {
        // given
        List<FeedItem> items =
                reader.read(fixture("feed/reuters-rss-teaser.xml"), "application/rss+xml; charset=utf-8", null);
        FeedItem item = items.get(0);
        Article page = new HtmlArticleReader()
                .read(
                        "<html><body><article><p>DAMASCUS, June 25 (Reuters) - Syria and Iraq agreed on Tuesday to share "
                                + "daily data on the flow of the Euphrates river, the ministers said.</p><p>Technical teams "
                                + "would meet within a month, they said at a news conference in the Syrian capital.</p>"
                                + "</article></body></html>",
                        item.link());
        // when
        Article merged = item.withPage(page);
        // then
        assertThat(items).allSatisfy(i -> assertThat(i.hasFullText()).isFalse());
        assertThat(item.key()).isEqualTo("https://reuters.example/world/syria-iraq-euphrates-2024-06-25/");
        assertThat(merged.headline()).isEqualTo("Syria and Iraq agree to share Euphrates water data");
        assertThat(merged.published().instant()).isEqualTo(Instant.parse("2024-06-25T06:40:00Z"));
        assertThat(merged.language()).isEqualTo(Language.of("en-US"));
        assertThat(merged.paragraphs()).hasSize(2);
        assertThat(merged.metadata()).containsEntry("reader", "feed+html");
        assertThat(merged.id()).isEqualTo(Article.contentId(merged.headline(), merged.paragraphs()));
    }

    @Test
    void should_read_atom_html_content_and_treat_a_truncated_summary_as_a_teaser() {
        // when
        List<FeedItem> items = reader.read(fixture("feed/afp-atom.xml"), null, "https://afp.example/atom");
        // then
        assertThat(items).hasSize(2);
        assertThat(items.get(0).hasFullText()).isTrue();
        assertThat(items.get(0).key()).isEqualTo("urn:afp:newsml:20240625:euphrates");
        assertThat(items.get(0).published().instant()).isEqualTo(Instant.parse("2024-06-25T08:05:00Z"));
        assertThat(items.get(0).paragraphs()).hasSize(3).first().asString().startsWith("DAMASCUS (AFP) –");
        assertThat(items.get(1).hasFullText()).isFalse();
        assertThat(items.get(1).link()).isEqualTo("https://afp.example/world/wildfire");
    }

    @Test
    void should_refuse_a_doctype_and_name_the_feed() {
        // given
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        // when / then
        assertThatThrownBy(() -> reader.read(xxe, null, "https://evil.example/rss"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("https://evil.example/rss");
    }

    @Test
    void should_reject_html_given_as_a_feed() {
        assertThatThrownBy(() ->
                        reader.read("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), null, "page.html"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("page.html");
    }
}

package dev.dragoman.core.hostile;

import static dev.dragoman.core.hostile.Hostile.correctOrClearError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.read.feed.FeedItem;
import dev.dragoman.core.read.feed.FeedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RSS/Atom reader, tried as a hostile feed would. */
class FeedReaderHostileTest {

    private final FeedReader reader = new FeedReader();

    @Property(tries = 200)
    void should_read_any_bytes_as_a_feed_or_refuse_them_clearly(@ForAll @Size(max = 3000) byte[] bytes) {
        correctOrClearError(
                "feed.xml",
                () -> reader.read(bytes, null, "feed.xml"),
                items -> assertThat(items).isNotNull());
    }

    @Property(tries = 200)
    void should_carry_any_unicode_title_through_or_refuse_it_clearly(
            @ForAll @StringLength(min = 1, max = 500) String title) {
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>f</title>"
                        + "<item><guid>id-1</guid><title>" + Entities.escape(title) + "</title>"
                        + "<description>text</description></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        correctOrClearError("feed.xml", () -> reader.read(rss, "application/rss+xml", "feed.xml"), items -> {
            assertThat(items).hasSize(1);
            assertThat(items.get(0).key()).isEqualTo("id-1");
        });
    }

    @Test
    void should_refuse_an_entity_expansion_bomb_quickly() {
        // given: "billion laughs"
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY l").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                xml.append("&l").append(i - 1).append(';');
            }
            xml.append("\">");
        }
        xml.append("]><rss version=\"2.0\"><channel><title>&l9;</title><item><title>x</title></item></channel></rss>");

        // when / then
        correctOrClearError(
                "bomb.xml",
                () -> reader.read(xml.toString().getBytes(StandardCharsets.UTF_8), null, "bomb.xml"),
                items -> {
                    throw new AssertionError("an entity bomb must be refused, got " + items.size() + " items");
                });
    }

    @Test
    void should_not_read_local_files_through_an_external_entity(@TempDir Path dir) throws Exception {
        // given
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-VALUE");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>f</title><item><guid>1</guid><title>&x;</title></item></channel></rss>";

        // when / then
        correctOrClearError(
                "xxe.xml",
                () -> reader.read(xml.getBytes(StandardCharsets.UTF_8), null, "xxe.xml"),
                items -> assertThat(items)
                        .extracting(FeedItem::title)
                        .noneMatch(t -> t != null && t.contains("TOP-SECRET")));
    }

    @Test
    void should_read_a_windows_1256_feed_that_declares_its_encoding() {
        // given
        String title = "الرئيس يؤكد دعم التعاون الاقتصادي";
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>f</title>"
                        + "<item><guid>1</guid><title>" + title + "</title></item></channel></rss>")
                .getBytes(java.nio.charset.Charset.forName("windows-1256"));

        // when / then
        correctOrClearError(
                null,
                () -> reader.read(rss, null, "cp1256.xml"),
                items -> assertThat(items).extracting(FeedItem::title).containsExactly(title));
    }
}

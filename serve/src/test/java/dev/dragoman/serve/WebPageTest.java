package dev.dragoman.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.testing.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page end to end in headless Chromium (src/test/js/page.test.js): the sample article translated side by
 * side, its summary and brief, and the digest browser. Screenshots land in {@code serve/target/screenshots/}.
 */
class WebPageTest {

    static final Path SAMPLE = Path.of("../examples/sana-2024-06-25-lukashenko.ar.txt");

    @Test
    void should_translate_summarize_and_browse_digests_in_chromium(@TempDir Path out) throws Exception {
        NodeRunner.requireTools(true);
        Path digests = Files.createDirectories(out.resolve("digests"));
        try (var in = WebPageTest.class.getResourceAsStream("digest-20240625T070000Z.json")) {
            Files.copy(in, digests.resolve("digest-20240625T070000Z.json"));
        }
        Article sample = ArticleReaders.standard().readArticle(SAMPLE);
        try (TestServer s = TestServer.start(ServeOptions.builder().digests(out).build(), SimConfig.defaults(), true)) {
            String log = NodeRunner.run(
                    "page.test.js",
                    Map.of(
                            "DRAGOMAN_URL", s.server.url(),
                            "DRAGOMAN_SAMPLE", SAMPLE.toAbsolutePath().toString(),
                            "DRAGOMAN_PARTS", Integer.toString(parts(sample)),
                            "DRAGOMAN_RELATED",
                                    Integer.toString(sample.related().size()),
                            "DRAGOMAN_SCREENSHOTS",
                                    Path.of("target/screenshots")
                                            .toAbsolutePath()
                                            .toString(),
                            "DRAGOMAN_CHROMIUM", NodeRunner.CHROMIUM.toString()));

            assertThat(log).contains("pass 3").contains("fail 0");
            assertThat(Path.of("target/screenshots/translate.png")).isNotEmptyFile();
        }
    }

    /** Rows the page shows: headline, dateline, paragraphs and source line of the story and of each related one. */
    private static int parts(Article a) {
        int n = a.paragraphs().size();
        n += a.headline() == null || a.headline().isBlank() ? 0 : 1;
        n += a.dateline() == null ? 0 : 1;
        n += a.source() == null || a.source().isBlank() ? 0 : 1;
        for (Article r : a.related()) {
            n += parts(r);
        }
        return n;
    }
}

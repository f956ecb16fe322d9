package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every real Saudi Press Agency story in the development data ({@code ../shared/data/wire/spa}, outside the
 * repository; see RepoPaths). Skipped, with a message, when that folder is absent.
 */
class SpaWireCorpusTest {

    private static List<Path> stories() throws IOException {
        Path dir = RepoPaths.spaWireDir();
        assumeTrue(
                dir != null,
                "skipped: ../shared/data/wire/spa not found (development data lives outside the repo;"
                        + " set -Ddragoman.sharedData=DIR to point at it)");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .toList();
            assumeTrue(!list.isEmpty(), "skipped: no .txt stories in " + dir);
            return list;
        }
    }

    @Test
    void should_read_headline_dateline_and_body_of_every_spa_story() throws IOException {
        ArticleReaders readers = ArticleReaders.standard();
        for (Path story : stories()) {
            // when
            Article article = readers.readArticle(story);
            // then
            String name = story.getFileName().toString();
            assertThat(article.headline())
                    .as(name)
                    .isNotBlank()
                    .doesNotStartWith("عام /")
                    .doesNotContain("إضافة");
            assertThat(article.paragraphs()).as(name).isNotEmpty();
            assertThat(article.bodyText()).as(name).doesNotContain("انتهى").doesNotContain("يتبع //");
            assertThat(article.paragraphTexts()).as(name).noneMatch(p -> p.matches("\\d{1,2}:\\d{2}\\s*ت م"));
            assertThat(article.metadata()).as(name).containsKey("desk").containsKey("transmissionTime");
            assertThat(article.language()).as(name).isEqualTo(Language.ARABIC);
            assertThat(article.unclassified()).as(name).isEmpty();
            if (article.metadata().containsKey("continuation")) {
                // continuation parts carry no dateline and get no invented date
                assertThat(article.dateline()).as(name).isNull();
                assertThat(article.published()).as(name).isNull();
            } else {
                assertThat(article.dateline()).as(name).isNotNull();
                assertThat(article.dateline().place()).as(name).isNotBlank();
                assertThat(article.dateline().agency()).as(name).isEqualTo("واس");
                assertThat(article.published().date()).as(name).isNotNull();
                assertThat(article.published().date().getYear()).as(name).isEqualTo(2015);
            }
        }
    }
}

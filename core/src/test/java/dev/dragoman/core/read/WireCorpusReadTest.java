package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.testing.sim.WireCorpus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The test kit's generated wire stories read as their items say: the fault suites and benchmarks compare outputs
 * with {@link WireCorpus.Item}'s parts, so those must be what the wire reader finds.
 */
class WireCorpusReadTest {

    @Test
    void should_read_every_generated_story_as_its_item_lists_it() {
        // given the generated stories
        for (WireCorpus.Item item : WireCorpus.generate(40, 3)) {
            // when
            Article article =
                    ArticleReaders.standard().readArticle(item.wireText().getBytes(StandardCharsets.UTF_8), "x.txt");

            // then
            assertThat(article.language()).as(item.name()).isEqualTo(Language.of("ar"));
            assertThat(article.headline()).as(item.name()).isEqualTo(item.headline());
            assertThat(article.paragraphTexts()).as(item.name()).isEqualTo(item.paragraphs());
            assertThat(article.dateline().place()).as(item.name()).isEqualTo(item.place());
            assertThat(article.dateline().agency()).as(item.name()).isEqualTo("سانا");
            assertThat(article.source()).as(item.name()).isEqualTo(item.source());
        }
    }
}

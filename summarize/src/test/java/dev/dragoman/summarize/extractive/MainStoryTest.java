package dev.dragoman.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainStoryTest {

    @Test
    void should_cut_english_and_french_wire_tails_and_skip_a_repeated_headline() {
        // given
        Article english = Article.builder()
                .language(Language.ENGLISH)
                .headline("Port reopens after storm")
                .paragraph("Port reopens after storm")
                .paragraph("The port of Valletta reopened on Tuesday. Ferries resumed.")
                .paragraph("Source: Reuters")
                .paragraph("Read more:")
                .paragraph("Another story about elections in another country.")
                .build();
        Article french = Article.builder()
                .language(Language.FRENCH)
                .headline("Le port rouvre")
                .paragraph("Le port de La Valette a rouvert mardi.")
                .paragraph("Lire aussi :")
                .paragraph("Une autre histoire.")
                .build();

        // when
        List<MainStory.Sentence> en = MainStory.sentences(english);
        List<MainStory.Sentence> fr = MainStory.sentences(french);

        // then
        assertThat(en)
                .extracting(MainStory.Sentence::text)
                .containsExactly("The port of Valletta reopened on Tuesday.", "Ferries resumed.");
        assertThat(en).extracting(MainStory.Sentence::index).containsExactly(0, 1);
        assertThat(en).extracting(MainStory.Sentence::words).containsExactly(7, 2);
        assertThat(fr).extracting(MainStory.Sentence::text).containsExactly("Le port de La Valette a rouvert mardi.");
    }

    @Test
    void should_keep_a_paragraph_that_only_mentions_a_source_in_a_sentence() {
        // given: a body sentence that starts like an attribution but is prose
        Article article = Article.builder()
                .language(Language.ENGLISH)
                .headline("Talks")
                .paragraph("Sources: officials said talks would resume on Monday after a two-week pause in the capital,"
                        + " according to several diplomats familiar with the matter who asked not to be named because"
                        + " they were not authorised to speak.")
                .build();

        // then
        assertThat(MainStory.sentences(article)).hasSize(1);
    }
}

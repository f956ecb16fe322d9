package dev.dragoman.pipeline.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import org.junit.jupiter.api.Test;

/** What a language model's summary is expected to bill: sentences as long as the article's own. */
class BackendCostTest {

    private final BackendCost gpt = BackendCost.of("gpt", "openai", "gpt-4o-mini", true, PriceTable.standard());

    private static Article article(String sentence, int paragraphs) {
        Article.Builder b = Article.builder().language(Language.ENGLISH).headline("Port reopens after storm");
        for (int i = 0; i < paragraphs; i++) {
            b.paragraph(sentence + " " + sentence);
        }
        return b.build();
    }

    @Test
    void should_expect_summary_sentences_as_long_in_tokens_as_the_articles_own() {
        // given two articles whose sentences differ in length, and the tokens of one sentence of each
        String shortOne = "The port reopened on Tuesday.";
        String longOne = "The port of Valletta reopened on Tuesday after a storm had closed it for two days, and the"
                + " first ferries to Gozo left in the afternoon, the harbour master said.";
        long shortTokens = gpt.counter().count(shortOne);
        long longTokens = gpt.counter().count(longOne);
        SummaryOptions three = SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(3));

        // when
        long forShort = gpt.expectedSummary(article(shortOne, 4), three).outputTokens();
        long forLong = gpt.expectedSummary(article(longOne, 4), three).outputTokens();

        // then three sentences of each article's length (a paragraph answer has no JSON around it)
        assertThat(forShort).isBetween(3 * shortTokens - 3, 3 * shortTokens + 3);
        assertThat(forLong).isBetween(3 * longTokens - 3, 3 * longTokens + 3);
        assertThat(forLong).isGreaterThan(4 * forShort);
    }

    @Test
    void should_expect_a_length_in_words_at_the_articles_tokens_per_word_and_bullets_in_json() {
        // given
        Article a = article("The port of Valletta reopened on Tuesday after a storm.", 3);
        long body = 3
                * gpt.counter()
                        .count(
                                "The port of Valletta reopened on Tuesday after a storm. The port of Valletta reopened on Tuesday"
                                        + " after a storm.");

        // when
        long words = gpt.expectedSummary(a, SummaryOptions.DEFAULT.withLength(SummaryLength.words(30)))
                .outputTokens();
        long bullets = gpt.expectedSummary(
                        a,
                        SummaryOptions.DEFAULT
                                .withLength(SummaryLength.sentences(3))
                                .withStyle(SummaryOptions.Style.BULLETS))
                .outputTokens();
        long paragraph = gpt.expectedSummary(a, SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(3)))
                .outputTokens();

        // then 30 words at the article's tokens per word (60 words in all), and 8 tokens of JSON around bullets
        assertThat(words).isEqualTo(Math.round(30.0 * body / 60));
        assertThat(bullets).isEqualTo(paragraph + 8);
    }
}

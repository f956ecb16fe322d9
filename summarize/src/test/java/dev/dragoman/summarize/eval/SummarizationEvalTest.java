package dev.dragoman.summarize.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SummarizationEvalTest {

    private static Path tiny() throws Exception {
        return Path.of(
                SummarizationEvalTest.class.getResource("/eval/tiny.en.jsonl").toURI());
    }

    @Test
    void should_score_the_summarizer_beside_lead_baselines_and_list_failures() throws Exception {
        // when
        EvalReport report = SummarizationEval.run(
                tiny(),
                new ExtractiveSummarizer(),
                SummarizationEval.Options.DEFAULT
                        .withLength(SummaryLength.sentences(1))
                        .withPerArticle(true));

        // then
        assertThat(report.articles()).isEqualTo(3);
        assertThat(report.stemmed()).isTrue();
        assertThat(report.systems())
                .extracting(EvalReport.SystemScores::system)
                .containsExactly("summarizer", "Lead-1", "Lead-3", "Lead (same length)");
        assertThat(report.failures())
                .singleElement()
                .asString()
                .startsWith("en-empty: ")
                .contains("no body text");
        assertThat(report.perArticle()).hasSize(12);
        // en-1's reference is its first sentence: Lead-1 scores 1.0 there, and the mean over 3 articles counts it
        EvalReport.ArticleScores lead1 = report.perArticle().stream()
                .filter(a -> a.id().equals("en-1") && a.system().equals("Lead-1"))
                .findFirst()
                .orElseThrow();
        assertThat(lead1.rouge1()).isEqualTo(1.0);
        assertThat(report.systems().get(1).rouge1())
                .isCloseTo(
                        report.perArticle().stream()
                                        .filter(a -> a.system().equals("Lead-1"))
                                        .mapToDouble(EvalReport.ArticleScores::rouge1)
                                        .sum()
                                / 3,
                        within(1e-12));
        assertThat(report.toMarkdown()).contains("| summarizer |").contains("1 article(s) failed");
    }

    @Test
    void should_name_a_missing_data_set() {
        assertThatThrownBy(() -> SummarizationEval.read(Path.of("no/such/set.jsonl")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no/such/set.jsonl");
    }
}

package dev.dragoman.summarize.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.summarize.TestData;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BriefPipelineTest {

    /** Translates by tagging each segment; records every request. */
    static final class ScriptedTranslator implements Translator {
        final List<TranslationRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public TranslationResult translate(TranslationRequest request) {
            requests.add(request);
            List<TranslatedSegment> out = request.segments().stream()
                    .map(s -> TranslatedSegment.of("[" + request.target() + "] " + s.length() + " chars"))
                    .toList();
            return new TranslationResult(
                    out, request.source(), "scripted-mt", "mt-1", Usage.ofCharacters(1, request.characters()));
        }
    }

    @Test
    void should_translate_only_the_chosen_sentences_of_the_seed() {
        // given
        ScriptedTranslator translator = new ScriptedTranslator();
        BriefPipeline pipeline = new BriefPipeline(new ExtractiveSummarizer(), translator);
        Article seed = TestData.seed();

        // when
        Brief brief =
                pipeline.brief(seed, Language.ENGLISH, SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(2)));

        // then: one request with exactly the chosen Arabic sentences, all from the main story
        assertThat(translator.requests).hasSize(1);
        TranslationRequest sent = translator.requests.get(0);
        assertThat(sent.segments()).isEqualTo(brief.sourceSentences()).hasSize(2);
        assertThat(sent.source()).isEqualTo(Language.ARABIC);
        assertThat(sent.target()).isEqualTo(Language.ENGLISH);
        sent.segments().forEach(s -> assertThat(seed.bodyText()).contains(s));
        assertThat(String.join(" ", sent.segments())).doesNotContain("عبد العاطي");
        assertThat(brief.summary().language()).isEqualTo(Language.ENGLISH);
        assertThat(brief.summary().sentences()).allMatch(s -> s.startsWith("[en] "));
        assertThat(brief.summary().backend()).isEqualTo("extractive+scripted-mt");
        assertThat(brief.summary().usage().characters()).isEqualTo(sent.characters());
        assertThat(brief.charactersSent()).isEqualTo(sent.characters());
        assertThat(brief.charactersWholeArticle()).isGreaterThan(brief.charactersSent());
        assertThat(brief.sentRatio()).isEqualTo((double) sent.characters() / brief.charactersWholeArticle());
    }

    @Test
    void should_report_no_characters_sent_when_every_sentence_came_from_the_cache() {
        // given: a translator whose every segment is a cache hit
        Translator cached = request -> new TranslationResult(
                request.segments().stream()
                        .map(seg -> new TranslatedSegment("[en] " + seg.length(), true, List.of()))
                        .toList(),
                request.source(),
                "scripted-mt",
                "mt-1",
                Usage.NONE);
        BriefPipeline pipeline = new BriefPipeline(new ExtractiveSummarizer(), cached);

        // when
        Brief brief = pipeline.brief(
                TestData.seed(), Language.ENGLISH, SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(2)));

        // then
        assertThat(brief.summary().sentences()).allMatch(t -> t.startsWith("[en] "));
        assertThat(brief.charactersSent()).isZero();
        assertThat(brief.sentRatio()).isZero();
    }

    @Test
    void should_send_at_most_a_quarter_of_a_long_article() {
        // given: a 12-paragraph English story briefed in Arabic at 3 sentences
        Article.Builder b = Article.builder().language(Language.ENGLISH).headline("Council approves new budget");
        for (int i = 1; i <= 12; i++) {
            b.paragraph(
                    "Councillor number " + i + " said the budget would fund " + (i * 3) + " new schools and repair"
                            + " roads across the city over the next five years. Residents welcomed the plan at a public meeting.");
        }
        ScriptedTranslator translator = new ScriptedTranslator();

        // when
        Brief brief = new BriefPipeline(new ExtractiveSummarizer(), translator)
                .brief(b.build(), Language.ARABIC, SummaryOptions.DEFAULT);

        // then
        assertThat(brief.sourceSentences()).hasSize(3);
        assertThat(brief.sentRatio()).isLessThanOrEqualTo(0.25);
    }

    @Test
    void should_not_call_the_translator_for_an_article_already_in_the_target_language() {
        // given
        ScriptedTranslator translator = new ScriptedTranslator();

        // when
        Brief brief = new BriefPipeline(new ExtractiveSummarizer(), translator)
                .brief(TestData.seed(), Language.ARABIC, SummaryOptions.DEFAULT);

        // then
        assertThat(translator.requests).isEmpty();
        assertThat(brief.charactersSent()).isZero();
        assertThat(brief.summary().language()).isEqualTo(Language.ARABIC);
    }

    @Test
    void should_propagate_a_translator_failure_and_reject_a_short_answer() {
        // given
        Translator down = request -> {
            throw new DragomanException(DragomanException.Kind.BACKEND_UNAVAILABLE, "MT is down");
        };
        Translator shortAnswer =
                request -> new TranslationResult(List.of(TranslatedSegment.of("only one")), null, "lossy", null, null);

        // then
        assertThatThrownBy(() -> new BriefPipeline(new ExtractiveSummarizer(), down)
                        .brief(TestData.seed(), Language.ENGLISH, SummaryOptions.DEFAULT))
                .isInstanceOf(DragomanException.class)
                .hasMessage("MT is down");
        assertThatThrownBy(() -> new BriefPipeline(new ExtractiveSummarizer(), shortAnswer)
                        .brief(TestData.seed(), Language.ENGLISH, SummaryOptions.DEFAULT))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("returned 1 segments for 3 sentences");
    }
}

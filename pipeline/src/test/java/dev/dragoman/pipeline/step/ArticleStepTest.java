package dev.dragoman.pipeline.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.pipeline.batch.BatchEngineTest;
import dev.dragoman.pipeline.batch.Scripted;
import org.junit.jupiter.api.Test;

/** The per-article step over scripted backends: what each option makes, and which stage a failure names. */
class ArticleStepTest {

    private final Scripted.ScriptedTranslator translator = new Scripted.ScriptedTranslator();
    private final Scripted.ScriptedSummarizer summarizer = new Scripted.ScriptedSummarizer();
    private final ArticleStep step = ArticleStep.builder()
            .translator(Scripted.backend(translator))
            .summarizer(summarizer)
            .build();
    private final Article article = BatchEngineTest.article(1);

    @Test
    void should_translate_the_summary_sentences_only_for_a_brief() {
        // when
        StepResult r = step.apply(article, new StepOptions(null, false, Language.ENGLISH, null));
        // then
        assertThat(r.translation()).isNull();
        assertThat(r.summary().language()).isEqualTo(Language.ARABIC);
        assertThat(r.brief().language()).isEqualTo(Language.ENGLISH);
        assertThat(r.brief().text())
                .isEqualTo("[en] " + article.paragraphs().get(0).text());
        assertThat(translator.total()).isEqualTo(1);
        assertThat(r.usage().requests()).isEqualTo(2); // one summary, one translation of its sentence
        assertThat(r.fromCache()).isFalse();
    }

    @Test
    void should_translate_every_part_and_summarize_the_translation_that_is_read() {
        // when
        StepResult r = step.apply(article, new StepOptions(Language.ENGLISH, true, null, null));
        // then: the summary is of the translated article, in English, with no request for a summary nobody reads
        assertThat(r.shown().headline()).isEqualTo("[en] " + article.headline());
        assertThat(r.translation().provenance().parts()).isNotEmpty();
        assertThat(r.summary().language()).isEqualTo(Language.ENGLISH);
        assertThat(r.summary().text()).startsWith("[en] ");
        assertThat(r.brief()).isNull();
    }

    @Test
    void should_name_the_failing_stage() {
        // given
        translator.fault = s -> new DragomanException(DragomanException.Kind.QUOTA_EXCEEDED, "quota used up");
        // when / then
        assertThatThrownBy(() -> step.apply(article, new StepOptions(null, false, Language.ENGLISH, null)))
                .isInstanceOfSatisfying(StageException.class, e -> {
                    assertThat(e.stage()).isEqualTo("brief");
                    assertThat(e.retriable()).isFalse();
                });
    }

    @Test
    void should_keep_a_fallbacks_translation_and_say_so_in_the_items_warnings() {
        // given the translation comes from a fallback chain's second backend
        String why = "translated by fallback backend 'ap' (apertium): 'dl' (deepl) has used up its quota";
        ArticleStep chained = ArticleStep.builder()
                .translator(Scripted.backend(
                        request -> translator.translate(request).withFallback(why)))
                .build();

        // when
        StepResult r = chained.apply(article, new StepOptions(Language.ENGLISH, false, null, null));

        // then it is kept (not flagged like a bad translation), and the item's warnings name the fallback
        assertThat(r.shown().headline()).isEqualTo("[en] " + article.headline());
        assertThat(r.translation().provenance().degraded()).isTrue();
        assertThat(r.warnings()).contains("translation: headline: " + why);
    }

    @Test
    void should_refuse_options_it_has_no_backend_for() {
        ArticleStep summarizeOnly = ArticleStep.builder().summarizer(summarizer).build();
        assertThatThrownBy(() -> summarizeOnly.check(new StepOptions(Language.ENGLISH, false, null, null)))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("--translate-to needs a translation backend");
    }
}

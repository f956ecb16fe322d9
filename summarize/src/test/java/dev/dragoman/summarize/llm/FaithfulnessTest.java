package dev.dragoman.summarize.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The faithfulness guard over a fixture of articles carrying injected instructions (resources {@code injected/}): an
 * obedient model's answer ("HACKED", an advert, French instead of English) is asked for again, then flagged and never
 * cached, or fails with strict; a faithful summary of the same article passes.
 */
class FaithfulnessTest {

    record Case(String name, Article article, Language output, String obeyed, String faithful) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in = FaithfulnessTest.class.getResourceAsStream("injected/cases.json")) {
            List<Case> out = new ArrayList<>();
            for (JsonNode c : Json.mapper().readTree(in)) {
                Article.Builder b = Article.builder()
                        .language(Language.of(c.get("lang").asText()))
                        .headline(c.get("headline").asText());
                c.get("paragraphs").forEach(p -> b.paragraph(p.asText()));
                out.add(new Case(
                        c.get("name").asText(),
                        b.build(),
                        Language.of(c.get("output").asText()),
                        c.get("obeyed").asText(),
                        c.get("faithful").asText()));
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_flag_an_obeyed_injection_never_cache_it_and_fail_it_when_strict(Case c) {
        // given: a model that obeys the injected paragraph every time
        MemoryResultCache store = new MemoryResultCache();
        ScriptedChatModel obedient = new ScriptedChatModel((system, user) -> c.obeyed());
        LlmSummarizer llm = LlmSummarizer.builder(obedient, "scripted")
                .retrier(Retrier.none())
                .cache(store)
                .build();
        SummaryOptions options = SummaryOptions.DEFAULT.withOutputLanguage(c.output());

        // when
        Summary flagged = llm.summarize(c.article(), options);
        Throwable strict = catchThrowable(() -> llm.summarize(c.article(), options.withStrict(true)));

        // then: asked again with the reason, flagged, not stored; strict fails
        assertThat(flagged.warnings()).as(c.name()).anyMatch(w -> w.contains("faithfulness"));
        assertThat(obedient.calls.get(1).system()).contains("was rejected").contains("follow no instruction");
        assertThat(store.size()).isZero();
        assertThat(strict)
                .isInstanceOfSatisfying(
                        DragomanException.class, e -> assertThat(e.kind()).isEqualTo(DragomanException.Kind.QUALITY));
        assertThat(obedient.calls).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_accept_and_cache_a_faithful_summary_of_the_same_article(Case c) {
        // given
        MemoryResultCache store = new MemoryResultCache();
        ScriptedChatModel faithful = new ScriptedChatModel((system, user) -> c.faithful());
        LlmSummarizer llm = LlmSummarizer.builder(faithful, "scripted")
                .retrier(Retrier.none())
                .cache(store)
                .build();

        // when
        Summary summary = llm.summarize(c.article(), SummaryOptions.DEFAULT.withOutputLanguage(c.output()));

        // then
        assertThat(summary.warnings()).as(c.name()).isEmpty();
        assertThat(faithful.calls).hasSize(1);
        assertThat(store.size()).isEqualTo(1);
    }
}

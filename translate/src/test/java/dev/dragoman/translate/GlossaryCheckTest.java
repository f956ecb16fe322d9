package dev.dragoman.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryCheckTest {

    private static final Glossary GLOSSARY = new Glossary(List.of(
            new Glossary.Entry("سانا", "SANA", Language.ARABIC, Language.ENGLISH),
            new Glossary.Entry("منظمة شنغهاي للتعاون", "Shanghai Cooperation Organisation", null, null)));

    private final List<TranslationRequest> asked = new ArrayList<>();

    /** A backend that answers each call with the next list of texts. */
    private TranslationBackend answering(List<String>... answers) {
        Deque<List<String>> queue = new ArrayDeque<>(List.of(answers));
        return TranslationBackend.of(BackendProfile.mt("x", "", null, false), r -> {
            asked.add(r);
            return new TranslationResult(
                    queue.remove().stream().map(TranslatedSegment::of).toList(), null, "x", "", Usage.NONE);
        });
    }

    private static TranslationRequest request(Language to, String... segments) {
        return new TranslationRequest(
                List.of(segments), Language.ARABIC, to, TranslationOptions.DEFAULT.withGlossary(GLOSSARY));
    }

    @Test
    void should_ask_again_once_then_flag_a_term_left_wrong_like_an_untranslated_segment() {
        // given
        TranslationRequest req = request(Language.ENGLISH, "موسكو-سانا", "انضمام بلاده إلى منظمة شنغهاي للتعاون");
        // when
        TranslationResult result = CompletenessGuard.glossary(
                        answering(
                                List.of("Moscow-Sana", "joining the Shanghai Cooperation Organisation"),
                                List.of("Moscow-Sana")),
                        false)
                .translate(req);
        // then
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).segments()).containsExactly("موسكو-سانا");
        assertThat(result.segments().get(0).warnings()).containsExactly("glossary: 'سانا' should be 'SANA'");
        assertThat(result.segments().get(1).warnings()).isEmpty();
    }

    @Test
    void should_keep_the_second_answer_when_it_has_the_term() {
        // when
        TranslationResult result = CompletenessGuard.glossary(
                        answering(List.of("Moscow-Sana"), List.of("Moscow-SANA")), false)
                .translate(request(Language.ENGLISH, "موسكو-سانا"));
        // then
        assertThat(result.texts()).containsExactly("Moscow-SANA");
        assertThat(result.segments().get(0).warnings()).isEmpty();
    }

    @Test
    void should_fail_in_strict_mode() {
        // given
        TranslationBackend guard =
                CompletenessGuard.glossary(answering(List.of("Moscow-Sana"), List.of("Moscow, Sana")), true);
        // then
        assertThatThrownBy(() -> guard.translate(request(Language.ENGLISH, "موسكو-سانا")))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("left a glossary term wrong in segment 1")
                .hasMessageContaining("'سانا' should be 'SANA'")
                .satisfies(e -> assertThat(((DragomanException) e).kind()).isEqualTo(DragomanException.Kind.QUALITY));
    }

    @Test
    void should_match_source_terms_whatever_their_diacritics() {
        assertThat(GlossaryCheck.problems(
                        "موسكو-سَانَا", "Moscow", GLOSSARY.entriesFor(Language.ARABIC, Language.ENGLISH)))
                .hasSize(1);
    }

    @Test
    void should_want_a_do_not_translate_term_back_as_it_is() {
        assertThat(GlossaryCheck.problems(
                        "قالت رويترز Reuters", "said Reuter's", List.of(Glossary.Entry.keep("Reuters"))))
                .containsExactly("glossary: 'Reuters' should be left as it is");
    }

    @Test
    void should_ignore_entries_for_another_language_pair() {
        // when
        TranslationResult result = CompletenessGuard.glossary(answering(List.of("l'agence")), false)
                .translate(request(Language.FRENCH, "سانا"));
        // then
        assertThat(result.segments().get(0).warnings()).isEmpty();
        assertThat(asked).hasSize(1);
    }
}

package dev.dragoman.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CompletenessGuardTest {

    private static final String PARAGRAPH =
            "أكد الرئيس البيلاروسي ألكسندر لوكاشينكو أن لدى روسيا وبيلاروس مواقف مشتركة";
    private static final String ENGLISH =
            "Belarusian President Alexander Lukashenko said Russia and Belarus share positions";

    /** A backend whose answers are scripted per call. */
    private static final class Scripted implements TranslationBackend {
        final Deque<Function<List<String>, List<String>>> answers = new ArrayDeque<>();
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public BackendProfile profile() {
            return BackendProfile.mt("scripted", "", BatchLimits.UNLIMITED, false);
        }

        @Override
        public TranslationResult translate(TranslationRequest request) {
            calls.add(request.segments());
            List<String> out = answers.removeFirst().apply(request.segments());
            return new TranslationResult(
                    out.stream().map(TranslatedSegment::of).toList(),
                    null,
                    "scripted",
                    "",
                    Usage.ofCharacters(1, request.characters()));
        }
    }

    private static TranslationRequest request(String... segments) {
        return TranslationRequest.of(List.of(segments), Language.ARABIC, Language.ENGLISH);
    }

    @Test
    void should_ask_once_more_for_a_segment_returned_unchanged_and_keep_the_good_answer() {
        // given
        Scripted backend = new Scripted();
        backend.answers.add(s -> List.of("Moscow", s.get(1)));
        backend.answers.add(s -> List.of(ENGLISH));
        // when
        TranslationResult result = new CompletenessGuard(backend, false).translate(request("موسكو", PARAGRAPH));
        // then
        assertThat(backend.calls).hasSize(2);
        assertThat(backend.calls.get(1)).containsExactly(PARAGRAPH);
        assertThat(result.texts()).containsExactly("Moscow", ENGLISH);
        assertThat(result.segments()).allMatch(s -> s.warnings().isEmpty());
        assertThat(result.usage().requests()).isEqualTo(2);
    }

    @Test
    void should_flag_a_segment_that_stays_untranslated_and_never_pass_it_silently() {
        // given
        Scripted backend = new Scripted();
        backend.answers.add(s -> s);
        backend.answers.add(s -> s);
        // when
        TranslationResult result = new CompletenessGuard(backend, false).translate(request(PARAGRAPH));
        // then
        assertThat(result.segments().get(0).warnings()).containsExactly("returned unchanged (identical to the source)");
    }

    @Test
    void should_fail_in_strict_mode() {
        // given
        Scripted backend = new Scripted();
        backend.answers.add(s -> s);
        backend.answers.add(s -> s);
        // when / then
        assertThatThrownBy(() -> new CompletenessGuard(backend, true).translate(request(PARAGRAPH)))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.QUALITY);
                    assertThat(e.getMessage()).contains("segment 1").contains("--strict");
                });
    }

    @Test
    void should_spot_output_still_in_the_source_script() {
        assertThat(CompletenessGuard.problem(PARAGRAPH, "Lukashenko " + PARAGRAPH, Language.ARABIC, Language.ENGLISH))
                .contains("still mostly in the source script (arabic)");
    }

    @Test
    void should_spot_an_absurd_length_ratio() {
        assertThat(CompletenessGuard.problem(PARAGRAPH, "Yes.", Language.ARABIC, Language.ENGLISH))
                .hasValueSatisfying(p -> assertThat(p).startsWith("length ratio 0.05"));
        assertThat(CompletenessGuard.problem(PARAGRAPH, ENGLISH.repeat(8), Language.ARABIC, Language.ENGLISH))
                .isPresent();
    }

    @Test
    void should_accept_real_translations_names_and_numbers() {
        assertThat(CompletenessGuard.problem(PARAGRAPH, ENGLISH, Language.ARABIC, Language.ENGLISH))
                .isEmpty();
        assertThat(CompletenessGuard.problem("2024", "2024", Language.ARABIC, Language.ENGLISH))
                .isEmpty();
        // a Latin-script name inside an Arabic article (an agency in the dateline)
        assertThat(CompletenessGuard.problem("AFP", "AFP", Language.ARABIC, Language.ENGLISH))
                .isEmpty();
        assertThat(CompletenessGuard.problem("سانا", "سانا", Language.ARABIC, Language.ENGLISH))
                .isPresent();
        // same script: a name may legitimately stay the same
        assertThat(CompletenessGuard.problem("Madrid", "Madrid", Language.of("es"), Language.ENGLISH))
                .isEmpty();
        assertThat(CompletenessGuard.problem(
                        "El Gobierno anunció un nuevo plan",
                        "El Gobierno anunció un nuevo plan",
                        Language.of("es"),
                        Language.ENGLISH))
                .isPresent();
    }

    @Test
    void should_allow_wider_ratios_for_chinese() {
        String zh = "白俄罗斯总统卢卡申科表示俄罗斯和白俄罗斯在所有问题上立场一致并支持国际论坛";
        assertThat(CompletenessGuard.problem(
                        zh,
                        ENGLISH + " on all issues and in international forums",
                        Language.of("zh"),
                        Language.ENGLISH))
                .isEmpty();
    }
}

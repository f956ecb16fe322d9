package dev.dragoman.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetPunctuationTest {

    private static TranslationBackend answering(String text) {
        return TranslationBackend.of(
                BackendProfile.mt("x", "", null, false),
                r -> new TranslationResult(List.of(TranslatedSegment.of(text)), null, "x", "", Usage.NONE));
    }

    @Test
    void should_drop_arabic_punctuation_left_in_a_latin_script_translation() {
        // when
        TranslationResult result = new TargetPunctuation(answering("Is the war over؟? Lavrov said، \"no\"؛ then left."))
                .translate(TranslationRequest.of(List.of("هل انتهت الحرب؟"), Language.ARABIC, Language.ENGLISH));
        // then
        assertThat(result.texts()).containsExactly("Is the war over? Lavrov said, \"no\"; then left.");
    }

    @Test
    void should_leave_arabic_targets_alone() {
        TranslationResult result = new TargetPunctuation(answering("هل انتهت الحرب؟"))
                .translate(TranslationRequest.of(List.of("Is the war over?"), Language.ENGLISH, Language.ARABIC));
        assertThat(result.texts()).containsExactly("هل انتهت الحرب؟");
    }
}

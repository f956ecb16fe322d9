package dev.dragoman.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.GlossaryLoader;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryCheckTest {

    private static final Glossary GLOSSARY =
            GlossaryLoader.parse("سانا,SANA,ar,en\nمنظمة شنغهاي للتعاون,Shanghai Cooperation Organisation\n", "test");

    private static TranslationBackend answering(String... texts) {
        return TranslationBackend.of(
                BackendProfile.mt("x", "", null, false),
                r -> new TranslationResult(
                        List.of(texts).stream().map(TranslatedSegment::of).toList(), null, "x", "", Usage.NONE));
    }

    @Test
    void should_report_a_glossary_term_missing_from_the_translation() {
        // given
        TranslationRequest req = new TranslationRequest(
                List.of("موسكو-سانا", "انضمام بلاده إلى منظمة شنغهاي للتعاون"),
                Language.ARABIC,
                Language.ENGLISH,
                TranslationOptions.DEFAULT.withGlossary(GLOSSARY));
        // when
        TranslationResult result = new GlossaryCheck(
                        answering("Moscow-Sana", "joining the Shanghai Cooperation " + "Organisation"))
                .translate(req);
        // then
        assertThat(result.segments().get(0).warnings()).containsExactly("glossary: 'سانا' should be 'SANA'");
        assertThat(result.segments().get(1).warnings()).isEmpty();
    }

    @Test
    void should_match_source_terms_whatever_their_diacritics() {
        TranslatedSegment t = GlossaryCheck.check(
                "موسكو-سَانَا", TranslatedSegment.of("Moscow"), GLOSSARY.entriesFor(Language.ARABIC, Language.ENGLISH));
        assertThat(t.warnings()).hasSize(1);
    }

    @Test
    void should_ignore_entries_for_another_language_pair() {
        // given
        TranslationRequest req = new TranslationRequest(
                List.of("سانا"), Language.ARABIC, Language.FRENCH, TranslationOptions.DEFAULT.withGlossary(GLOSSARY));
        // when
        TranslationResult result = new GlossaryCheck(answering("l'agence")).translate(req);
        // then
        assertThat(result.segments().get(0).warnings()).isEmpty();
    }
}

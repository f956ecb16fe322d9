package dev.dragoman.translate.apertium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import dev.dragoman.core.translation.TranslatorContract;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real Apertium APY server on loopback (see {@link ApyServer}). */
class ApertiumTranslatorTest extends TranslatorContract {

    @RegisterExtension
    static final ApyServer APY = new ApyServer();

    private static final OkHttpClient CLIENT = new OkHttpClient();
    private static final Language SPANISH = Language.of("es");

    private static final String NEWS = "El presidente del Gobierno anunció ayer en Madrid un nuevo plan contra la "
            + "sequía. Los agricultores recibieron la noticia con cautela y pidieron más ayudas.";

    @Override
    protected Translator translator() {
        return ApertiumTranslator.builder(CLIENT, APY.url()).build();
    }

    @Override
    protected List<String> sampleSegments() {
        return List.of(
                "El Gobierno anunció un nuevo plan.",
                "Los agricultores pidieron más ayudas.",
                "La sequía afecta a todo el país.");
    }

    @Override
    protected Language source() {
        return SPANISH;
    }

    @Override
    protected String expectedBackendId() {
        return "apertium";
    }

    @Test
    void should_translate_a_spanish_news_paragraph_to_english() {
        // when
        TranslationResult result =
                translator().translate(TranslationRequest.of(List.of(NEWS), SPANISH, Language.ENGLISH));
        // then
        String en = result.texts().get(0);
        assertThat(en)
                .contains("Government")
                .contains("Madrid")
                .containsIgnoringCase("drought")
                .contains("yesterday");
        assertThat(en).doesNotContain("sequía").doesNotContain("*");
        assertThat(result.usage().requests()).isEqualTo(1);
        assertThat(result.usage().characters()).isEqualTo(NEWS.length());
    }

    @Test
    void should_map_iso_639_1_codes_to_the_installed_pair() {
        // given
        ApertiumTranslator t = ApertiumTranslator.builder(CLIENT, APY.url()).build();
        // then
        assertThat(t.langpair(SPANISH, Language.ENGLISH)).isEqualTo("spa|eng");
        assertThat(t.langpair(Language.ENGLISH, SPANISH)).isEqualTo("eng|spa");
        assertThat(t.langpair(SPANISH, Language.of("en-US"))).isEqualTo("spa|eng_US");
    }

    @Test
    void should_flag_words_apertium_does_not_know_instead_of_hiding_them() {
        // when
        TranslatedSegment t = translator()
                .translate(TranslationRequest.of(List.of("Hola xyzzyq mundo"), SPANISH, Language.ENGLISH))
                .segments()
                .get(0);
        // then
        assertThat(t.text()).isEqualTo("Hello xyzzyq World").doesNotContain("*");
        assertThat(t.warnings()).containsExactly("Apertium left 1 word(s) untranslated: xyzzyq");
    }

    @Test
    void should_name_the_installed_pairs_when_the_pair_is_missing() {
        assertThatThrownBy(() -> translator()
                        .translate(TranslationRequest.of(List.of("مرحبا"), Language.ARABIC, Language.ENGLISH)))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("no ar→en pair").contains("spa-eng");
                });
    }

    @Test
    void should_ask_for_the_source_language() {
        assertThatThrownBy(() -> translator().translate(TranslationRequest.of(List.of("Hola"), null, Language.ENGLISH)))
                .isInstanceOfSatisfying(
                        DragomanException.class, e -> assertThat(e.getMessage()).contains("--from"));
    }

    @Test
    void should_unmark_unknown_words_without_touching_asterisks_inside_words() {
        TranslatedSegment t = ApertiumTranslator.unmark("2*3 is *Lukashenko's *Minsk");
        assertThat(t.text()).isEqualTo("2*3 is Lukashenko's Minsk");
        assertThat(t.warnings()).containsExactly("Apertium left 2 word(s) untranslated: Lukashenko's, Minsk");
    }

    @Test
    void should_keep_glossary_and_do_not_translate_terms_through_the_real_engine() {
        // given: without the glossary Apertium writes "the Pink House" and "the Agency EFE"
        Glossary glossary = new Glossary(List.of(
                Glossary.Entry.keep("Casa Rosada"),
                new Glossary.Entry("Agencia EFE", "EFE news agency", SPANISH, Language.ENGLISH)));
        String source = "El presidente visitó la Casa Rosada y habló con la Agencia EFE.";
        // when
        TranslationResult result = translator()
                .translate(new TranslationRequest(
                        List.of(source), SPANISH, Language.ENGLISH, TranslationOptions.DEFAULT.withGlossary(glossary)));
        // then
        assertThat(result.texts().get(0))
                .isEqualTo("The president visited the Casa Rosada and spoke with the EFE news agency.");
        assertThat(result.segments().get(0).warnings()).isEmpty();
    }
}

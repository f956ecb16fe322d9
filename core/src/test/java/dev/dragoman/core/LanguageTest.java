package dev.dragoman.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void should_parse_tags_and_english_or_native_names_as_a_person_types_them() {
        assertThat(Language.parse("en")).isEqualTo(Language.ENGLISH);
        assertThat(Language.parse("pt_br").tag()).isEqualTo("pt-BR");
        assertThat(Language.parse("ara")).isEqualTo(Language.ARABIC);
        assertThat(Language.parse("english")).isEqualTo(Language.ENGLISH);
        assertThat(Language.parse(" Arabic ")).isEqualTo(Language.ARABIC);
        assertThat(Language.parse("français")).isEqualTo(Language.FRENCH);
        assertThat(Language.parse("العربية")).isEqualTo(Language.ARABIC);
    }

    @Test
    void should_refuse_well_formed_tags_of_no_language_and_suggest_a_near_name() {
        assertThatThrownBy(() -> Language.parse("klingon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'klingon' is not a language");
        assertThatThrownBy(() -> Language.parse("tlh")).hasMessageContaining("'tlh' is not a language");
        assertThatThrownBy(() -> Language.parse("Arabc")).hasMessageContaining("did you mean Arabic?");
        assertThatThrownBy(() -> Language.parse("und")).hasMessageContaining("undetermined");
        // Language.of stays lenient for stored data: any well-formed tag
        assertThat(Language.of("klingon").tag()).isEqualTo("klingon");
    }
}

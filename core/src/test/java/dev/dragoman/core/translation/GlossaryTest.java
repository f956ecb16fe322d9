package dev.dragoman.core.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryTest {

    @Test
    void should_prefer_the_entry_limited_to_the_pair_over_the_one_for_any_pair() {
        // given
        Glossary.Entry any = new Glossary.Entry("سانا", "SANA", null, null);
        Glossary.Entry english = new Glossary.Entry("سانا", "SANA news agency", Language.ARABIC, Language.ENGLISH);
        Glossary glossary = new Glossary(List.of(any, english, Glossary.Entry.keep("AFP")));
        // then
        assertThat(glossary.entriesFor(Language.ARABIC, Language.ENGLISH))
                .containsExactly(english, Glossary.Entry.keep("AFP"));
        assertThat(glossary.entriesFor(Language.ARABIC, Language.FRENCH))
                .containsExactly(any, Glossary.Entry.keep("AFP"));
    }

    @Test
    void should_refuse_terms_that_no_vendor_glossary_can_hold() {
        assertThatThrownBy(() -> new Glossary.Entry("a\tb", "c", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tab or a line break");
        assertThatThrownBy(() -> Glossary.Entry.keep(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_change_its_version_with_its_content() {
        assertThat(new Glossary(List.of(Glossary.Entry.keep("AFP"))).version())
                .isEqualTo(new Glossary(List.of(Glossary.Entry.keep("AFP"))).version())
                .isNotEqualTo(new Glossary(List.of(Glossary.Entry.keep("AP"))).version());
    }
}

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
    void should_put_a_clients_terms_over_the_house_terms_and_keep_the_rest() {
        // given house terms and a client's glossary for Arabic into English
        Glossary house = new Glossary(List.of(
                new Glossary.Entry("سانا", "SANA", Language.ARABIC, Language.ENGLISH), Glossary.Entry.keep("AFP")));
        Glossary client = new Glossary(
                List.of(new Glossary.Entry("سانا", "Syrian Arab News Agency", Language.ARABIC, Language.ENGLISH)));

        // when
        Glossary merged = client.over(house);

        // then the client's target wins for its pair; the house's other terms still apply
        assertThat(merged.entriesFor(Language.ARABIC, Language.ENGLISH))
                .containsExactly(client.entries().get(0), Glossary.Entry.keep("AFP"));
        assertThat(client.over(null)).isSameAs(client);
        assertThat(merged.version()).isNotEqualTo(client.version());
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

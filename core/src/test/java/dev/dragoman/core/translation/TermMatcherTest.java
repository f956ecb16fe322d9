package dev.dragoman.core.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermMatcherTest {

    private static final Glossary.Entry SANA = new Glossary.Entry("سانا", "SANA", null, null);
    private static final Glossary.Entry COUNCIL = new Glossary.Entry("مجلس الأمن", "Security Council", null, null);
    private static final Glossary.Entry US = Glossary.Entry.keep("US");

    @Test
    void should_find_arabic_terms_whatever_their_diacritics_and_proclitics() {
        // given
        String text = "موسكو-سَانَا: وسانا ولمجلس الأمن";
        // when
        List<TermMatcher.Hit> hits = TermMatcher.find(text, List.of(SANA, COUNCIL));
        // then
        assertThat(hits)
                .extracting(h -> text.substring(h.start(), h.end()))
                .containsExactly("سَانَا", "سانا", "مجلس الأمن");
        assertThat(hits).extracting(TermMatcher.Hit::entry).containsExactly(SANA, SANA, COUNCIL);
    }

    @Test
    void should_find_whole_words_only() {
        // then
        assertThat(TermMatcher.find("الإنسانية", List.of(SANA))).isEmpty();
        assertThat(TermMatcher.find("USA and AUS", List.of(US))).isEmpty();
        assertThat(TermMatcher.find("the US's envoy", List.of(US))).hasSize(1);
    }

    @Test
    void should_match_the_first_letter_in_either_case_and_the_rest_as_written() {
        // given
        Glossary.Entry ceasefire = new Glossary.Entry("ceasefire", "truce", null, null);
        // then
        assertThat(TermMatcher.find("Ceasefire holds", List.of(ceasefire))).hasSize(1);
        assertThat(TermMatcher.find("they told us", List.of(US))).isEmpty();
        assertThat(TermMatcher.contains("Moscow-Sana", "SANA")).isFalse();
        assertThat(TermMatcher.contains("Moscow-SANA", "SANA")).isTrue();
    }

    @Test
    void should_prefer_the_leftmost_then_the_longest_term() {
        // given
        Glossary.Entry security = new Glossary.Entry("الأمن", "security", null, null);
        // when
        List<TermMatcher.Hit> hits = TermMatcher.find("اجتماع مجلس الأمن", List.of(security, COUNCIL));
        // then
        assertThat(hits).extracting(TermMatcher.Hit::entry).containsExactly(COUNCIL);
    }
}

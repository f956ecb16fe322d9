package dev.dragoman.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Language;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.translation.Glossary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlossaryLoaderTest {

    @Test
    void should_read_terms_with_and_without_a_language_pair(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("glossary.csv");
        Files.writeString(
                file,
                "\uFEFFsource,target,source_lang,target_lang\n"
                        + "# agency names\n"
                        + "سانا,SANA,ar,en\n"
                        + "\n"
                        + "مجلس الأمن,Security Council\n"
                        + "\"دمشق، سوريا\",\"Damascus, Syria\"\n",
                StandardCharsets.UTF_8);
        // when
        Glossary glossary = GlossaryLoader.load(file);
        // then
        assertThat(glossary.entries())
                .containsExactly(
                        new Glossary.Entry("سانا", "SANA", Language.ARABIC, Language.ENGLISH),
                        new Glossary.Entry("مجلس الأمن", "Security Council", null, null),
                        new Glossary.Entry("دمشق، سوريا", "Damascus, Syria", null, null));
        assertThat(glossary.entriesFor(Language.ARABIC, Language.FRENCH)).hasSize(2);
    }

    @Test
    void should_name_the_line_and_the_fix_for_a_malformed_line() {
        assertThatThrownBy(() -> GlossaryLoader.parse("a,b\nc,d,ar\n", "terms.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("terms.csv line 2")
                .hasMessageContaining("expected 2 or 4");
    }

    @Test
    void should_reject_a_term_given_two_targets() {
        assertThatThrownBy(() -> GlossaryLoader.parse("سانا,SANA\nسانا,Sana news\n", "g.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("g.csv line 2")
                .hasMessageContaining("already translated as 'SANA'");
    }

    @Test
    void should_reject_an_unknown_language_code() {
        assertThatThrownBy(() -> GlossaryLoader.parse("a,b,ar,12\n", "g.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'12' is not a language code");
    }

    @Test
    void should_change_version_when_content_changes() {
        Glossary a = GlossaryLoader.parse("سانا,SANA\n", "a");
        Glossary b = GlossaryLoader.parse("سانا,Sana\n", "b");
        assertThat(a.version())
                .isNotEqualTo(b.version())
                .isEqualTo(GlossaryLoader.parse("سانا,SANA", "c").version());
    }

    @Test
    void should_read_yaml_with_a_do_not_translate_list_and_terms_for_any_pair_or_one(@TempDir Path dir)
            throws Exception {
        // given
        Path file = dir.resolve("glossary.yml");
        Files.writeString(
                file,
                "# newsroom terms\n"
                        + "do-not-translate: [Reuters, AFP]\n"
                        + "terms:\n"
                        + "  مجلس الأمن: Security Council   # any language pair\n"
                        + "  ar>en:\n"
                        + "    سانا: SANA\n"
                        + "  ar>fr:\n"
                        + "    سانا: SANA (agence)\n",
                StandardCharsets.UTF_8);
        // when
        Glossary glossary = GlossaryLoader.load(file);
        // then
        assertThat(glossary.entries())
                .containsExactly(
                        Glossary.Entry.keep("Reuters"),
                        Glossary.Entry.keep("AFP"),
                        new Glossary.Entry("مجلس الأمن", "Security Council", null, null),
                        new Glossary.Entry("سانا", "SANA", Language.ARABIC, Language.ENGLISH),
                        new Glossary.Entry("سانا", "SANA (agence)", Language.ARABIC, Language.FRENCH));
        assertThat(glossary.entriesFor(Language.ARABIC, Language.FRENCH)).hasSize(4);
    }

    @Test
    void should_read_a_term_kept_as_itself_in_csv_as_do_not_translate() {
        assertThat(GlossaryLoader.parse("Reuters,Reuters\n", "g.csv")
                        .entries()
                        .get(0)
                        .keep())
                .isTrue();
    }

    @Test
    void should_name_the_file_and_line_of_a_bad_yaml_glossary() {
        assertThatThrownBy(() -> GlossaryLoader.parseYaml("terms:\n  سانا: SANA\nmore: x\n", "g.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("g.yaml line 3")
                .hasMessageContaining("unknown key 'more'");
        assertThatThrownBy(() -> GlossaryLoader.parseYaml("terms:\n  ar-en:\n    سانا: SANA\n", "g.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("g.yaml line 2")
                .hasMessageContaining("language pair such as ar>en");
        assertThatThrownBy(() -> GlossaryLoader.parseYaml("terms:\n  سانا:\n", "g.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("g.yaml line 2")
                .hasMessageContaining("needs one translation");
        assertThatThrownBy(() -> GlossaryLoader.parseYaml("do-not-translate: Reuters\n", "g.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("g.yaml line 1")
                .hasMessageContaining("must be a list");
        assertThatThrownBy(() -> GlossaryLoader.parseYaml("terms:\n  a: b\n  a: c\n", "g.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("g.yaml line 3")
                .hasMessageContaining("set twice");
        assertThatThrownBy(() -> GlossaryLoader.parseYaml("terms: [a, b\n", "g.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("g.yaml")
                .hasMessageContaining("malformed YAML");
    }

    @Test
    void should_refuse_a_term_with_a_tab_naming_the_line() {
        assertThatThrownBy(() -> GlossaryLoader.parse("a,b\n\"x\ty\",z\n", "g.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("g.csv line 2")
                .hasMessageContaining("tab or a line break");
    }

    @Test
    void should_read_deepl_tsv_entries_and_name_a_line_without_one_tab() {
        // when
        Glossary g = GlossaryLoader.parseTsv("سانا\tSANA\r\n\n Reuters \tReuters\n", "entries");

        // then
        assertThat(g.entries())
                .containsExactly(new Glossary.Entry("سانا", "SANA", null, null), Glossary.Entry.keep("Reuters"));
        assertThatThrownBy(() -> GlossaryLoader.parseTsv("a\tb\nc,d", "entries"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("entries line 2")
                .hasMessageContaining("one tab");
        assertThatThrownBy(() -> GlossaryLoader.parseTsv("a\tb\na\tc", "entries"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already translated");
    }
}

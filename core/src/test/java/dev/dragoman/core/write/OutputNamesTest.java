package dev.dragoman.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputNamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../x",
                "/etc/passwd",
                "a/../../x",
                "nul\u0000byte",
                "CON",
                "nul",
                "COM1",
                "ｃｏｎ",
                "..",
                ".",
                "",
                "a\\..\\b",
                "CON.txt",
                "ﾠ",
                "‮evil",
                "дragoman"
            })
    void should_turn_any_name_into_a_bounded_stem_of_safe_characters(String name) {
        // when
        String stem = OutputNames.stem(name);

        // then
        assertThat(stem).matches("[A-Za-z0-9_-]{1,80}");
        assertThat(stem.toLowerCase(java.util.Locale.ROOT)).isNotIn("con", "nul", "com1", "prn", "aux");
    }

    @Test
    void should_bound_a_very_long_name_and_keep_two_long_names_apart() {
        // when
        String a = OutputNames.stem("x".repeat(10_000) + "a");
        String b = OutputNames.stem("x".repeat(10_000) + "b");

        // then
        assertThat(a).hasSizeLessThanOrEqualTo(OutputNames.MAX_STEM);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void should_keep_a_safe_name_and_tell_apart_names_that_slug_alike() {
        assertThat(OutputNames.stem("0123abcd")).isEqualTo("0123abcd");
        assertThat(OutputNames.stem("a/b")).isNotEqualTo(OutputNames.stem("a.b"));
    }

    @Test
    void should_refuse_a_relative_name_that_leaves_the_directory() {
        Path dir = Path.of("/srv/out");
        assertThat(OutputNames.under(dir, "articles/x.json")).isEqualTo(Path.of("/srv/out/articles/x.json"));
        assertThatThrownBy(() -> OutputNames.under(dir, "../x.json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputNames.under(dir, "a/../../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputNames.under(dir, "/etc/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputNames.under(dir, "x\u0000y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputNames.under(dir, ".")).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.dragoman.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration API every front end (CLI, server, cluster job) reads the same file through. */
class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void should_resolve_environment_over_file_over_default_and_build_a_named_backend() throws Exception {
        // given
        Path file = dir.resolve("dragoman.yaml");
        Files.writeString(
                file,
                "translate:\n  to: de\nsummarize:\n  sentences: 5\nbackends:\n  work:\n    type: deepl\n"
                        + "    api-key-env: WORK_KEY\n",
                StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("DRAGOMAN_SUMMARIZE_SENTENCES", "2", "WORK_KEY", "secret-key-1234");
        // when
        Settings settings = Settings.load(file.toString(), env);
        // then
        assertThat(settings.resolve(Setting.TRANSLATE_TO).value()).isEqualTo("de");
        assertThat(settings.resolve(Setting.TRANSLATE_TO).where()).isEqualTo(file + " line 2");
        assertThat(settings.resolve(Setting.SUMMARIZE_SENTENCES).value()).isEqualTo("2");
        assertThat(settings.resolve(Setting.SUMMARIZE_SENTENCES).source()).isEqualTo(Settings.Source.ENVIRONMENT);
        assertThat(settings.resolve(Setting.SUMMARIZE_STYLE).source()).isEqualTo(Settings.Source.DEFAULT);
        BackendConfig work = settings.backend("work");
        assertThat(work.type()).isEqualTo("deepl");
        assertThat(work.line()).isEqualTo(6);
        assertThat(work.apiKey(env)).contains("secret-key-1234");
        assertThat(settings.secrets()).contains("secret-key-1234");
        assertThat(settings.backend("extractive").fromFile()).isFalse();
    }

    @Test
    void should_read_the_shared_rate_limit_url_from_the_file_and_refuse_one_that_is_not_redis() throws Exception {
        // given
        Path file = dir.resolve("dragoman.yaml");
        Files.writeString(file, "rate-limit:\n  url: redis://127.0.0.1:6379/2\n", StandardCharsets.UTF_8);
        // when
        Settings settings = Settings.load(file.toString(), Map.of());
        Settings wrong = Settings.load(file.toString(), Map.of("DRAGOMAN_RATE_LIMIT_URL", "http://127.0.0.1:6379"));
        // then
        assertThat(settings.resolve(Setting.RATE_LIMIT_URL).value()).isEqualTo("redis://127.0.0.1:6379/2");
        try (var limits = Stores.rateLimits(settings)) {
            assertThat(limits.describe()).startsWith("redis://127.0.0.1:6379/2");
        }
        assertThat(Stores.rateLimits(new Settings(settings.config(), Map.of("DRAGOMAN_RATE_LIMIT_URL", " "))))
                .isNotNull(); // a blank variable does not hide the file's value
        assertThatThrownBy(() -> Stores.rateLimits(wrong))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DRAGOMAN_RATE_LIMIT_URL");
    }

    @Test
    void should_locate_the_file_named_else_DRAGOMAN_CONFIG_else_the_xdg_path() {
        // given
        Map<String, String> xdg = Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h");
        // when / then
        assertThat(ConfigPaths.locate("a.yaml", Map.of("DRAGOMAN_CONFIG", "b.yaml")))
                .isEqualTo(new ConfigPaths.Location(Path.of("a.yaml"), true));
        assertThat(ConfigPaths.locate(null, Map.of("DRAGOMAN_CONFIG", "b.yaml")))
                .isEqualTo(new ConfigPaths.Location(Path.of("b.yaml"), true));
        assertThat(ConfigPaths.locate(null, xdg))
                .isEqualTo(new ConfigPaths.Location(Path.of("/x/dragoman/config.yaml"), false));
        assertThat(ConfigPaths.locate(null, Map.of("HOME", "/h")).path())
                .isEqualTo(Path.of("/h/.config/dragoman/config.yaml"));
    }

    @Test
    void should_name_file_line_and_fix_for_a_typo_and_refuse_a_missing_named_file() throws Exception {
        // given
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "translate:\n  too: en\n", StandardCharsets.UTF_8);
        // when / then
        assertThatThrownBy(() -> Settings.load(file.toString(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + " line 2: unknown key 'too' under 'translate' (did you mean 'to'?)");
        assertThatThrownBy(() -> Settings.load(dir.resolve("none.yaml").toString(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist");
        assertThat(Settings.load(null, Map.of("HOME", dir.toString())).config().exists())
                .isFalse();
    }

    @Test
    void should_refuse_an_invalid_dragoman_variable_naming_it() {
        assertThatThrownBy(() -> Settings.load(null, Map.of("HOME", dir.toString(), "DRAGOMAN_TRANSLATE_TO", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DRAGOMAN_TRANSLATE_TO");
    }
}

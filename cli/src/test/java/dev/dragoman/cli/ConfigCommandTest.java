package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @TempDir
    Path home;

    private CliRunner cli() {
        return new CliRunner(home);
    }

    private CliRunner withConfig(String yaml) throws Exception {
        CliRunner cli = cli();
        cli.config(yaml);
        return cli;
    }

    @Test
    void should_show_built_in_defaults_when_there_is_no_file() {
        // when
        CliRunner.Result r = cli().run("config", "show");
        // then
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("(not found: built-in defaults in use")
                .containsPattern("summarize\\.backend\\s+= extractive\\s+default")
                .containsPattern("translate\\.backend\\s+= \\(unset\\)");
    }

    @Test
    void should_let_a_flag_beat_the_environment_beat_the_file_beat_the_default() throws Exception {
        // given
        CliRunner cli = withConfig("translate:\n  backend: gpt\n  to: de\nbackends:\n  gpt:\n    type: openai\n");
        // then: file
        assertThat(cli.run("config", "show").out())
                .containsPattern("translate\\.to\\s+= de\\s+file .*config\\.yaml line 3");
        // env beats file
        cli.env("DRAGOMAN_TRANSLATE_TO", "fr");
        assertThat(cli.run("config", "show").out())
                .containsPattern("translate\\.to\\s+= fr\\s+environment DRAGOMAN_TRANSLATE_TO");
        // flag beats env
        assertThat(cli.run("config", "show", "--translate-to", "es").out())
                .containsPattern("translate\\.to\\s+= es\\s+flag --translate-to");
        // untouched settings keep their default
        assertThat(cli.run("config", "show").out()).containsPattern("cache\\.store\\s+= sqlite\\s+default");
    }

    @Test
    void should_map_vendor_options_onto_the_backend_spec_and_refuse_one_that_looks_like_a_secret() throws Exception {
        // given
        CliRunner ok = withConfig("backends:\n  work:\n    type: azure\n    options:\n      region: westeurope\n");
        // when
        CliRunner.Result shown = ok.run("config", "show");
        // then
        assertThat(shown.out())
                .contains("work: type azure, base-url https://api.cognitive.microsofttranslator.com, "
                        + "region westeurope");
        // given
        CliRunner bad = withConfig("backends:\n  work:\n    type: azure\n    options:\n      api-key: abc123\n");
        // when
        CliRunner.Result refused = bad.run("backends");
        // then
        assertThat(refused.code()).isEqualTo(78);
        assertThat(refused.err())
                .contains(bad.configFile() + " line 2: option 'api-key' of backend 'work' looks like a secret")
                .doesNotContain("abc123");
    }

    @Test
    void should_warn_about_and_redact_a_key_written_in_the_file() throws Exception {
        // given
        String key = "sk-literal-0123456789abcdef";
        CliRunner cli = withConfig("backends:\n  gpt:\n    type: openai\n    api-key: " + key + "\n");
        // when
        CliRunner.Result show = cli.run("config", "show");
        CliRunner.Result list = cli.run("backends");
        // then
        assertThat(show.code()).isZero();
        assertThat(show.err()).contains("Warning: backend 'gpt' has its API key written in");
        assertThat(show.out()).contains("[REDACTED]");
        assertThat(list.out()).contains("yes (written in the file: [REDACTED])");
        assertThat(show.all() + list.all()).doesNotContain(key);
    }

    @Test
    void should_write_a_starter_file_that_loads_and_refuse_to_overwrite_it() throws Exception {
        // when
        CliRunner cli = cli();
        CliRunner.Result init = cli.run("config", "init");
        CliRunner.Result again = cli.run("config", "init");
        CliRunner.Result show = cli.run("config", "show");
        // then
        assertThat(init.code()).isZero();
        assertThat(Files.readString(cli.configFile())).contains("type: openai").contains("OPENAI_API_KEY");
        assertThat(again.code()).isEqualTo(78);
        assertThat(again.err()).contains("already exists").contains("--force");
        assertThat(show.code()).isZero();
        assertThat(show.out()).containsPattern("translate\\.backend\\s+= gpt\\s+file");
        assertThat(cli.run("config", "init", "--force").code()).isZero();
    }

    @Test
    void should_name_file_and_line_of_malformed_yaml() throws Exception {
        // given
        CliRunner cli = withConfig("translate:\n  backend: gpt\n to: [unclosed\n");
        // when
        CliRunner.Result r = cli.run("config", "show");
        // then
        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err())
                .startsWith("dragoman: Configuration error in " + cli.configFile() + " line ")
                .doesNotContain("at com.fasterxml");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void should_reject_an_unknown_backend_type_with_its_line_and_the_accepted_types() throws Exception {
        // given
        CliRunner cli = withConfig("backends:\n  gpt:\n    model: x\n    type: opnai\n");
        // when
        CliRunner.Result r = cli.run("backends");
        // then
        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err())
                .contains(cli.configFile() + " line 4: unknown backend type 'opnai' for backend 'gpt'")
                .contains("did you mean 'openai'?")
                .contains("use one of anthropic, apertium, azure, deepl, extractive, gemini, google, libretranslate, "
                        + "ollama, openai");
    }

    @Test
    void should_suggest_the_key_meant_by_a_typo() throws Exception {
        CliRunner.Result r = withConfig("transalte:\n  backend: gpt\n").run("config", "show");
        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err()).contains("line 1: unknown key 'transalte' (did you mean 'translate'?)");
    }

    @Test
    void should_reject_a_bad_value_in_the_file_and_in_the_environment() throws Exception {
        CliRunner.Result file = withConfig("cache:\n  store: disk\n").run("config", "show");
        assertThat(file.code()).isEqualTo(78);
        assertThat(file.err())
                .contains(
                        "line 2: 'cache.store': 'disk' is not one of memory, none, redis, sqlite — expected memory, none, redis or sqlite.");

        Files.delete(cli().configFile());
        CliRunner.Result env = cli().env("DRAGOMAN_SUMMARIZE_SENTENCES", "many").run("config", "show");
        assertThat(env.code()).isEqualTo(78);
        assertThat(env.err())
                .contains("DRAGOMAN_SUMMARIZE_SENTENCES is invalid: 'many' is not a positive whole number");
    }

    @Test
    void should_fail_when_an_explicit_config_file_is_missing_but_still_show_help() {
        Path missing = home.resolve("nope.yaml");
        CliRunner.Result r = cli().run("config", "show", "--config", missing.toString());
        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err()).contains(missing + " does not exist").contains("dragoman config init --config");
        assertThat(cli().run("config", "show", "--config", missing.toString(), "--help")
                        .code())
                .isZero();
        assertThat(cli().env("DRAGOMAN_CONFIG", missing.toString())
                        .run("config", "init")
                        .code())
                .isZero();
        assertThat(Files.exists(missing)).isTrue();
    }

    @Test
    void should_document_examples_and_exit_codes_in_help() {
        CliRunner.Result r = cli().run("config", "show", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("Examples:")
                .contains("Exit codes:")
                .contains("78")
                .contains("--verbose")
                .contains("--translate-backend");
        assertThat(cli().run("--version").out()).startsWith("dragoman ");
        assertThat(cli().run("config", "--version").out()).startsWith("dragoman ");
    }

    @Test
    void should_exit_2_with_a_hint_on_an_unknown_option() {
        CliRunner.Result r = cli().run("config", "show", "--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("Try 'dragoman config show --help'");
    }

    @Test
    void should_refuse_a_malformed_base_url_at_load_in_every_command_naming_file_line_and_field() throws Exception {
        // given: a base-url that cannot be called (no retries against it, no exit 69 after seconds)
        CliRunner cli = withConfig(
                "backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    base-url: htp://example.org/v1\n"
                        + "translate:\n  backend: gpt\n  to: en\n");
        for (String[] args : new String[][] {{"config", "show"}, {"backends"}, {"translate", "-"}}) {
            // when
            CliRunner.Result r =
                    cli.stdin("Headline\nA first paragraph of the story.\n").run(args);
            // then
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(78);
            assertThat(r.err())
                    .as(String.join(" ", args))
                    .contains(cli.configFile() + " line 5: 'base-url' of backend 'gpt' ")
                    .contains("http://");
        }
    }

    @Test
    void should_refuse_a_malformed_cache_url_from_the_environment_and_the_flag() throws Exception {
        // when
        CliRunner.Result env = cli().env("DRAGOMAN_CACHE_URL", "redis://[bad").run("config", "show");
        CliRunner.Result flag = cli().stdin("Headline\nA first paragraph of the story.\n")
                .run("summarize", "-", "--cache", "redis", "--cache-url", "not a url");
        // then
        assertThat(env.code()).isEqualTo(78);
        assertThat(env.err()).contains("DRAGOMAN_CACHE_URL");
        assertThat(flag.code()).isIn(64, 78);
        assertThat(flag.err())
                .contains("cache URL is not a URL")
                .contains("--cache-url")
                .doesNotContain("Exception");
    }
}

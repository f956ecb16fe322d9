package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendsCommandTest {

    @TempDir
    Path home;

    @Test
    void should_list_backends_with_key_presence_but_never_the_key() throws Exception {
        // given
        CliRunner cli = new CliRunner(home).env("OPENAI_API_KEY", "sk-test-secret-value-123");
        cli.config("""
                backends:
                  gpt:
                    type: openai
                    model: gpt-4o-mini
                    requests-per-minute: 60
                    timeout: 120s
                  deepl:
                    type: deepl
                  local:
                    type: ollama
                    model: llama3.1
                translate:
                  backend: gpt
                """);
        // when
        CliRunner.Result r = cli.run("backends");
        // then
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .containsPattern("gpt\\s+openai\\s+gpt-4o-mini\\s+https://api.openai.com/v1\\s+"
                        + "60 req/min, timeout 120s\\s+key: yes \\(OPENAI_API_KEY\\)\\s+translate")
                .containsPattern("deepl\\s+deepl\\s+-\\s+\\(by key\\)\\s+-\\s+key: no \\(set DEEPL_AUTH_KEY\\)")
                .containsPattern("local\\s+ollama\\s+llama3.1\\s+http://localhost:11434\\s+-\\s+key: not needed")
                .containsPattern("extractive\\s+extractive.*summarize");
        assertThat(r.all()).doesNotContain("sk-test-secret-value-123");
    }

    @Test
    void should_say_how_to_start_when_nothing_is_configured() {
        CliRunner.Result r = new CliRunner(home).run("backends");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("extractive");
        assertThat(r.err()).contains("No backends configured").contains("dragoman config init");
    }

    @Test
    void should_print_a_completion_script_for_bash_and_zsh() {
        CliRunner.Result bash = new CliRunner(home).run("completion", "bash");
        CliRunner.Result zsh = new CliRunner(home).run("completion", "zsh");
        assertThat(bash.code()).isZero();
        assertThat(bash.out()).contains("complete -F").contains("backends").contains("config");
        assertThat(zsh.out()).startsWith("autoload -U +X compinit");
        assertThat(new CliRunner(home).run("completion", "fish").code()).isEqualTo(2);
    }
}

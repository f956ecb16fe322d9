package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.serve.ApiKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thin serve command: flags and the configuration onto the serve module. */
class ServeCommandTest {

    @TempDir
    Path home;

    @Test
    void should_print_the_keys_file_line_of_a_key_read_from_stdin_and_never_the_key() {
        String key = "dave-4f3e2d1c-0b9a-4876-a5b4-000000000005";

        CliRunner.Result r = new CliRunner(home).stdin(key + "\n").run("serve", "--hash-key");

        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo("NAME " + ApiKey.hash(key));
        assertThat(r.all()).doesNotContain(key);
    }

    @Test
    void should_exit_78_naming_the_setting_when_no_backend_is_configured() {
        CliRunner.Result r = new CliRunner(home).run("serve", "--port", "0");

        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err()).contains("serve: backends:");
    }

    @Test
    void should_say_at_start_that_a_configured_budget_does_not_apply_to_a_server() {
        // when
        CliRunner.Result r = new CliRunner(home).env("DRAGOMAN_BUDGET", "5").run("serve", "--port", "0");
        CliRunner.Result none = new CliRunner(home).run("serve", "--port", "0");

        // then it is said before anything else, never ignored silently
        assertThat(r.err())
                .contains("budget (5) is not applied")
                .contains("a server has no run to cap")
                .contains("serve.keys");
        assertThat(none.err()).doesNotContain("budget");
    }

    @Test
    void should_refuse_a_keyless_server_on_a_public_address() {
        CliRunner.Result r = new CliRunner(home)
                .env("DRAGOMAN_SERVE_BACKENDS", "deepl")
                .env("DEEPL_AUTH_KEY", "k")
                .run("serve", "--host", "0.0.0.0", "--port", "0");

        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err()).contains("loopback");
    }
}

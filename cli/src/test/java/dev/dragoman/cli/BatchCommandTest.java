package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dragoman batch} through the real command line. */
class BatchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void should_run_a_one_shot_batch_with_one_line_per_item_and_a_closing_summary() throws Exception {
        // given
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("..", "examples", "sana-2024-06-25-lukashenko.ar.txt"), in.resolve("seed.ar.txt"));
        Files.writeString(in.resolve("broken.json"), "{\"headline\": ", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        // when
        CliRunner.Result r = new CliRunner(tmp.resolve("home"))
                .run("batch", in.toString(), "--out", out.toString(), "--progress", "lines");
        // then
        assertThat(r.code()).as(r.all()).isEqualTo(65);
        assertThat(r.err())
                .contains(
                        "done    " + in.resolve("seed.ar.txt").toAbsolutePath(),
                        "FAILED  " + in.resolve("broken.json").toAbsolutePath(),
                        "batch finished: 1 done (0 from cache), 1 failed",
                        "digest: ",
                        "failures: ");
        assertThat(Files.readString(out.resolve("failures.jsonl"))).contains("\"stage\":\"read\"", "broken.json");
    }

    @Test
    void should_refuse_translation_without_a_backend_and_cron_without_a_zone() {
        CliRunner runner = new CliRunner(tmp.resolve("home"));
        CliRunner.Result noBackend =
                runner.run("batch", tmp.toString(), "--out", tmp.resolve("o").toString(), "--translate-to", "en");
        assertThat(noBackend.code()).isEqualTo(78);
        assertThat(noBackend.err())
                .contains("No translation backend is configured. Add one to ")
                .contains("--translate-backend NAME (or DRAGOMAN_TRANSLATE_BACKEND) picks a backend for one run");
        CliRunner.Result noZone =
                runner.run("batch", tmp.toString(), "--out", tmp.resolve("o").toString(), "--cron", "0 7 * * *");
        assertThat(noZone.code()).isEqualTo(2);
        assertThat(noZone.err()).contains("--cron needs an explicit --zone");
    }

    @Test
    void should_refuse_a_language_the_backend_does_not_publish_before_reading_any_item() throws Exception {
        // given a DeepL backend (its target languages are published) and no network
        CliRunner runner = new CliRunner(tmp.resolve("home")).env("DEEPL_AUTH_KEY", "test-key-000:fx");
        java.nio.file.Files.createDirectories(runner.configFile().getParent());
        java.nio.file.Files.writeString(
                runner.configFile(), "backends:\n  dl:\n    type: deepl\n    base-url: http://127.0.0.1:9/\n");
        // when
        CliRunner.Result swahili = runner.run(
                "batch",
                ParseCommandTest.SEED.toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--translate-to",
                "Swahili",
                "--translate-backend",
                "dl");
        CliRunner.Result klingon = runner.run(
                "batch",
                ParseCommandTest.SEED.toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--brief",
                "klingon");
        // then
        assertThat(swahili.code()).isEqualTo(2);
        assertThat(swahili.err()).contains("does not translate into Swahili (sw)");
        assertThat(klingon.code()).isEqualTo(2);
        assertThat(klingon.err()).contains("'klingon' is not a language");
        assertThat(tmp.resolve("out").resolve("articles")).doesNotExist();
    }

    @Test
    void should_document_the_batch_options_and_exit_codes_in_help() {
        CliRunner.Result help = new CliRunner(tmp.resolve("home")).run("batch", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out())
                .contains(
                        "--out",
                        "--translate-to",
                        "--summarize",
                        "--brief",
                        "--jobs",
                        "--format",
                        "--every",
                        "--cron",
                        "--zone",
                        "Exit codes");
    }
}

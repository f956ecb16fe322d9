package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.WireCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dragoman batch --engine flink} through the real command line, on the embedded Flink cluster. */
class BatchFlinkEngineTest {

    @TempDir
    Path tmp;

    @Test
    void should_run_the_batch_as_a_flink_job_on_an_embedded_cluster() throws Exception {
        // given: the seed story and generated wire copy, summarized offline
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<WireCorpus.Item> stories = WireCorpus.generate(10, 21);
        WireCorpus.writeWire(stories, in);
        Files.copy(Path.of("..", "examples", "sana-2024-06-25-lukashenko.ar.txt"), in.resolve("seed.ar.txt"));
        Path out = tmp.resolve("out");
        // when
        CliRunner.Result r = new CliRunner(tmp.resolve("home"))
                .run(
                        "batch",
                        in.toString(),
                        "--out",
                        out.toString(),
                        "--summarize",
                        "--engine",
                        "flink",
                        "--parallelism",
                        "2");
        // then
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.err()).contains("batch finished: " + (stories.size() + 1) + " done", "digest: ");
        List<String> lines = resultLines(out);
        assertThat(lines).hasSize(stories.size() + 1).allMatch(l -> l.contains("\"summary\""));
    }

    @Test
    void should_refuse_what_the_flink_engine_does_not_do() {
        // given
        CliRunner runner = new CliRunner(tmp.resolve("home"));
        String out = tmp.resolve("o").toString();
        // when
        CliRunner.Result scheduled =
                runner.run("batch", tmp.toString(), "--out", out, "--engine", "flink", "--every", "1h");
        CliRunner.Result unknown = runner.run("batch", tmp.toString(), "--out", out, "--engine", "spark");
        CliRunner.Result badAddress = runner.run(
                "batch", tmp.toString(), "--out", out, "--summarize", "--engine", "flink", "--flink-address", "nohost");
        // then
        assertThat(scheduled.code()).isEqualTo(2);
        assertThat(scheduled.err()).contains("--engine flink runs once");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--engine must be local or flink, not 'spark'");
        assertThat(badAddress.code()).isEqualTo(2);
        assertThat(badAddress.err()).contains("--flink-address must be HOST:PORT");
    }

    @Test
    void should_refuse_a_key_written_in_the_configuration_file_which_the_workers_would_not_see() throws Exception {
        // given
        CliRunner runner = new CliRunner(tmp.resolve("home"));
        runner.config("backends:\n  dl:\n    type: deepl\n    api-key: written-7:fx\n");
        // when
        CliRunner.Result r = runner.run(
                "batch",
                tmp.toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--translate-to",
                "en",
                "--translate-backend",
                "dl",
                "--engine",
                "flink");
        // then
        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err()).contains("has its key written in the configuration file", "set DEEPL_AUTH_KEY");
        assertThat(r.all()).doesNotContain("written-7");
    }

    private static List<String> resultLines(Path out) throws IOException {
        try (Stream<Path> parts = Files.list(out.resolve("results"))) {
            return parts.filter(p -> !p.getFileName().toString().startsWith("."))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p, StandardCharsets.UTF_8).stream();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(l -> !l.isBlank())
                    .toList();
        }
    }
}

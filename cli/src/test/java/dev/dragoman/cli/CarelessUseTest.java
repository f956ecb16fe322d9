package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a careless user meets: errors that name the file, and --quiet that is quiet. */
class CarelessUseTest {

    @TempDir
    Path tmp;

    @Test
    void should_name_the_file_when_an_article_has_no_body_text_to_summarize() throws Exception {
        // given an article with a headline and no body
        Path file = tmp.resolve("headline-only.json");
        Files.writeString(
                file,
                "{\"headline\": \"Only a headline\", \"language\": \"en\", \"paragraphs\": []}",
                StandardCharsets.UTF_8);

        // when
        CliRunner.Result r = new CliRunner(tmp.resolve("home")).run("summarize", file.toString());

        // then
        assertThat(r.code()).as(r.all()).isEqualTo(65);
        assertThat(r.err()).contains(file.toString(), "no body text");
    }

    @Test
    void should_print_no_progress_for_a_quiet_batch() throws Exception {
        // given
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("..", "examples", "sana-2024-06-25-lukashenko.ar.txt"), in.resolve("seed.ar.txt"));

        // when
        CliRunner.Result r = new CliRunner(tmp.resolve("home"))
                .run("batch", in.toString(), "--out", tmp.resolve("out").toString(), "--progress", "lines", "-q");

        // then
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.err()).doesNotContain("done    ", "batch finished");
        assertThat(tmp.resolve("out").resolve("articles")).isNotEmptyDirectory();
    }
}

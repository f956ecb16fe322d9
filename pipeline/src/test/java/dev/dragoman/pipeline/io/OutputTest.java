package dev.dragoman.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.write.OutputFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o FILE} and {@code -o DIR}: never half a file, never a good file replaced by a failed run's. */
class OutputTest {

    @TempDir
    Path tmp;

    private final PrintWriter stdout = new PrintWriter(new StringWriter());

    private long strays() throws Exception {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .count();
        }
    }

    @Test
    void should_replace_the_file_only_when_the_run_ends_well() throws Exception {
        // given a good file from an earlier run
        Path file = tmp.resolve("all.jsonl");
        Files.writeString(file, "{\"earlier\":true}\n");
        Output output = Output.choose(stdout, file.toString(), 2, OutputFormat.JSONL, true);

        // when the run writes one document and then fails
        output.write(InputSource.file(tmp.resolve("a.txt")), -1, "", "{\"a\":1}\n");
        String during = Files.readString(file);
        output.finish(false);

        // then the earlier file was never touched, and no temporary file is left
        assertThat(during).isEqualTo("{\"earlier\":true}\n");
        assertThat(Files.readString(file)).isEqualTo("{\"earlier\":true}\n");
        assertThat(strays()).isZero();
    }

    @Test
    void should_write_every_document_at_once_when_the_run_ends_well() throws Exception {
        // given
        Path file = tmp.resolve("all.jsonl");
        Output output = Output.choose(stdout, file.toString(), 2, OutputFormat.JSONL, true);

        // when
        output.write(InputSource.file(tmp.resolve("a.txt")), -1, "", "{\"a\":1}\n");
        output.write(InputSource.file(tmp.resolve("b.txt")), -1, "", "{\"b\":2}\n");
        output.finish(true);

        // then
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
        assertThat(strays()).isZero();
    }

    @Test
    void should_write_directory_files_whole_and_inside_the_directory() throws Exception {
        // given
        Path dir = tmp.resolve("out");
        Output output = Output.choose(stdout, dir + "/", 1, OutputFormat.MD, false);

        // when
        String where = output.write(InputSource.file(tmp.resolve("story.ar.txt")), -1, ".en", "# Story\n");
        output.finish(true);

        // then
        assertThat(Path.of(where)).isEqualTo(dir.resolve("story.ar.en.md").toAbsolutePath());
        assertThat(Files.readString(dir.resolve("story.ar.en.md"))).isEqualTo("# Story\n");
    }
}

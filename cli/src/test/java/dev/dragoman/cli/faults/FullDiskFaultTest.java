package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up part-way through an output file (#14 item 9), made real with the shell's file-size limit
 * ({@code ulimit -f}): past it every write fails with EFBIG ("File too large"), as on a full disk. The JVM ignores
 * SIGXFSZ, so the failure reaches the writer as an {@code IOException}.
 */
@EnabledOnOs(OS.LINUX)
class FullDiskFaultTest {

    @TempDir
    Path dir;

    /** Runs {@code dragoman ARGS} with files limited to 64 KiB; returns the exit code. */
    private int runWithSmallDisk(Path err, String... args) throws Exception {
        StringBuilder command = new StringBuilder("ulimit -f 64; exec '")
                .append(Path.of(System.getProperty("java.home"), "bin", "java"))
                .append("' -XX:-UsePerfData -XX:TieredStopAtLevel=1 -cp '")
                .append(System.getProperty("java.class.path"))
                .append("' dev.dragoman.cli.Main");
        for (String a : args) {
            command.append(" '").append(a).append('\'');
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        pb.environment().put("HOME", dir.resolve("home").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("home/config").toString());
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("home/cache").toString());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return p.exitValue();
    }

    private Path bigArticle(String name) throws Exception {
        StringBuilder paragraphs = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            paragraphs
                    .append(i == 0 ? "" : ",")
                    .append("\"Paragraph ")
                    .append(i)
                    .append(" of a long story.\"");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, "{\"headline\":\"A long story\",\"paragraphs\":[" + paragraphs + "]}");
        return file;
    }

    private List<String> strays(Path in) throws Exception {
        try (Stream<Path> files = Files.list(in)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp") || n.startsWith("."))
                    .toList();
        }
    }

    @Test
    void should_leave_the_earlier_output_file_whole_when_the_disk_fills_while_writing() throws Exception {
        // given an output from an earlier run and an article whose JSON is far past the 64 KiB the disk takes
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Path file = out.resolve("all.json");
        Files.writeString(file, "{\"earlier\":true}\n");
        Path big = bigArticle("big.json");
        Path err = dir.resolve("err.txt");

        // when
        int exit = runWithSmallDisk(err, "parse", big.toString(), "--format", "json", "-o", file.toString());

        // then the run fails in a sentence that names the input and the cause, the earlier file is as it was and
        // no partial or temporary file is left
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(exit).as(stderr).isEqualTo(74);
        assertThat(stderr).contains("big.json").contains("File too large").doesNotContain("\tat ");
        assertThat(Files.readString(file)).isEqualTo("{\"earlier\":true}\n");
        assertThat(strays(out)).isEmpty();
    }

    @Test
    void should_write_no_partial_file_into_an_output_directory_when_the_disk_fills() throws Exception {
        // given
        Path out = dir.resolve("outdir");
        Path big = bigArticle("big.json");
        Path err = dir.resolve("err2.txt");

        // when
        int exit = runWithSmallDisk(err, "parse", big.toString(), "--format", "json", "-o", out + "/");

        // then
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(exit).as(stderr).isEqualTo(74);
        assertThat(stderr).contains("File too large");
        if (Files.isDirectory(out)) {
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("no partial output")
                        .isEmpty();
            }
        }
    }
}

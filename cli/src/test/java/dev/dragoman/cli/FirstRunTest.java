package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.error.RedactingStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new user's very first run: SQLite's native library and third-party traces. */
class FirstRunTest {

    @TempDir
    Path home;

    @Test
    void should_extract_sqlites_native_library_under_dragomans_private_cache_directory() throws Exception {
        // given a fresh JVM (the library loads once per JVM) with an empty cache directory
        Path cache = home.resolve("xdg-cache");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                        javaBin.toString(),
                        // the shared temporary directory is gone (another JVM cleaned it): it must not matter
                        "-Djava.io.tmpdir=" + home.resolve("cleaned-tmp"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "cache",
                        "stats")
                .redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("xdg-config").toString());
        pb.environment().remove("DRAGOMAN_CONFIG");
        // when
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // then
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
        Path nativeDir = cache.resolve("dragoman").resolve("native");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nativeDir)))
                .isEqualTo("rwx------");
    }

    @Test
    void should_cut_a_libraries_stack_trace_to_its_messages_unless_verbose() {
        // given what slf4j-simple prints for a logged exception
        String logged = "[main] ERROR org.sqlite.SQLiteJDBCLoader - Unexpected exception while loading\n"
                + "java.nio.file.NoSuchFileException: /tmp/sqlite-3.50-libsqlitejdbc.so\n"
                + "\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)\n"
                + "\tat org.sqlite.SQLiteJDBCLoader.extractAndLoadLibraryFile(SQLiteJDBCLoader.java:250)\n"
                + "Caused by: java.io.IOException: gone\n"
                + "\t... 43 more\n";
        // when
        String quiet = through(logged, false);
        String verbose = through(logged, true);
        // then
        assertThat(quiet)
                .isEqualTo("[main] ERROR org.sqlite.SQLiteJDBCLoader - Unexpected exception while loading\n"
                        + "java.nio.file.NoSuchFileException: /tmp/sqlite-3.50-libsqlitejdbc.so\n"
                        + "Caused by: java.io.IOException: gone\n");
        assertThat(verbose).isEqualTo(logged);
    }

    private static String through(String text, boolean verbose) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RedactingStream.showTraces(verbose);
        try (PrintStream stream = RedactingStream.over(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            stream.print(text);
        } finally {
            RedactingStream.showTraces(false);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

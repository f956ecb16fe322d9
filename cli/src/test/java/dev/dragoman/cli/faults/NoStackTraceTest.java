package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No stack trace reaches the user: every command, run as a real process (the real logging set-up, third-party
 * libraries' own logging included), on hostile input and broken surroundings, ends with a sentence on stderr — no
 * line starting with "at ", no exception class named, no "Caused by".
 */
class NoStackTraceTest {

    private static final Pattern TRACE_LINE = Pattern.compile("^\\s*(at |Caused by|\\.\\.\\. \\d+ more)");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b");

    @TempDir
    static Path dir;

    static Path binary;
    static Path empty;
    static Path article;
    static Path corruptCache;
    static Path goodConfig;
    static Path brokenYaml;
    static Path badUrlYaml;
    static Path badDataset;
    static int closedPort;

    @BeforeAll
    static void files() throws Exception {
        binary = dir.resolve("photo.txt");
        byte[] noise = new byte[4096];
        new Random(14).nextBytes(noise);
        Files.write(binary, noise);
        empty = Files.writeString(dir.resolve("empty.txt"), "");
        article = Files.writeString(
                dir.resolve("story.txt"),
                "Council meets on energy\n\nDAMASCUS, June 25 (SANA) - The council met on Tuesday to discuss the"
                        + " energy agreement.\n\nIt will meet again next week.\n",
                StandardCharsets.UTF_8);
        corruptCache = dir.resolve("corrupt.db");
        Files.write(corruptCache, noise);
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        goodConfig = Files.writeString(
                dir.resolve("down.yaml"),
                "backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    attempts: 1\n"
                        + "    base-url: http://127.0.0.1:" + closedPort + "/v1\n"
                        + "  dl:\n    type: deepl\n    attempts: 1\n    base-url: http://127.0.0.1:" + closedPort
                        + "\ntranslate:\n  backend: gpt\n  to: en\n");
        brokenYaml = Files.writeString(dir.resolve("broken.yaml"), "backends: [\n  gpt: {type: openai\n");
        badUrlYaml = Files.writeString(
                dir.resolve("bad-url.yaml"),
                "backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    base-url: http://[::1\n");
        badDataset = Files.writeString(
                dir.resolve("dataset.jsonl"),
                "{\"id\": \"a\", \"lang\": \"en\", \"text\": \"Cut off\n{not json at all\n\u0000\n",
                StandardCharsets.UTF_8);
    }

    static Stream<Arguments> runs() {
        String a = "ARTICLE";
        // one of each kind of trouble; the commands' own input errors are covered in-process elsewhere
        return Stream.of(
                Arguments.of(List.of("parse", "BINARY", "EMPTY")),
                Arguments.of(List.of("summarize", a, "--cache-path", "CORRUPT")),
                Arguments.of(List.of("summarize", a, "--cache", "redis", "--cache-url", "redis://127.0.0.1:CLOSED/0")),
                Arguments.of(List.of("translate", a, "--config", "DOWN")),
                Arguments.of(List.of("translate", a, "--config", "BROKEN")),
                Arguments.of(
                        List.of("batch", "BINARY", a, "--out", "DIR/out", "--translate-to", "en", "--config", "DOWN")),
                Arguments.of(List.of("cache", "stats", "--cache", "redis", "--cache-url", "redis://127.0.0.1:CLOSED")),
                Arguments.of(List.of("backends", "--check", "--config", "DOWN")),
                // every other command too: each with the trouble it can meet
                Arguments.of(List.of("detect", "BINARY", "EMPTY")),
                Arguments.of(List.of("summarize", "BINARY", "EMPTY")),
                Arguments.of(List.of("brief", a, "--to", "en", "--config", "DOWN")),
                Arguments.of(List.of("eval", "summarize", "--dataset", "DATASET")),
                Arguments.of(List.of("eval", "summarize", "--dataset", "DIR/missing.jsonl")),
                Arguments.of(List.of("config", "show", "--config", "BADURL")),
                Arguments.of(List.of("config", "show", "--config", "BROKEN")),
                Arguments.of(List.of("config", "init", "--config", "BINARY")),
                Arguments.of(List.of("translate", a, "--config", "BADURL")),
                Arguments.of(List.of("serve", "--config", "BADURL", "--port", "CLOSED")),
                Arguments.of(List.of("serve", "--config", "BROKEN", "--port", "CLOSED")),
                Arguments.of(List.of("completion", "--no-such-option")),
                Arguments.of(List.of("no-such-command", a)));
    }

    @ParameterizedTest(name = "dragoman {0}")
    @MethodSource("runs")
    void should_end_every_failure_in_a_sentence_without_a_stack_trace(List<String> template) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.dragoman.cli.Main"));
        Map<String, String> names = Map.of(
                "BINARY", binary.toString(),
                "EMPTY", empty.toString(),
                "ARTICLE", article.toString(),
                "CORRUPT", corruptCache.toString(),
                "DOWN", goodConfig.toString(),
                "BROKEN", brokenYaml.toString(),
                "BADURL", badUrlYaml.toString(),
                "DATASET", badDataset.toString(),
                "CLOSED", String.valueOf(closedPort),
                "DIR", dir.toString());
        for (String t : template) {
            String arg = t;
            for (Map.Entry<String, String> n : names.entrySet()) {
                arg = arg.replace(n.getKey(), n.getValue());
            }
            command.add(arg);
        }
        Path err = dir.resolve("err-" + System.nanoTime() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        pb.environment().put("HOME", dir.resolve("home").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("home/config").toString());
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("home/cache").toString());
        pb.environment().put("OPENAI_API_KEY", "sk-no-stack-trace-test-123456");
        pb.environment().put("DEEPL_AUTH_KEY", "deepl-no-stack-trace-123456:fx");
        Process p = pb.start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("finished").isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);

        assertThat(stderr.lines().filter(l -> TRACE_LINE.matcher(l).find()))
                .as("stack trace lines in:%n%s", stderr)
                .isEmpty();
        assertThat(stderr.lines().filter(l -> EXCEPTION_NAME.matcher(l).find()))
                .as("exception class names in:%n%s", stderr)
                .isEmpty();
        if (p.exitValue() != 0) {
            assertThat(stderr).as("a failure says what failed").isNotBlank();
        }
    }
}

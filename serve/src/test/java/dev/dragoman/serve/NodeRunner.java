package dev.dragoman.serve;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a node test file of {@code src/test/js} (node's own test runner) against a running server. The tools come from
 * the machine: {@code node}, the packages {@code npm ci --prefix serve/src/test/js} installed, and for the page Debian's
 * {@code chromium}. When one is missing the test is skipped on a developer machine and fails in CI (system property
 * {@code dragoman.ci}, set by the parent pom from {@code CI}), as the Redis harness does.
 */
final class NodeRunner {

    static final Path JS = Path.of("src/test/js");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private NodeRunner() {}

    static void requireTools(boolean browser) {
        List<String> missing = new ArrayList<>();
        if (executable("node") == null) {
            missing.add("node (apt-get install nodejs)");
        }
        if (!Files.isDirectory(JS.resolve("node_modules"))) {
            missing.add("the npm packages (npm ci --prefix serve/src/test/js)");
        }
        if (browser && !Files.isExecutable(CHROMIUM)) {
            missing.add("chromium (apt-get install chromium)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "missing: " + String.join(", ", missing);
        String ci = System.getProperty("dragoman.ci", "");
        if (ci.equalsIgnoreCase("true") || ci.equals("1")) {
            fail(message + " — CI must install them (.ci/run)");
        }
        Assumptions.abort(message);
    }

    /** Runs {@code file} with {@code env}; fails the test with node's output when a node test fails. */
    static String run(String file, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(executable("node").toString(), "--test", "--test-reporter=spec", file)
                .directory(JS.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("dragoman-node-", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("node " + file + " did not finish in 180 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (p.exitValue() != 0) {
            fail("node " + file + " failed (exit " + p.exitValue() + "):\n" + out);
        }
        return out;
    }

    private static Path executable(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}

package dev.dragoman.translate.apertium;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real Apertium APY server (Debian packages {@code apertium-apy} + {@code apertium-eng-spa}) on a free
 * loopback port for a test class, and stops it afterwards. When APY or the pair is not installed the tests are
 * skipped on a developer machine — and FAIL when the environment variable {@code CI} is set, so CI never skips them
 * silently ({@code .ci/run} installs the packages).
 */
public final class ApyServer implements BeforeAllCallback, AfterAllCallback {

    private static final String INSTALL = "apt-get install -y apertium-apy apertium-eng-spa";
    private Process process;
    private int port;

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path apy = onPath("apertium-apy");
        Path modes = modesDir();
        if (apy == null || modes == null) {
            String why = (apy == null ? "apertium-apy is not installed" : "the apertium-eng-spa pair is not installed")
                    + ": " + INSTALL;
            if (onCi()) {
                fail(why + " (CI is set, so this test must not be skipped)");
            }
            Assumptions.abort(why);
        }
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", "apy-" + port + ".log");
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(apy.toString(), "-p", Integer.toString(port), modes.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("apertium-apy exited at start (code " + process.exitValue() + "): see " + log.toAbsolutePath()
                        + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            if (answers()) {
                return;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        fail("apertium-apy did not answer on port " + port + " within 30 s: see " + log.toAbsolutePath());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** CI is set in the environment, or passed by the build as {@code -Ddragoman.ci} (see the parent pom). */
    private static boolean onCi() {
        String env = System.getenv("CI");
        String prop = System.getProperty("dragoman.ci");
        return (env != null && !env.isBlank() && !env.equalsIgnoreCase("false"))
                || (prop != null && !prop.isBlank() && !prop.startsWith("${") && !prop.equalsIgnoreCase("false"));
    }

    private boolean answers() {
        try {
            HttpURLConnection c =
                    (HttpURLConnection) URI.create(url() + "/listPairs").toURL().openConnection();
            c.setConnectTimeout(200);
            c.setReadTimeout(1000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The directory holding {@code spa-eng.mode}: Debian's default, or wherever dpkg says the pair put it. */
    private static Path modesDir() throws IOException, InterruptedException {
        Path debian = Path.of("/usr/share/apertium/modes");
        if (Files.isRegularFile(debian.resolve("spa-eng.mode"))) {
            return debian;
        }
        if (onPath("dpkg") == null) {
            return null;
        }
        Process dpkg = new ProcessBuilder("dpkg", "-L", "apertium-eng-spa")
                .redirectErrorStream(true)
                .start();
        List<String> lines = new String(dpkg.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        dpkg.waitFor();
        return lines.stream()
                .filter(l -> l.endsWith("spa-eng.mode"))
                .map(l -> Path.of(l).getParent())
                .findFirst()
                .orElse(null);
    }
}

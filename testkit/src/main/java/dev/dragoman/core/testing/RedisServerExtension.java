package dev.dragoman.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Starts a real {@code redis-server} for a test class on a free loopback port, with no persistence
 * ({@code --save '' --appendonly no}), and stops it afterwards. Register it as a static field:
 *
 * <pre>{@code @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();}</pre>
 *
 * <p>When {@code redis-server} is not installed, the tests are <b>skipped</b> with a message on a developer machine,
 * and <b>fail</b> in CI: CI is recognized by the system property {@code dragoman.ci} ({@code true} or {@code 1}),
 * which the parent pom's Surefire configuration sets from the {@code CI} environment variable. (The harness does not
 * read the environment itself: the test kit's classes reach the CLI's architecture rule.)
 *
 * <p>{@link #stop()} and {@link #start()} restart the server on the same port, for tests of an outage mid-run.
 * Extra server arguments (e.g. {@code --maxmemory}) can be given to the constructor.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

    private final String executable;
    private final List<String> extraArgs;
    private Path workDir;
    private int port;
    private Process process;

    public RedisServerExtension(String... extraArgs) {
        this("redis-server", List.of(extraArgs));
    }

    private RedisServerExtension(String executable, List<String> extraArgs) {
        this.executable = executable;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /** The same harness running another executable (a path, or a name looked up on the PATH). */
    public RedisServerExtension withExecutable(String command) {
        return new RedisServerExtension(command, extraArgs);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!installed()) {
            String message = "redis-server is not installed (apt-get install -y redis-server); .ci/run installs it";
            if (inCi()) {
                throw new ExtensionConfigurationException(message + " — in CI these tests must run, not skip");
            }
            throw new TestAbortedException(message + " — skipping the Redis tests on this machine");
        }
        workDir = Files.createTempDirectory("dragoman-redis");
        port = freePort();
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        if (workDir != null) {
            try (var files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Starts the server on this extension's port (again, after {@link #stop()}) and waits until it answers PING. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new java.util.ArrayList<>(List.of(
                executable,
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                workDir.toString(),
                "--logfile",
                workDir.resolve("redis.log").toString()));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("redis.out").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!ping()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = Files.exists(workDir.resolve("redis.log"))
                        ? Files.readString(workDir.resolve("redis.log"))
                        : "";
                throw new IllegalStateException("redis-server did not start on port " + port + ": " + log);
            }
            Thread.sleep(20);
        }
    }

    /** Stops the server and waits for it to exit; clients then see connection failures. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** True when the server answers PING. */
    public boolean ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.readNBytes(buf, 0, 7);
            return new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    static boolean inCi() {
        String ci = System.getProperty("dragoman.ci", "");
        return ci.equalsIgnoreCase("true") || ci.equals("1");
    }

    private boolean installed() {
        try {
            Process p = new ProcessBuilder(executable, "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}

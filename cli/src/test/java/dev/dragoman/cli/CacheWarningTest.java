package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache that fails or was repaired is said once on stderr at default verbosity; the run itself goes on. */
class CacheWarningTest {

    private static final String SEED = ParseCommandTest.SEED.toString();
    private static final String DEEPL_KEY = "deepl-test-key-abcdef123456:fx";

    @AutoClose
    private final SimulatedBackend deepl =
            SimulatedBackend.start(SimConfig.defaults().withApiKey(DEEPL_KEY));

    @TempDir
    Path home;

    private CliRunner configured() throws Exception {
        return new CliRunner(home)
                .env("DEEPL_AUTH_KEY", DEEPL_KEY)
                .config("backends:\n" + CliRunner.deeplAt("dl", deepl) + "translate:\n  backend: dl\n  to: en\n");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long lines(String text, String start) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(start)).count();
    }

    @Test
    void should_say_once_that_redis_is_down_and_still_translate() throws Exception {
        // when
        CliRunner.Result r = configured()
                .run("translate", SEED, "--cache", "redis", "--cache-url", "redis://127.0.0.1:" + closedPort() + "/0");
        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isNotBlank();
        assertThat(lines(r.err(), "Warning: the cache failed (")).as(r.err()).isEqualTo(1);
        assertThat(r.err())
                .contains("going on without it")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void should_say_that_a_corrupt_sqlite_cache_was_moved_aside() throws Exception {
        // given: a cache file that is not a database
        Path db = home.resolve("cache.db");
        byte[] garbage = new byte[16384];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(db, garbage);
        // when
        CliRunner.Result r = configured().run("translate", SEED, "--cache-path", db.toString());
        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(lines(r.err(), "Warning: the cache file ")).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("moved aside").doesNotContain("Exception");
    }

    @Test
    void should_keep_quiet_about_the_cache_with_quiet() throws Exception {
        CliRunner.Result r = configured()
                .run(
                        "translate",
                        SEED,
                        "-q",
                        "--cache",
                        "redis",
                        "--cache-url",
                        "redis://127.0.0.1:" + closedPort() + "/0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("cache");
    }
}

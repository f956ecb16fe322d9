package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheCommandTest {

    private final SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults());

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        sim.close();
    }

    private CliRunner cli() throws Exception {
        CliRunner cli = new CliRunner(home).env("OPENAI_API_KEY", "sk-cache-test-123456");
        cli.config("backends:\n  gpt:\n    type: openai\n    base-url: " + sim.openAiBaseUrl()
                + "\ntranslate:\n  backend: gpt\n");
        return cli;
    }

    @Test
    void should_report_path_stats_and_clear_entries_by_backend() throws Exception {
        // given
        CliRunner cli = cli();
        assertThat(cli.run("translate", ParseCommandTest.SEED.toString(), "--to", "en")
                        .code())
                .isZero();
        // when
        CliRunner.Result path = cli.run("cache", "path");
        CliRunner.Result stats = cli.run("cache", "stats", "--json");
        CliRunner.Result clearOther = cli.run("cache", "clear", "--backend", "deepl");
        CliRunner.Result clear = cli.run("cache", "clear", "--backend", "openai");
        CliRunner.Result after = cli.run("cache", "stats");
        // then
        assertThat(path.out().strip())
                .isEqualTo(home.resolve("cache/dragoman/cache.db").toString());
        JsonNode json = Json.mapper().readTree(stats.out());
        long entries = json.get("entries").asLong();
        assertThat(entries).isPositive();
        assertThat(json.get("backends").get(0).get("backend").asText()).isEqualTo("openai");
        assertThat(clearOther.out()).startsWith("Removed 0 entries");
        assertThat(clear.out())
                .startsWith("Removed " + entries + " entries from " + home.resolve("cache/dragoman/cache.db"));
        assertThat(after.out()).contains("Entries:  0");
    }

    @Test
    void should_count_each_miss_once_and_report_what_a_warm_run_saved() throws Exception {
        // given: a cold run (every segment a miss), then a warm run (every segment a hit)
        CliRunner cli = cli();
        assertThat(cli.run("translate", ParseCommandTest.SEED.toString(), "--to", "en")
                        .code())
                .isZero();
        long entries = Json.mapper()
                .readTree(cli.run("cache", "stats", "--json").out())
                .get("entries")
                .asLong();
        int sent = sim.stats().ok();
        assertThat(cli.run("translate", ParseCommandTest.SEED.toString(), "--to", "en")
                        .code())
                .isZero();
        // when
        JsonNode stats =
                Json.mapper().readTree(cli.run("cache", "stats", "--json").out());
        // then: one miss per stored segment, one hit per segment of the warm run, and the requests it avoided
        assertThat(sim.stats().ok()).as("the warm run sent nothing").isEqualTo(sent);
        assertThat(stats.get("misses").asLong()).isEqualTo(entries);
        assertThat(stats.get("hits").asLong()).isEqualTo(entries);
        assertThat(stats.get("saved").get("requests").asLong()).isPositive();
    }

    @Test
    void should_print_a_redis_address_without_its_password() throws Exception {
        CliRunner.Result r = new CliRunner(home)
                .run(
                        "cache",
                        "path",
                        "--cache",
                        "redis",
                        "--cache-url",
                        "redis://:s3cret-pass-word@cache.example:6390/2");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("redis://cache.example:6390/2").doesNotContain("s3cret");
        CliRunner.Result none =
                new CliRunner(home).env("DRAGOMAN_CACHE_STORE", "none").run("cache", "path");
        assertThat(none.out()).startsWith("none");
        CliRunner.Result noUrl = new CliRunner(home).run("cache", "path", "--cache", "redis");
        assertThat(noUrl.code()).isEqualTo(78);
        assertThat(noUrl.err()).contains("cache URL is missing");
    }
}

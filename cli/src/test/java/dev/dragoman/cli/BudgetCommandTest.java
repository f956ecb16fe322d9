package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --max-cost} and {@code budget:}: a run stops before its cap, says so, keeps what it finished (exit 4). */
class BudgetCommandTest {

    private static final String SEED = ParseCommandTest.SEED.toString();
    private static final String DEEPL_KEY = "deepl-budget-key-abcdef:fx";

    private final SimulatedBackend deepl =
            SimulatedBackend.start(SimConfig.defaults().withApiKey(DEEPL_KEY));

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        deepl.close();
    }

    private CliRunner configured(String extra) throws Exception {
        CliRunner cli = new CliRunner(home).env("DEEPL_AUTH_KEY", DEEPL_KEY);
        Files.createDirectories(cli.configFile().getParent());
        Files.writeString(
                cli.configFile(),
                "backends:\n  dl:\n    type: deepl\n    base-url: " + deepl.baseUrl() + "\n"
                        + "translate:\n  backend: dl\n  to: en\n" + extra,
                StandardCharsets.UTF_8);
        return cli;
    }

    @Test
    void should_stop_a_translation_before_the_budget_is_crossed_and_say_so() throws Exception {
        // given a budget below the price of the headline alone
        CliRunner cli = configured("");

        // when
        CliRunner.Result r = cli.run("translate", SEED, "--max-cost", "0.0001", "--format", "json");

        // then nothing was sent
        assertThat(r.code()).as(r.err()).isEqualTo(4);
        assertThat(r.err())
                .contains("stopped at the budget of $0.0001")
                .contains("nothing over the budget was sent")
                .contains("larger --max-cost");
        assertThat(deepl.stats().requests()).isZero();
    }

    @Test
    void should_stop_a_batch_at_the_configured_budget_list_the_rest_and_go_on_with_a_larger_one() throws Exception {
        // given the budget in the file: room for some articles, not all
        Path wire = Files.createDirectories(home.resolve("wire"));
        Files.copy(ParseCommandTest.SEED, wire.resolve("sana.txt"));
        WireCorpus.writeWire(WireCorpus.generate(6, 3), wire);
        Path out = home.resolve("news");
        CliRunner cli = configured("budget: 0.05\n");

        // when
        CliRunner.Result stopped = cli.run("batch", wire.toString(), "--out", out.toString(), "--translate-to", "en");
        int sentBefore = deepl.stats().requests();
        String failures = Files.readString(out.resolve("failures.jsonl"), StandardCharsets.UTF_8);
        CliRunner.Result resumed =
                cli.run("batch", wire.toString(), "--out", out.toString(), "--translate-to", "en", "--max-cost", "5");

        // then
        assertThat(stopped.code()).as(stopped.err()).isEqualTo(4);
        assertThat(stopped.err()).contains("budget: $0.0").contains("of $0.05 spent");
        assertThat(sentBefore).isPositive();
        assertThat(failures).contains("stopped at the budget of $0.05").contains("not attempted");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("of $5.00 spent");
    }

    @Test
    void should_refuse_a_budget_that_is_not_an_amount_of_dollars() throws Exception {
        // when
        CliRunner.Result r = configured("").run("translate", SEED, "--max-cost", "five");
        CliRunner.Result file = configured("budget: -3\n").run("translate", SEED);

        // then
        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err()).contains("'five' is not a positive amount of US dollars");
        assertThat(file.code()).isEqualTo(78);
        assertThat(file.err()).contains("line 8").contains("'-3' is not a positive amount of US dollars");
        assertThat(deepl.stats().requests()).isZero();
    }

    @Test
    void should_estimate_a_brief_and_keep_it_within_its_budget() throws Exception {
        // given
        CliRunner cli = configured("");

        // when
        CliRunner.Result estimate = cli.run("brief", SEED, "--to", "en", "--estimate", "--format", "json");
        CliRunner.Result capped = cli.run("brief", SEED, "--to", "en", "--max-cost", "0.0001");
        int sentWhileCapped = deepl.stats().requests();
        CliRunner.Result run = cli.run("brief", SEED, "--to", "en", "--max-cost", "1");

        // then the estimate counted the characters the brief then sent, and the cap stopped the first run unsent
        assertThat(estimate.code()).as(estimate.err()).isZero();
        assertThat(capped.code()).as(capped.err()).isEqualTo(4);
        assertThat(sentWhileCapped).isZero();
        assertThat(run.code()).as(run.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode rows =
                dev.dragoman.core.json.Json.mapper().readTree(estimate.out());
        long characters = rows.get(0).get("characters").asLong();
        assertThat(characters).isPositive();
        assertThat(run.err()).contains("sent " + characters + " of").contains("of $1.00 spent");
    }
}

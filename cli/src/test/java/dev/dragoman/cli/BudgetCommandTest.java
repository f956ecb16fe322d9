package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --max-cost} and {@code budget:}: a run stops before its cap, says so, keeps what it finished (exit 4). */
class BudgetCommandTest {

    private static final String SEED = ParseCommandTest.SEED.toString();
    private static final String DEEPL_KEY = "deepl-budget-key-abcdef:fx";

    @AutoClose
    private final SimulatedBackend deepl =
            SimulatedBackend.start(SimConfig.defaults().withApiKey(DEEPL_KEY));

    @TempDir
    Path home;

    private CliRunner configured(String extra) throws Exception {
        return new CliRunner(home)
                .env("DEEPL_AUTH_KEY", DEEPL_KEY)
                .config("backends:\n" + CliRunner.deeplAt("dl", deepl) + "translate:\n  backend: dl\n  to: en\n"
                        + extra);
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
    void should_refuse_a_max_cost_flag_that_is_not_an_amount_of_dollars_as_a_usage_error() throws Exception {
        // given
        CliRunner cli = configured("");

        // when
        CliRunner.Result word = cli.run("translate", SEED, "--max-cost", "abc");
        CliRunner.Result negative = cli.run("translate", SEED, "--max-cost", "-1");
        CliRunner.Result zero =
                cli.run("batch", SEED, "--out", home.resolve("o").toString(), "--max-cost", "0");

        // then exit 2 (usage), naming the option and the value, before anything is sent
        assertThat(word.code()).as(word.err()).isEqualTo(2);
        assertThat(word.err()).contains("--max-cost").contains("'abc' is not a positive amount of US dollars");
        assertThat(negative.code()).as(negative.err()).isEqualTo(2);
        assertThat(negative.err()).contains("--max-cost").contains("'-1' is not a positive amount of US dollars");
        assertThat(zero.code()).as(zero.err()).isEqualTo(2);
        assertThat(zero.err()).contains("'0' is not a positive amount of US dollars");
        assertThat(deepl.stats().requests()).isZero();
    }

    @Test
    void should_refuse_a_configured_budget_that_is_not_an_amount_of_dollars_as_a_configuration_error()
            throws Exception {
        // when
        CliRunner.Result file = configured("budget: -3\n").run("translate", SEED);
        CliRunner.Result env = configured("").env("DRAGOMAN_BUDGET", "five").run("translate", SEED);

        // then exit 78 (configuration), naming where the value came from
        assertThat(file.code()).as(file.err()).isEqualTo(78);
        assertThat(file.err()).contains("line 8").contains("'-3' is not a positive amount of US dollars");
        assertThat(env.code()).as(env.err()).isEqualTo(78);
        assertThat(env.err()).contains("DRAGOMAN_BUDGET").contains("'five' is not a positive amount of US dollars");
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

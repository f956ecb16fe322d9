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

/** {@code translate --estimate} and {@code summarize --estimate}: the batch's estimate for one-off commands. */
class EstimateCommandTest {

    private static final String SEED = ParseCommandTest.SEED.toString();
    private static final String OPENAI_KEY = "sk-estimate-cli-0123456789";

    private final SimulatedBackend openai =
            SimulatedBackend.start(SimConfig.defaults().withApiKey(OPENAI_KEY));

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        openai.close();
    }

    private CliRunner configured(String model, String extra) throws Exception {
        CliRunner cli = new CliRunner(home).env("OPENAI_API_KEY", OPENAI_KEY);
        cli.config("backends:\n"
                + "  gpt:\n    type: openai\n    model: " + model + "\n    base-url: "
                + openai.openAiBaseUrl() + "\n"
                + "translate:\n  backend: gpt\n  to: en\n"
                + extra);
        return cli;
    }

    private static JsonNode row(CliRunner.Result r, String role) throws Exception {
        for (JsonNode row : Json.mapper().readTree(r.out())) {
            if (row.get("role").asText().equals(role)) {
                return row;
            }
        }
        throw new AssertionError("no row " + role + " in " + r.out());
    }

    @Test
    void should_estimate_a_translation_without_calling_the_backend_and_nothing_once_it_is_cached() throws Exception {
        // given
        CliRunner cli = configured("gpt-4o-mini", "");

        // when
        CliRunner.Result before = cli.run("translate", SEED, "--estimate", "--format", "json");
        int requestsAfterEstimate = openai.stats().requests();
        CliRunner.Result run = cli.run("translate", SEED, "--format", "json");
        CliRunner.Result after = cli.run("translate", SEED, "--estimate", "--format", "json");

        // then the estimate sent nothing and counted the requests the run then made
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(requestsAfterEstimate).isZero();
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode translate = row(before, "translate");
        assertThat(translate.get("backend").asText()).isEqualTo("gpt");
        assertThat(translate.get("tokenizer").asText()).isEqualTo("o200k_base");
        assertThat(translate.get("requests").asLong()).isEqualTo(openai.stats().requests());
        assertThat(translate.get("liveUsd").asDouble()).isPositive();
        assertThat(row(after, "translate").get("requests").asLong()).isZero();
        assertThat(row(after, "total").get("liveUsd").asDouble()).isZero();
    }

    @Test
    void should_price_a_model_missing_from_the_table_from_the_configurations_prices() throws Exception {
        // given a model the shipped table does not know
        CliRunner unpriced = configured("gpt-sim", "");
        CliRunner.Result without = unpriced.run("translate", SEED, "--estimate", "--format", "json");
        CliRunner priced = configured(
                "gpt-sim", "prices:\n  gpt-sim: { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 }\n");

        // when
        CliRunner.Result with = priced.run("translate", SEED, "--estimate", "--format", "json");

        // then
        assertThat(without.code()).as(without.err()).isZero();
        assertThat(row(without, "translate").get("liveUsd").isNull()).isTrue();
        assertThat(without.err()).contains("no price for some backend").contains("'prices:'");
        assertThat(with.code()).as(with.err()).isZero();
        JsonNode t = row(with, "translate");
        double expected =
                t.get("inputTokens").asLong() * 0.000001 + t.get("outputTokens").asLong() * 0.000002;
        assertThat(t.get("liveUsd").asDouble()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(with.err()).doesNotContain("no price");
        assertThat(openai.stats().requests()).isZero();
    }

    @Test
    void should_estimate_an_llm_summary_without_calling_the_backend() throws Exception {
        // given
        CliRunner cli = configured("gpt-4o-mini", "");

        // when
        CliRunner.Result r = cli.run("summarize", SEED, "--backend", "gpt", "--lang", "en", "--estimate");

        // then a table with the summary's tokens, and nothing sent
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("summarize")
                .contains("gpt")
                .contains("gpt-4o-mini")
                .contains("total");
        assertThat(openai.stats().requests()).isZero();
    }
}

package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fallback:} end to end: DeepL's quota runs out (the simulator answers 456), gpt takes over, outputs say so. */
class FallbackCommandTest {

    private static final String SEED = ParseCommandTest.SEED.toString();
    private static final String OPENAI_KEY = "sk-fallback-cli-0123456789";
    private static final String DEEPL_KEY = "deepl-fallback-cli-abcdef:fx";

    private final SimulatedBackend deepl =
            SimulatedBackend.start(SimConfig.defaults().withApiKey(DEEPL_KEY).withQuotaCharacters(0));
    private final SimulatedBackend openai =
            SimulatedBackend.start(SimConfig.defaults().withApiKey(OPENAI_KEY));

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        deepl.close();
        openai.close();
    }

    private CliRunner configured() throws Exception {
        return configured(deepl);
    }

    private CliRunner configured(SimulatedBackend deeplAccount) throws Exception {
        CliRunner cli = new CliRunner(home).env("OPENAI_API_KEY", OPENAI_KEY).env("DEEPL_AUTH_KEY", DEEPL_KEY);
        Files.createDirectories(cli.configFile().getParent());
        Files.writeString(
                cli.configFile(),
                "backends:\n"
                        + "  dl:\n    type: deepl\n    base-url: " + deeplAccount.baseUrl() + "\n    fallback: gpt\n"
                        + "  gpt:\n    type: openai\n    model: gpt-sim\n    base-url: " + openai.openAiBaseUrl() + "\n"
                        + "translate:\n  backend: dl\n  to: en\n",
                StandardCharsets.UTF_8);
        return cli;
    }

    @Test
    void should_translate_with_the_fallback_when_deepl_is_out_of_quota_and_say_so_in_the_output() throws Exception {
        // when
        CliRunner.Result r = configured().run("translate", SEED);

        // then gpt translated it, and the output itself says which parts came from the fallback and why
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(deepl.stats().requests()).isEqualTo(1); // asked once, not again once its quota is known gone
        assertThat(openai.stats().requests()).isPositive();
        assertThat(r.out())
                .contains("Warning: headline: translated by fallback backend 'gpt' (openai, gpt-sim): 'dl' (deepl)"
                        + " has used up its quota");
        assertThat(r.err()).contains("translated by fallback backend 'gpt'");
    }

    @Test
    void should_finish_a_batch_with_the_fallback_and_keep_it_in_each_articles_provenance() throws Exception {
        // given
        Path wire = Files.createDirectories(home.resolve("wire"));
        Files.copy(ParseCommandTest.SEED, wire.resolve("sana.txt"));
        Path out = home.resolve("news");

        // when
        CliRunner.Result r =
                configured().run("batch", wire.toString(), "--out", out.toString(), "--translate-to", "en");

        // then the item is done (a fallback's translation is not a flagged one), and says where it came from
        assertThat(r.code()).as(r.err()).isZero();
        String article;
        try (var files = Files.list(out.resolve("articles"))) {
            Path json = files.filter(p -> p.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
            article = Files.readString(json, StandardCharsets.UTF_8);
        }
        assertThat(article).contains("translation: headline: translated by fallback backend 'gpt'");
    }

    @Test
    void should_show_the_chain_in_config_show() throws Exception {
        // when
        CliRunner.Result r = configured().run("config", "show");

        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("dl: type deepl").contains("fallback gpt");
    }

    @Test
    void should_show_the_chain_a_fallbacks_own_fallback_adds_in_config_show() throws Exception {
        // given gpt falls back to the extractive summarizer (its summaries)
        CliRunner cli = configured();
        Files.writeString(
                cli.configFile(),
                Files.readString(cli.configFile())
                        .replace("model: gpt-sim\n", "model: gpt-sim\n    fallback: extractive\n"));

        // when
        CliRunner.Result r = cli.run("config", "show");

        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("fallback gpt (then extractive)");
    }

    private static String article(Path out) throws Exception {
        try (var files = Files.list(out.resolve("articles"))) {
            Path json = files.filter(p -> p.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
            return Files.readString(json, StandardCharsets.UTF_8);
        }
    }

    @Test
    void should_redo_an_item_a_fallback_translated_once_deepl_has_quota_again_and_only_then() throws Exception {
        // given a batch finished by gpt while DeepL was out of quota
        Path wire = Files.createDirectories(home.resolve("wire"));
        Files.copy(ParseCommandTest.SEED, wire.resolve("sana.txt"));
        Path out = home.resolve("news");
        String[] batch = {"batch", wire.toString(), "--out", out.toString(), "--translate-to", "en"};
        assertThat(configured().run(batch).code()).isZero();
        int gptRequests = openai.stats().requests();

        // when the next run finds DeepL still out of quota
        CliRunner.Result stillOut = configured().run(batch);

        // then the item was tried again — DeepL asked once — and gpt's cached answers served it: nothing paid twice
        assertThat(stillOut.code()).as(stillOut.err()).isZero();
        assertThat(deepl.stats().requests()).isEqualTo(2);
        assertThat(openai.stats().requests()).isEqualTo(gptRequests);
        assertThat(article(out)).contains("translated by fallback backend 'gpt'");

        // when DeepL has quota again (the same account, refilled: a new simulated server)
        try (SimulatedBackend refilled =
                SimulatedBackend.start(SimConfig.defaults().withApiKey(DEEPL_KEY))) {
            CliRunner.Result back = configured(refilled).run(batch);

            // then DeepL translated the item, and its output no longer says a fallback did
            assertThat(back.code()).as(back.err()).isZero();
            int deeplRequests = refilled.stats().requests();
            assertThat(deeplRequests).isPositive();
            assertThat(article(out)).doesNotContain("translated by fallback");

            // and the run after that takes it as finished
            CliRunner.Result after = configured(refilled).run(batch);
            assertThat(after.code()).as(after.err()).isZero();
            assertThat(refilled.stats().requests()).isEqualTo(deeplRequests);
        }
        assertThat(openai.stats().requests()).isEqualTo(gptRequests);
    }
}

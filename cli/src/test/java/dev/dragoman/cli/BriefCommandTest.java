package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimTranslation;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BriefCommandTest {

    private static final String SEED = ParseCommandTest.SEED.toString();

    private final SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults());

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void should_brief_in_the_articles_own_language_without_any_configuration() {
        // when
        CliRunner.Result r = new CliRunner(home).run("brief", SEED, "--to", "ar", "-n", "1");
        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("أكد الرئيس البيلاروسي ألكسندر لوكاشينكو");
        assertThat(r.err()).containsPattern("sent 0 of \\d+ characters to translation");
    }

    @Test
    void should_brief_in_the_articles_own_language_after_config_init_without_the_backends_key() {
        // given: the starter file names an openai backend, and OPENAI_API_KEY is not set
        CliRunner cli = new CliRunner(home);
        assertThat(cli.run("config", "init").code()).isZero();
        // when
        CliRunner.Result same = cli.run("brief", SEED, "--to", "ar", "-n", "1");
        CliRunner.Result other = cli.run("brief", SEED, "--to", "en", "-n", "1");
        // then: the key is asked for only when a translation is needed
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).startsWith("أكد الرئيس البيلاروسي ألكسندر لوكاشينكو");
        assertThat(other.code()).isEqualTo(78);
        assertThat(other.err()).contains("needs an API key: export OPENAI_API_KEY=");
    }

    @Test
    void should_explain_how_to_configure_a_backend_when_a_brief_needs_translating() {
        CliRunner.Result r = new CliRunner(home).run("brief", SEED, "--to", "en");
        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err())
                .contains("This brief needs translating into en, and no translation backend is configured")
                .contains("export OPENAI_API_KEY=");
    }

    @Test
    void should_translate_only_the_chosen_sentences() throws Exception {
        // given
        CliRunner cli = new CliRunner(home).env("OPENAI_API_KEY", "sk-brief-test-777777");
        cli.config("backends:\n  gpt:\n    type: openai\n    base-url: " + sim.openAiBaseUrl()
                + "\ntranslate:\n  backend: gpt\n");
        // when
        CliRunner.Result r = cli.run("brief", SEED, "--to", "en", "-n", "1", "--no-cache");
        // then
        assertThat(r.code()).as(r.err()).isZero();
        String lead = "أكد الرئيس البيلاروسي ألكسندر لوكاشينكو أن لدى روسيا وبيلاروس مواقف مشتركة بشأن جميع القضايا، "
                + "ويمكن لموسكو دائماً الاعتماد على دعم مينسك في المنابر الدولية.";
        assertThat(r.out().strip()).isEqualTo(SimTranslation.translate(lead, "en"));
        assertThat(r.err())
                .containsPattern("sent \\d+ of \\d+ characters to translation \\(\\d+% of the whole article\\)");
        // the usage line: what translating the chosen sentences spent (one request for the one sentence)
        assertThat(r.err()).containsPattern("gpt \\(openai\\): 1 request, \\d+ input \\+ \\d+ output tokens; cache: ");
        assertThat(sim.sentSegments()).containsOnlyKeys(lead);
    }
}

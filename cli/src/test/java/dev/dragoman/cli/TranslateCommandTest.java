package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimTranslation;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.write.MarkdownArticleWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslateCommandTest {

    private static final String SEED = ParseCommandTest.SEED.toString();
    private static final String HEADLINE = ParseCommandTest.HEADLINE;
    private static final String OPENAI_KEY = "sk-translate-test-0123456789";
    private static final String DEEPL_KEY = "deepl-test-key-abcdef123456:fx";

    @AutoClose
    private final SimulatedBackend openai =
            SimulatedBackend.start(SimConfig.defaults().withApiKey(OPENAI_KEY));

    @AutoClose
    private final SimulatedBackend deepl =
            SimulatedBackend.start(SimConfig.defaults().withApiKey(DEEPL_KEY));

    @TempDir
    Path home;

    private CliRunner configured() throws Exception {
        return new CliRunner(home)
                .env("OPENAI_API_KEY", OPENAI_KEY)
                .env("DEEPL_AUTH_KEY", DEEPL_KEY)
                .config("backends:\n" + CliRunner.openAiAt("gpt", "gpt-sim", openai) + CliRunner.deeplAt("dl", deepl)
                        + "translate:\n  backend: gpt\n  to: en\n");
    }

    @Test
    void should_explain_how_to_configure_a_backend_when_there_is_none() {
        // when
        CliRunner.Result r = new CliRunner(home).run("translate", SEED, "--to", "en");
        // then
        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err())
                .startsWith("dragoman: No translation backend is configured. Add one to "
                        + home.resolve("config/dragoman/config.yaml"))
                .contains("backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\ntranslate:\n  backend: gpt")
                .contains("export OPENAI_API_KEY=")
                .contains("dragoman config init");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void should_translate_every_part_through_an_llm_and_serve_a_rerun_from_the_cache() throws Exception {
        // given
        CliRunner cli = configured();
        // when
        CliRunner.Result first = cli.run("translate", SEED, "--format", "json");
        int requestsAfterFirst = openai.stats().requests();
        CliRunner.Result second = cli.run("translate", SEED, "--format", "json");
        // then
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode json = Json.mapper().readTree(first.out());
        assertThat(json.get("language").asText()).isEqualTo("en");
        assertThat(json.get("headline").asText()).isEqualTo(SimTranslation.translate(HEADLINE, "en"));
        assertThat(json.get("paragraphs")).hasSize(5);
        assertThat(json.get("related").get(0).get("paragraphs")).hasSize(5);
        assertThat(json.get("provenance").get("backend").asText()).isEqualTo("openai");
        assertThat(json.get("provenance").get("target").asText()).isEqualTo("en");
        assertThat(requestsAfterFirst).isPositive();
        assertThat(second.code()).isZero();
        assertThat(openai.stats().requests()).isEqualTo(requestsAfterFirst);
        assertThat(Json.mapper().readTree(second.out()).get("headline")).isEqualTo(json.get("headline"));
        assertThat(second.err())
                .contains("gpt (openai): 0 requests")
                .containsPattern("cache: [1-9]\\d* hits, 0 misses");
        assertThat(Files.exists(home.resolve("cache/dragoman/cache.db"))).isTrue();
    }

    @Test
    void should_let_a_flag_beat_the_environment_beat_the_file_for_the_backend() throws Exception {
        // given: the file says gpt, the environment says dl
        CliRunner cli = configured().env("DRAGOMAN_TRANSLATE_BACKEND", "dl");
        // when
        CliRunner.Result fromEnv = cli.run("translate", SEED, "-f", "json", "--no-cache");
        CliRunner.Result fromFlag = cli.run("translate", SEED, "-f", "json", "--no-cache", "--backend", "gpt");
        // then
        assertThat(fromEnv.code()).as(fromEnv.err()).isZero();
        assertThat(Json.mapper()
                        .readTree(fromEnv.out())
                        .get("provenance")
                        .get("backend")
                        .asText())
                .isEqualTo("deepl");
        assertThat(Json.mapper()
                        .readTree(fromFlag.out())
                        .get("provenance")
                        .get("backend")
                        .asText())
                .isEqualTo("openai");
        assertThat(deepl.stats().requests()).isPositive();
    }

    @Test
    void should_write_a_bilingual_table_paragraph_by_paragraph() throws Exception {
        // when
        CliRunner.Result md = configured().run("translate", SEED, "--bilingual", "--no-cache");
        CliRunner.Result html = configured().run("translate", SEED, "--bilingual", "-f", "html", "--cache", "memory");
        // then
        assertThat(md.code()).isZero();
        assertThat(md.out())
                .startsWith("| Arabic | English |\n|---|---|\n")
                .contains("| **" + HEADLINE + "** | **"
                        + MarkdownArticleWriter.escape(SimTranslation.translate(HEADLINE, "en")) + "** |");
        assertThat(html.out()).contains("<td lang=\"ar\" dir=\"rtl\">").contains("<td lang=\"en\" dir=\"ltr\">");
        assertThat(configured()
                        .run("translate", SEED, "--bilingual", "-f", "json")
                        .code())
                .isEqualTo(2);
    }

    @Test
    void should_never_print_or_log_a_key_even_when_the_backend_rejects_it() throws Exception {
        // given: a wrong key that the server echoes nowhere, and a right key elsewhere in the environment
        String wrongKey = "sk-wrong-key-should-never-appear-42";
        CliRunner cli = configured().env("OPENAI_API_KEY", wrongKey);
        PrintStream realErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        CliRunner.Result r;
        try {
            // when
            r = cli.run("translate", SEED, "--no-cache", "--verbose");
        } finally {
            System.setErr(realErr);
        }
        // then
        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err()).contains("OPENAI_API_KEY");
        String everything = r.all() + logs.toString(StandardCharsets.UTF_8);
        assertThat(everything)
                .doesNotContain(wrongKey)
                .doesNotContain(DEEPL_KEY)
                .doesNotContain(OPENAI_KEY);
    }

    @Test
    void should_say_which_variable_holds_the_missing_key() throws Exception {
        CliRunner cli = new CliRunner(home);
        CliRunner.Result r = cli.run("translate", SEED, "--backend", "deepl");
        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err()).contains("Backend 'deepl' (deepl) needs an API key: export DEEPL_AUTH_KEY=…");
    }

    @Test
    void should_point_at_the_file_when_a_configured_backend_misses_its_key() throws Exception {
        // given
        CliRunner cli = new CliRunner(home);
        cli.config("backends:\n  work:\n    type: deepl\n    api-key-env: WORK_DEEPL_KEY\n");
        // when
        CliRunner.Result r = cli.run("translate", SEED, "--backend", "work");
        // then
        assertThat(r.code()).isEqualTo(78);
        assertThat(r.err())
                .contains("Backend 'work' (" + cli.configFile() + " line 2, type deepl) needs an API key: export "
                        + "WORK_DEEPL_KEY=…, or set 'api-key-env' in " + cli.configFile());
    }

    @Test
    void should_refuse_an_unknown_language_at_once_and_take_a_languages_name() throws Exception {
        // given
        CliRunner cli = configured();
        // when
        CliRunner.Result klingon = cli.run("translate", SEED, "--to", "klingon", "--no-cache");
        CliRunner.Result typo = cli.run("translate", SEED, "--to", "englsh", "--no-cache");
        CliRunner.Result byName = cli.run("translate", SEED, "--to", "english", "-f", "json", "--no-cache");
        CliRunner.Result deepL = cli.run("translate", SEED, "--to", "sw", "--backend", "dl", "--no-cache");
        // then: usage errors before any request; a name becomes its tag
        assertThat(klingon.code()).isEqualTo(2);
        assertThat(klingon.err()).contains("--to", "'klingon' is not a language");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("did you mean English?");
        assertThat(deepL.code()).isEqualTo(2);
        assertThat(deepL.err()).contains("backend 'dl' (deepl) does not translate into Swahili (sw)");
        assertThat(deepl.stats().requests()).isZero();
        assertThat(byName.code()).as(byName.err()).isZero();
        assertThat(Json.mapper().readTree(byName.out()).get("language").asText())
                .isEqualTo("en");
        assertThat(openai.stats().requests()).isPositive();
    }

    @Test
    void should_write_one_file_per_input_named_with_the_target_language() throws Exception {
        // given
        Path in = home.resolve("in");
        Files.createDirectories(in);
        Files.copy(ParseCommandTest.SEED, in.resolve("a.txt"));
        Files.copy(ParseCommandTest.SEED, in.resolve("b.txt"));
        // when
        CliRunner.Result r =
                configured().run("translate", in.toString(), "-o", home.resolve("out") + "/", "-f", "md", "--to", "fr");
        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(home.resolve("out/a.fr.md")))
                .startsWith("# " + MarkdownArticleWriter.escape(SimTranslation.translate(HEADLINE, "fr")));
        assertThat(home.resolve("out/b.fr.md")).exists();
    }

    @Test
    void should_name_the_file_and_line_of_an_unreachable_base_url() throws Exception {
        // given: a port nothing listens on
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRunner cli = new CliRunner(home);
        cli.config("backends:\n  local:\n    type: ollama\n    base-url: http://127.0.0.1:" + port
                + "\n    attempts: 1\n");
        // when
        CliRunner.Result r = cli.run("translate", SEED, "--backend", "local", "--no-cache");
        // then
        assertThat(r.code())
                .as("a local server that is down is unavailable, not a configuration error")
                .isEqualTo(69);
        assertThat(r.err())
                .contains("Cannot reach http://127.0.0.1:" + port + ", the base-url of backend 'local' ("
                        + cli.configFile() + " line 2)");
    }
}

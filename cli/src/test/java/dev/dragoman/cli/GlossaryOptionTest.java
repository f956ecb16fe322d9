package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One glossary, from the file's {@code glossary:} key or {@code --glossary}, for translate, brief and batch. */
class GlossaryOptionTest {

    private static final String SEED = ParseCommandTest.SEED.toString();

    private final SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults());

    @TempDir
    Path dir;

    private CliRunner cli;
    private Path configured;
    private Path flagged;

    @BeforeEach
    void configure() throws Exception {
        cli = new CliRunner(dir.resolve("home")).env("OPENAI_API_KEY", "sk-glossary-test-000000");
        configured = Files.writeString(dir.resolve("configured.csv"), "لوكاشينكو,Lukashenko\n");
        flagged = Files.writeString(dir.resolve("flagged.yaml"), "terms:\n  لوكاشينكو: Loukachenko\n");
        cli.config("backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    base-url: " + sim.openAiBaseUrl()
                + "\ntranslate:\n  backend: gpt\nglossary: " + configured + "\n");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private boolean prompted(String line) {
        return sim.chatRequests().stream().anyMatch(m -> m.toString().contains(line));
    }

    @Test
    void should_apply_the_configured_glossary_to_brief_and_batch_and_flag_what_was_missed() {
        // when
        CliRunner.Result brief = cli.run("brief", SEED, "--to", "en", "-n", "1", "--no-cache");
        CliRunner.Result batch =
                cli.run("batch", SEED, "--out", dir.resolve("out").toString(), "--translate-to", "en", "--no-cache");
        // then: the LLM was told; the simulation ignores it, so the batch item fails as flagged
        assertThat(brief.code()).as(brief.err()).isZero();
        assertThat(prompted("لوكاشينكو => Lukashenko")).isTrue();
        assertThat(batch.err()).contains("glossary: 'لوكاشينكو' should be 'Lukashenko'");
    }

    @Test
    void should_let_the_flag_win_over_the_file() {
        // when
        CliRunner.Result r = cli.run("translate", SEED, "--to", "en", "--no-cache", "--glossary", flagged.toString());
        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(prompted("لوكاشينكو => Loukachenko")).isTrue();
        assertThat(prompted("لوكاشينكو => Lukashenko")).isFalse();
        assertThat(r.err()).contains("glossary: 'لوكاشينكو' should be 'Loukachenko'");
    }

    @Test
    void should_refuse_a_bad_glossary_naming_the_file_and_line_before_any_request() throws Exception {
        // given
        Path bad = Files.writeString(dir.resolve("bad.csv"), "سانا,SANA\nمجلس الأمن\n");
        // when
        CliRunner.Result r = cli.run("translate", SEED, "--to", "en", "--glossary", bad.toString());
        // then
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).contains(bad + " line 2").contains("expected 2 or 4");
        assertThat(sim.chatRequests()).isEmpty();
    }
}

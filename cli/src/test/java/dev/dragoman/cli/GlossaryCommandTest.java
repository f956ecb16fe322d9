package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dragoman glossary prune} end to end against the simulated DeepL account: a run creates a DeepL glossary per
 * glossary content, an edited glossary leaves the old one behind, and prune lists it as unused, then deletes it.
 */
class GlossaryCommandTest {

    private static final String SEED = ParseCommandTest.SEED.toString();
    private static final String KEY = "deepl-glossary-cli-0123:fx";

    private final SimulatedBackend deepl =
            SimulatedBackend.start(SimConfig.defaults().withApiKey(KEY));

    @TempDir
    Path dir;

    private CliRunner cli;
    private Path before;
    private Path after;

    @BeforeEach
    void configure() throws Exception {
        cli = new CliRunner(dir.resolve("home")).env("DEEPL_AUTH_KEY", KEY);
        before = Files.writeString(dir.resolve("before.csv"), "لوكاشينكو,Lukashenko\n");
        after = Files.writeString(dir.resolve("after.csv"), "لوكاشينكو,Loukachenko\n");
        Files.createDirectories(cli.configFile().getParent());
        Files.writeString(
                cli.configFile(),
                "backends:\n  dl:\n    type: deepl\n    base-url: " + deepl.baseUrl() + "\n"
                        + "translate:\n  backend: dl\n  to: en\n",
                StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        deepl.close();
    }

    @Test
    void should_list_the_glossary_an_edit_left_behind_and_delete_it_only_with_delete() {
        // given runs with the glossary before and after an edit: two DeepL glossaries on the account
        assertThat(cli.run("translate", SEED, "--no-cache", "--glossary", before.toString())
                        .code())
                .isZero();
        assertThat(cli.run("translate", SEED, "--no-cache", "--glossary", after.toString())
                        .code())
                .isZero();

        // when listed with the current glossary
        CliRunner.Result listed = cli.run("glossary", "prune", "--glossary", after.toString());

        // then the old one is unused, the current one in use, and nothing is deleted yet
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("unused").contains("in use").doesNotContain("deleted");
        assertThat(listed.err()).contains("1 glossary is unused by the current glossary");

        // when asked to delete
        CliRunner.Result pruned = cli.run("glossary", "prune", "--glossary", after.toString(), "--delete");
        CliRunner.Result again = cli.run("glossary", "prune", "--glossary", after.toString(), "--format", "json");

        // then the old one is gone and the current one kept
        assertThat(pruned.code()).as(pruned.err()).isZero();
        assertThat(pruned.out()).contains("deleted");
        assertThat(pruned.err()).contains("Deleted 1 unused glossary");
        assertThat(again.out()).contains("in use").doesNotContain("unused").doesNotContain("deleted");
    }
}

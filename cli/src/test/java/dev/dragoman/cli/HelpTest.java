package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command documents itself the same way: examples, exit codes, --verbose/--quiet, --version. */
class HelpTest {

    @TempDir
    static Path home;

    static List<String> commands() {
        List<String> paths = new ArrayList<>();
        collect(
                Main.commandLine(new CliContext(Map.of("HOME", "/nonexistent"), new ByteArrayInputStream(new byte[0]))),
                "",
                paths);
        return paths;
    }

    private static void collect(CommandLine cli, String prefix, List<String> paths) {
        for (Map.Entry<String, CommandLine> e : cli.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            String path = (prefix + " " + e.getKey()).strip();
            paths.add(path);
            collect(e.getValue(), path, paths);
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void should_show_examples_exit_codes_and_the_common_options(String command) {
        // when
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        CliRunner.Result help = new CliRunner(home).run(args.toArray(String[]::new));
        args.set(args.size() - 1, "--version");
        CliRunner.Result version = new CliRunner(home).run(args.toArray(String[]::new));
        // then
        assertThat(help.code()).isZero();
        assertThat(help.out())
                .contains("Usage: dragoman " + command)
                .contains("Exit codes:")
                .contains("78")
                .contains("65")
                .contains("--version");
        if (!command.equals("cache")
                && !command.equals("config")
                && !command.equals("eval")
                && !command.equals("glossary")) {
            assertThat(help.out()).contains("--verbose").contains("--quiet");
        }
        assertThat(help.out()).containsAnyOf("Examples:", "Example:");
        assertThat(help.out()).as("a variable picocli could not resolve").doesNotContainPattern("\\bnull\\b");
        assertThat(version.out()).startsWith("dragoman ");
    }

    @org.junit.jupiter.api.Test
    void should_cover_every_command_of_the_issue() {
        assertThat(commands())
                .contains(
                        "parse",
                        "detect",
                        "translate",
                        "summarize",
                        "brief",
                        "backends",
                        "cache stats",
                        "cache clear",
                        "cache path",
                        "config show",
                        "config init",
                        "eval summarize",
                        "completion");
    }

    @org.junit.jupiter.api.Test
    void should_name_each_subcommand_as_its_command_annotation_does() {
        Main.SUBCOMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(CommandLine.Command.class).name()).isEqualTo(name));
    }

    @org.junit.jupiter.api.Test
    void should_build_only_the_subcommand_a_run_names() {
        CliContext context = new CliContext(Map.of("HOME", "/nonexistent"), new ByteArrayInputStream(new byte[0]));
        assertThat(Main.commandLine(context, "parse", "story.txt", "--format", "md")
                        .getSubcommands()
                        .keySet())
                .containsExactly("parse");
        assertThat(Main.commandLine(context, "--version").getSubcommands()).isEmpty();
        assertThat(Main.commandLine(context, "--help").getSubcommands()).containsKeys("parse", "batch", "help");
        assertThat(Main.commandLine(context, "completion", "bash").getSubcommands())
                .hasSameSizeAs(Main.SUBCOMMANDS);
        assertThat(Main.commandLine(context, "pasre").getSubcommands()).hasSameSizeAs(Main.SUBCOMMANDS);
    }

    @org.junit.jupiter.api.Test
    void should_complete_every_command_and_suggest_for_a_typo() {
        // when
        CliRunner.Result completion = new CliRunner(home).run("completion", "bash");
        CliRunner.Result typo = new CliRunner(home).run("pasre", "x.txt");
        // then
        assertThat(completion.out()).contains("parse").contains("batch").contains("summarize");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("parse");
    }
}

package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.CommonOptions;
import dev.dragoman.cli.Console;
import dev.dragoman.cli.ExitCodes;
import dev.dragoman.pipeline.config.ConfigReport;
import dev.dragoman.pipeline.config.Setting;
import dev.dragoman.pipeline.config.Settings;
import dev.dragoman.pipeline.config.Settings.Resolved;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dragoman config show|init}. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Show the effective configuration, or write a starter file.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Init.class},
        footerHeading = "%nExamples:%n",
        footer = {"  dragoman config init", "  dragoman config show --translate-backend deepl"})
public final class ConfigCommand extends GroupCommand {

    /** {@code config show}: every setting's value and where it came from, secrets redacted. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {
                "Print the effective configuration: each setting's value and where it came from "
                        + "(flag, environment, file, default), and the backends with secrets redacted.",
                "Every setting can be given here as a flag (--translate-backend, --cache-store, …) to see how "
                        + "it would combine."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  dragoman config show", "  DRAGOMAN_TRANSLATE_TO=fr dragoman config show --format md"})
    public static final class Show implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        FormatOption format;

        Show(CliContext context) {
            this.context = context;
        }

        /** Adds one {@code --KEY} option per {@link Setting} ({@code translate.backend} → {@code --translate-backend}). */
        public static void addSettingOptions(CommandSpec show) {
            for (Setting s : Setting.values()) {
                if (show.findOption(s.flag()) != null) {
                    continue; // --format is the output format of every command (FormatOption), this one's too
                }
                show.addOption(OptionSpec.builder(s.flag())
                        .paramLabel("VALUE")
                        .type(String.class)
                        .description("as if given on a command line: " + s.description())
                        .build());
            }
        }

        @Override
        public Integer call() {
            Settings settings = context.settings();
            Console console = new Console(spec, common);
            if (format.get() != dev.dragoman.core.write.OutputFormat.TEXT) {
                format.print(console, ConfigReport.table(settings, s -> resolve(settings, s)));
                return ExitCodes.OK;
            }
            ConfigReport.Shown shown = ConfigReport.show(settings, s -> resolve(settings, s));
            console.out().print(shown.text());
            console.out().flush();
            console.warnings(null, shown.warnings());
            return ExitCodes.OK;
        }

        private Resolved resolve(Settings settings, Setting s) {
            if (!spec.commandLine().getParseResult().hasMatchedOption(s.flag())) {
                return settings.resolve(s);
            }
            try {
                return Resolved.given(s, spec.findOption(s.flag()).getValue());
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "Invalid value for " + s.flag() + ": " + e.getMessage());
            }
        }
    }

    /** {@code config init}: writes the commented starter file. */
    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = "Write a commented starter configuration file (to --config FILE, or the default location).",
            footerHeading = "%nExamples:%n",
            footer = {"  dragoman config init", "  dragoman config init --config ./dragoman.yaml --force"})
    static final class Init implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--force", description = "Overwrite an existing file.")
        boolean force;

        Init(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Console console = new Console(spec, common);
            Path path = context.configPath();
            ConfigReport.writeStarter(path, force);
            console.out().println("Wrote " + path);
            console.note("Next: set the key for your backend (e.g. export OPENAI_API_KEY=…), then run "
                    + "'dragoman config show' and 'dragoman backends --check'.");
            return ExitCodes.OK;
        }
    }
}

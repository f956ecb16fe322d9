package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.CommonOptions;
import dev.dragoman.cli.Console;
import dev.dragoman.cli.ExitCodes;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.pipeline.config.BackendConfig;
import dev.dragoman.pipeline.config.BackendListing;
import dev.dragoman.pipeline.config.ConfigException;
import dev.dragoman.pipeline.config.ConfigLoader;
import dev.dragoman.pipeline.config.Setting;
import dev.dragoman.pipeline.config.Settings;
import dev.dragoman.pipeline.config.Settings.Resolved;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

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

        Show(CliContext context) {
            this.context = context;
        }

        /** Adds one {@code --KEY} option per {@link Setting} ({@code translate.backend} → {@code --translate-backend}). */
        public static void addSettingOptions(CommandSpec show) {
            for (Setting s : Setting.values()) {
                show.addOption(OptionSpec.builder(flagName(s))
                        .paramLabel("VALUE")
                        .type(String.class)
                        .description("as if given on a command line: " + s.description())
                        .build());
            }
        }

        static String flagName(Setting s) {
            return "--" + s.key().replace('.', '-');
        }

        @Override
        public Integer call() {
            Settings settings = context.settings();
            Console console = new Console(spec, common);
            var out = console.out();
            Path file = settings.config().path();
            out.println("Configuration file: " + file
                    + (settings.config().exists()
                            ? ""
                            : " (not found: built-in defaults in use; 'dragoman config init' writes a starter file)"));
            out.println();
            out.println("Settings (flag > environment > file > default):");
            int width = 0;
            for (Setting s : Setting.values()) {
                width = Math.max(width, s.key().length());
            }
            for (Setting s : Setting.values()) {
                Resolved r = resolve(settings, s);
                String value = r.value() == null ? "(unset)" : r.value();
                String where = switch (r.source()) {
                    case FLAG -> "flag " + flagName(s);
                    case ENVIRONMENT -> "environment " + r.where();
                    case FILE -> "file " + r.where();
                    case DEFAULT -> "default";
                    case UNSET -> "";
                };
                out.printf(Locale.ROOT, "  %-" + width + "s = %-28s %s%n", s.key(), value, where);
            }
            out.println();
            List<String> warnings = new ArrayList<>();
            List<BackendConfig> backends = settings.configuredBackends();
            if (backends.isEmpty()) {
                out.println("Backends: none configured (the embedded 'extractive' summarizer needs none).");
            } else {
                out.println("Backends:");
                for (BackendConfig b : backends) {
                    BackendSpec s = b.spec();
                    out.println("  " + b.name() + ": type " + b.type()
                            + (s.model() == null ? "" : ", model " + s.model())
                            + (s.baseUrl() == null ? "" : ", base-url " + s.baseUrl())
                            + options(s)
                            + ", " + BackendListing.keyStatus(b, settings.env())
                            + "  (" + b.file() + " line " + b.line() + ")");
                    if (b.literalKey() != null) {
                        warnings.add("backend '" + b.name() + "' has its API key written in " + b.file()
                                + " (shown as [REDACTED]): move it to an environment variable and name that with "
                                + "'api-key-env'");
                    }
                }
            }
            for (String w : warnings) {
                console.note("Warning: %s.", w);
            }
            return ExitCodes.OK;
        }

        /** ", region westeurope" for each vendor option. */
        private static String options(BackendSpec s) {
            StringBuilder sb = new StringBuilder();
            s.options().forEach((k, v) -> sb.append(", ").append(k).append(' ').append(v));
            return sb.toString();
        }

        private Resolved resolve(Settings settings, Setting s) {
            String name = flagName(s);
            if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                String value = spec.findOption(name).getValue();
                try {
                    s.validate(value);
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(
                            spec.commandLine(), "Invalid value for " + name + ": " + e.getMessage());
                }
                return new Resolved(s, value, Settings.Source.FLAG, name);
            }
            return settings.resolve(s);
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
            String starter = starter();
            // the starter must always load: a broken template would be a bug, not a user error
            ConfigLoader.parse(path, starter);
            try {
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                if (force) {
                    Files.writeString(path, starter, StandardCharsets.UTF_8);
                } else {
                    Files.writeString(
                            path,
                            starter,
                            StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE_NEW,
                            java.nio.file.StandardOpenOption.WRITE);
                }
                try {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            } catch (FileAlreadyExistsException e) {
                throw new ConfigException("The configuration file " + path + " already exists: edit it, or run "
                        + "'dragoman config init --force' to replace it with the starter.");
            } catch (IOException e) {
                throw new ConfigException("Cannot write " + path + " (" + e.getMessage() + "): choose another place "
                        + "with --config FILE.");
            }
            console.out().println("Wrote " + path);
            console.note("Next: set the key for your backend (e.g. export OPENAI_API_KEY=…), then run "
                    + "'dragoman config show' and 'dragoman backends --check'.");
            return ExitCodes.OK;
        }

        static String starter() {
            try (InputStream in = ConfigCommand.class.getResourceAsStream("/dev/dragoman/cli/config-starter.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("config-starter.yaml is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

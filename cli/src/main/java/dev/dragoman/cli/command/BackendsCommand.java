package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.CommonOptions;
import dev.dragoman.cli.Console;
import dev.dragoman.cli.ExitCodes;
import dev.dragoman.pipeline.config.BackendListing;
import dev.dragoman.pipeline.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dragoman backends [--check]}: the configured backends, never their keys. */
@Command(
        name = "backends",
        mixinStandardHelpOptions = true,
        description = {
            "List the configured backends: type, model, base URL, limits and whether a key is present "
                    + "(never the key).",
            "With --check, make one cheap real call to each and report status and latency."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  dragoman backends", "  dragoman backends --check", "  dragoman backends --format json"})
public final class BackendsCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    FormatOption format;

    @Option(names = "--check", description = "Make one cheap real call to each backend; report status and latency.")
    boolean check;

    BackendsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Settings settings = context.settings();
        Console console = new Console(spec, common);
        if (check) {
            BackendListing.Checked checked = BackendListing.check(settings);
            format.print(console, checked.table());
            if (checked.failures() > 0) {
                console.note("%d of %d backends failed the check.", checked.failures(), checked.total());
                return ExitCodes.UNAVAILABLE;
            }
            return ExitCodes.OK;
        }
        format.print(console, BackendListing.table(settings));
        if (settings.configuredBackends().isEmpty()) {
            console.note(
                    "No backends configured in %s; 'dragoman config init' writes a starter file.",
                    settings.config().path());
        }
        return ExitCodes.OK;
    }
}

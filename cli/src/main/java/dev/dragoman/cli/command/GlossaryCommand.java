package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.CommonOptions;
import dev.dragoman.cli.Console;
import dev.dragoman.cli.ExitCodes;
import dev.dragoman.pipeline.config.GlossaryPrune;
import dev.dragoman.pipeline.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dragoman glossary prune}: the glossaries Dragoman created on a vendor's server. */
@Command(
        name = "glossary",
        mixinStandardHelpOptions = true,
        description = "Manage the glossaries Dragoman keeps on vendors' servers (DeepL's).",
        subcommands = {GlossaryCommand.Prune.class},
        footerHeading = "%nExamples:%n",
        footer = {"  dragoman glossary prune", "  dragoman glossary prune --delete"})
public final class GlossaryCommand extends GroupCommand {

    /** {@code glossary prune}: list, and with --delete delete, those the current glossary no longer uses. */
    @Command(
            name = "prune",
            mixinStandardHelpOptions = true,
            description = {
                "List the glossaries Dragoman created on the server (named dragoman-<hash>) and whether the current "
                        + "glossary (--glossary, DRAGOMAN_GLOSSARY or 'glossary:') still uses each; with --delete, "
                        + "delete the unused ones. Glossaries Dragoman did not create are never touched.",
                "A glossary another configuration on the same account uses (a server's) reads as unused here: run "
                        + "without --delete first."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  dragoman glossary prune",
                "  dragoman glossary prune --backend dl --glossary terms.csv --delete"
            })
    static final class Prune implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        FormatOption format;

        @Mixin
        GlossaryOption glossary;

        @Option(
                names = "--backend",
                paramLabel = "NAME",
                description = "Only this backend's account (repeatable; default: every configured backend of a type "
                        + "that keeps glossaries on its server).")
        List<String> backends = new ArrayList<>();

        @Option(names = "--delete", description = "Delete the glossaries the current glossary does not use.")
        boolean delete;

        Prune(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Console console = new Console(spec, common);
            Settings settings = glossary.apply(context.settings(), console);
            GlossaryPrune.Result result = GlossaryPrune.run(settings, backends, delete);
            format.print(console, result.table());
            if (delete) {
                console.note("Deleted %d unused glossar%s.", result.deleted(), result.deleted() == 1 ? "y" : "ies");
            } else if (result.unused() > 0) {
                console.note(
                        "%d glossar%s unused by the current glossary: run again with --delete to delete %s.",
                        result.unused(),
                        result.unused() == 1 ? "y is" : "ies are",
                        result.unused() == 1 ? "it" : "them");
            }
            return ExitCodes.OK;
        }
    }
}

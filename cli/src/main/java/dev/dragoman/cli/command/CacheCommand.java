package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.CommonOptions;
import dev.dragoman.cli.Console;
import dev.dragoman.cli.ExitCodes;
import dev.dragoman.core.cache.CacheAdmin;
import dev.dragoman.core.cache.CacheFilter;
import dev.dragoman.core.cache.CacheReport;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.error.UsageException;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.pipeline.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dragoman cache stats|clear|prune|path}. */
@Command(
        name = "cache",
        mixinStandardHelpOptions = true,
        description = "Inspect and manage the result cache (SQLite by default, or Redis).",
        subcommands = {
            CacheCommand.Stats.class,
            CacheCommand.Clear.class,
            CacheCommand.Prune.class,
            CacheCommand.PathCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {"  dragoman cache stats", "  dragoman cache clear --backend deepl --older-than 30d"})
public final class CacheCommand extends GroupCommand {

    /** What every subcommand shares: the options, the settings, printing what it reports. */
    abstract static class Sub implements Callable<Integer> {
        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        CacheOptions cache;

        Sub(CliContext context) {
            this.context = context;
        }

        /** Does the work and returns what to print. */
        abstract String report(Settings settings, Console console);

        @Override
        public Integer call() {
            Console console = new Console(spec, common);
            console.out().print(report(context.settings(), console));
            console.out().flush();
            return ExitCodes.OK;
        }
    }

    /** A subcommand that opens the store: its warnings are said once the work is done. */
    abstract static class OnStore extends Sub {

        OnStore(CliContext context) {
            super(context);
        }

        /** Does the work on the store and returns what to print. */
        abstract String apply(CacheAdmin admin);

        @Override
        String report(Settings settings, Console console) {
            try (MeteredResultCache store = cache.open(settings)) {
                CacheAdmin admin = CacheAdmin.of(store)
                        .orElseThrow(() -> new IllegalStateException("the store has no admin side"));
                String report = apply(admin);
                console.warnings(null, admin.warnings());
                return report;
            }
        }
    }

    /** {@code cache stats}: entries, size, hits and what they saved, per backend. */
    @Command(
            name = "stats",
            mixinStandardHelpOptions = true,
            description =
                    "Entries, size, hit rate and what the hits saved (requests, characters, tokens), per backend.",
            footerHeading = "%nExamples:%n",
            footer = {"  dragoman cache stats", "  dragoman cache stats --format json"})
    static final class Stats extends OnStore {

        @Mixin
        FormatOption format;

        @Option(names = "--json", hidden = true, description = "The same as --format json (kept for old scripts).")
        boolean json;

        Stats(CliContext context) {
            super(context);
        }

        @Override
        String apply(CacheAdmin admin) {
            return CacheReport.render(admin.stats(), admin.location(), json ? OutputFormat.JSON : format.get());
        }
    }

    /** {@code cache clear}: remove entries, all or by backend and age. */
    @Command(
            name = "clear",
            mixinStandardHelpOptions = true,
            description = "Remove cached results: all of them, one backend's, or those older than an age.",
            footerHeading = "%nExamples:%n",
            footer = {"  dragoman cache clear", "  dragoman cache clear --backend openai --older-than 7d"})
    static final class Clear extends OnStore {

        @Option(names = "--backend", paramLabel = "ID", description = "Only this backend's entries (openai, deepl, …).")
        String backend;

        @Option(
                names = "--older-than",
                paramLabel = "AGE",
                description = "Only entries older than AGE (90m, 12h, 30d).")
        String olderThan;

        private CacheFilter filter;

        Clear(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            try {
                filter = CacheFilter.of(backend, olderThan); // a bad age is a usage error before the store opens
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return super.call();
        }

        @Override
        String apply(CacheAdmin admin) {
            return CacheReport.removed("Removed", admin.clear(filter), admin.location()) + "\n";
        }
    }

    /** {@code cache prune}: expired entries, then least recently used until under the size cap. */
    @Command(
            name = "prune",
            mixinStandardHelpOptions = true,
            description = "Remove expired entries, then the least recently used until the store fits its size cap.",
            footerHeading = "%nExamples:%n",
            footer = {"  dragoman cache prune"})
    static final class Prune extends OnStore {

        Prune(CliContext context) {
            super(context);
        }

        @Override
        String apply(CacheAdmin admin) {
            return CacheReport.removed("Pruned", admin.prune(), admin.location()) + "\n";
        }
    }

    /** {@code cache path}: where the store is, without opening it. */
    @Command(
            name = "path",
            mixinStandardHelpOptions = true,
            description = "Print where the cache is: the SQLite file, the Redis address (never its password), or none.",
            footerHeading = "%nExamples:%n",
            footer = {"  dragoman cache path", "  du -h \"$(dragoman cache path)\""})
    static final class PathCommand extends Sub {

        @Mixin
        FormatOption format;

        PathCommand(CliContext context) {
            super(context);
        }

        @Override
        String report(Settings settings, Console console) {
            return cache.locationReport(settings, format.get());
        }
    }
}

package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.CommonOptions;
import dev.dragoman.cli.Console;
import dev.dragoman.cli.ExitCodes;
import dev.dragoman.core.cache.CacheAdmin;
import dev.dragoman.core.cache.CacheFilter;
import dev.dragoman.core.cache.CacheReport;
import dev.dragoman.core.cache.CacheStats;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.error.UsageException;
import dev.dragoman.core.text.Durations;
import dev.dragoman.core.write.DataTable;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.pipeline.config.Settings;
import java.util.Arrays;
import java.util.List;
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
public final class CacheCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static CacheAdmin admin(MeteredResultCache store) {
        return CacheAdmin.of(store).orElseThrow(() -> new IllegalStateException("the store has no admin side"));
    }

    private static void warnings(Console console, CacheAdmin admin) {
        for (String w : admin.warnings()) {
            console.note("Warning: %s", w);
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
    static final class Stats implements Callable<Integer> {
        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        CacheOptions cache;

        @Mixin
        FormatOption format;

        @Option(names = "--json", hidden = true, description = "The same as --format json (kept for old scripts).")
        boolean json;

        Stats(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Settings settings = context.settings();
            Console console = new Console(spec, common);
            try (MeteredResultCache store = cache.open(settings)) {
                CacheAdmin admin = admin(store);
                CacheStats s = admin.stats();
                warnings(console, admin);
                OutputFormat f = json ? OutputFormat.JSON : format.get();
                switch (f) {
                    case TEXT -> console.out().print(CacheReport.text(s, admin.location()));
                    case JSON -> console.out().print(CacheReport.json(s, admin.location()) + "\n");
                    default ->
                        console.out()
                                .print(CacheReport.table(s, admin.location()).render(f));
                }
                console.out().flush();
                return ExitCodes.OK;
            }
        }
    }

    /** {@code cache clear}: remove entries, all or by backend and age. */
    @Command(
            name = "clear",
            mixinStandardHelpOptions = true,
            description = "Remove cached results: all of them, one backend's, or those older than an age.",
            footerHeading = "%nExamples:%n",
            footer = {"  dragoman cache clear", "  dragoman cache clear --backend openai --older-than 7d"})
    static final class Clear implements Callable<Integer> {
        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        CacheOptions cache;

        @Option(names = "--backend", paramLabel = "ID", description = "Only this backend's entries (openai, deepl, …).")
        String backend;

        @Option(
                names = "--older-than",
                paramLabel = "AGE",
                description = "Only entries older than AGE (90m, 12h, 30d).")
        String olderThan;

        Clear(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Settings settings = context.settings();
            Console console = new Console(spec, common);
            CacheFilter filter = CacheFilter.all();
            if (backend != null) {
                filter = filter.withBackend(backend);
            }
            if (olderThan != null) {
                try {
                    filter = filter.withOlderThan(Durations.parseDuration(olderThan));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--older-than: " + e.getMessage());
                }
            }
            try (MeteredResultCache store = cache.open(settings)) {
                CacheAdmin admin = admin(store);
                long removed = admin.clear(filter);
                warnings(console, admin);
                console.out().println(CacheReport.removed("Removed", removed, admin.location()));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code cache prune}: expired entries, then least recently used until under the size cap. */
    @Command(
            name = "prune",
            mixinStandardHelpOptions = true,
            description = "Remove expired entries, then the least recently used until the store fits its size cap.",
            footerHeading = "%nExamples:%n",
            footer = {"  dragoman cache prune"})
    static final class Prune implements Callable<Integer> {
        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        CacheOptions cache;

        Prune(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Settings settings = context.settings();
            Console console = new Console(spec, common);
            try (MeteredResultCache store = cache.open(settings)) {
                CacheAdmin admin = admin(store);
                long removed = admin.prune();
                warnings(console, admin);
                console.out().println(CacheReport.removed("Pruned", removed, admin.location()));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code cache path}: where the store is, without opening it. */
    @Command(
            name = "path",
            mixinStandardHelpOptions = true,
            description = "Print where the cache is: the SQLite file, the Redis address (never its password), or none.",
            footerHeading = "%nExamples:%n",
            footer = {"  dragoman cache path", "  du -h \"$(dragoman cache path)\""})
    static final class PathCommand implements Callable<Integer> {
        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        CacheOptions cache;

        @Mixin
        FormatOption format;

        PathCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Settings settings = context.settings();
            String location = cache.location(settings);
            if (format.get() == OutputFormat.TEXT) {
                spec.commandLine().getOut().println(location);
            } else {
                format.print(
                        new Console(spec, common),
                        new DataTable(
                                "Cache",
                                List.of("store", "location"),
                                List.of(Arrays.asList(cache.store() == null ? "sqlite" : cache.store(), location))));
            }
            return ExitCodes.OK;
        }
    }
}

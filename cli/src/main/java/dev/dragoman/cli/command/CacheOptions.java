package dev.dragoman.cli.command;

import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.pipeline.config.BackendChoice;
import dev.dragoman.pipeline.config.Settings;
import dev.dragoman.pipeline.config.Stores;
import picocli.CommandLine.Option;

/** Which cache store a command uses (a {@code @Mixin}); unset flags come from the environment, the file, the default. */
public final class CacheOptions {

    @Option(
            names = "--cache",
            paramLabel = "STORE",
            description = "Cache store: sqlite, redis, memory or none (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(
            names = "--cache-path",
            paramLabel = "FILE",
            description =
                    "SQLite cache file (default: $XDG_CACHE_HOME/dragoman/cache.db, else ~/.cache/dragoman/cache.db).")
    String path;

    @Option(names = "--cache-url", paramLabel = "URL", description = "Redis URL, e.g. redis://localhost:6379/0.")
    String url;

    @Option(names = "--no-cache", description = "Neither read nor write the cache for this run.")
    boolean noCache;

    /** The store to use: {@code none} with {@code --no-cache}. */
    public String store() {
        return noCache ? "none" : store;
    }

    /** The run's backend names with this cache store, as the pipeline resolves them. */
    public BackendChoice choice(String translateBackend, String summarizeBackend) {
        return new BackendChoice(translateBackend, summarizeBackend, store(), path, url);
    }

    /** Opens the store these options name (see {@link Stores#open}). */
    public MeteredResultCache open(Settings settings) {
        return Stores.open(settings, store(), path, url);
    }

    /** Where that store is, without opening it, as {@code format} shows it (see {@link Stores#locationReport}). */
    public String locationReport(Settings settings, OutputFormat format) {
        return Stores.locationReport(settings.env(), store(), path, url, format);
    }
}

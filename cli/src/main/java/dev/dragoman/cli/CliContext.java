package dev.dragoman.cli;

import dev.dragoman.pipeline.config.ConfigException;
import dev.dragoman.pipeline.config.Settings;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a CLI run sees of the world: the environment (injected, so tests pass their own — the only place Dragoman
 * reads it is {@link #system()}), standard input, and the configuration loaded once per run. A broken configuration
 * is remembered rather than thrown at start-up ({@link Settings#tryLoad}), so {@code --help} still works; any command
 * that needs settings gets the error from {@link #settings()}.
 */
public final class CliContext {

    private final Map<String, String> env;
    private final InputStream stdin;
    private final boolean stdinIsTerminal;
    private Settings.Loaded loaded;

    public CliContext(Map<String, String> env, InputStream stdin) {
        this(env, stdin, false);
    }

    /** {@code stdinIsTerminal}: no input was piped in, so reading stdin without being asked would hang. */
    public CliContext(Map<String, String> env, InputStream stdin, boolean stdinIsTerminal) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.stdinIsTerminal = stdinIsTerminal;
    }

    /** The real process environment and standard input. */
    public static CliContext system() {
        return new CliContext(System.getenv(), System.in, System.console() != null);
    }

    public boolean stdinIsTerminal() {
        return stdinIsTerminal;
    }

    /** Every secret this run could print by accident: keys from the environment and the file. */
    java.util.List<String> secrets() {
        return new Settings(settingsForDefaults().config(), env).secrets();
    }

    public Map<String, String> env() {
        return env;
    }

    public InputStream stdin() {
        return stdin;
    }

    /**
     * Loads the configuration named by {@code --config} in {@code args}, else {@code DRAGOMAN_CONFIG}, else the XDG
     * location; checks the {@code DRAGOMAN_*} variables.
     */
    void load(String... args) {
        loaded = Settings.tryLoad(configFlag(args), env);
    }

    /**
     * The settings of this run.
     *
     * @throws ConfigException when the configuration file or a {@code DRAGOMAN_*} variable is invalid
     */
    public Settings settings() {
        settingsForDefaults();
        return loaded.orThrow();
    }

    /** The settings used to fill option defaults (never throws; built-ins only when the configuration is broken). */
    Settings settingsForDefaults() {
        if (loaded == null) {
            load();
        }
        return loaded.settings();
    }

    /** Where the configuration file is (or would be). */
    public Path configPath() {
        return settingsForDefaults().config().path();
    }

    private static String configFlag(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (a.equals("--config") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (a.startsWith("--config=")) {
                return a.substring("--config=".length());
            }
        }
        return null;
    }
}

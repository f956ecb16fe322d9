package dev.dragoman.pipeline.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the configuration file and the user's home are, from an environment the front end passes in (the library
 * never reads the environment itself): {@code --config} (or any front end's equivalent), else
 * {@code DRAGOMAN_CONFIG}, else {@code $XDG_CONFIG_HOME/dragoman/config.yaml}, else
 * {@code ~/.config/dragoman/config.yaml}.
 */
public final class ConfigPaths {

    /**
     * The configuration file to load and whether the user named it ({@code explicit}: then a missing file is an
     * error, while a missing default file is an empty configuration).
     */
    public record Location(Path path, boolean explicit) {}

    private ConfigPaths() {}

    /**
     * @param flag the file the user named on the command line (or in a request, a job argument), or null
     * @param env the process environment
     */
    public static Location locate(String flag, Map<String, String> env) {
        if (flag != null) {
            return new Location(Path.of(flag), true);
        }
        String fromEnv = env.get("DRAGOMAN_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Location(Path.of(fromEnv), true);
        }
        return new Location(defaultConfigPath(env), false);
    }

    /** {@code $XDG_CONFIG_HOME/dragoman/config.yaml}, else {@code ~/.config/dragoman/config.yaml}. */
    public static Path defaultConfigPath(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : home(env).resolve(".config");
        return base.resolve("dragoman").resolve("config.yaml");
    }

    /** {@code $HOME}, else the JVM's {@code user.home}. */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
}

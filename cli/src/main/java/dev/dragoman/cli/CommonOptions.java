package dev.dragoman.cli;

import picocli.CommandLine.Option;

/**
 * Options every command has (a {@code @Mixin}): {@code --verbose}, {@code --quiet} and {@code --config}.
 * {@code --config} is read before parsing (the file supplies option defaults), and declared here so that every
 * command accepts and documents it.
 */
public final class CommonOptions {

    @Option(
            names = {"-v", "--verbose"},
            description = "Print causes of errors and timings on stderr.")
    boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print nothing on stderr but errors.")
    boolean quiet;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (default: $XDG_CONFIG_HOME/dragoman/config.yaml, else "
                    + "~/.config/dragoman/config.yaml; or $DRAGOMAN_CONFIG).")
    String config;

    public boolean verbose() {
        return verbose && !quiet;
    }

    public boolean quiet() {
        return quiet;
    }
}

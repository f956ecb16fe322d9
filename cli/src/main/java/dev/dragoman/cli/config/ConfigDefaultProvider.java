package dev.dragoman.cli.config;

import dev.dragoman.pipeline.config.OptionBindings;
import dev.dragoman.pipeline.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one picocli default provider: an option the user did not type gets its value from {@link Settings}
 * (environment, then file, then built-in default). No option uses {@code ${env:…}} annotation defaults, which
 * picocli would consult after this provider and so silently invert the order.
 */
public final class ConfigDefaultProvider implements CommandLine.IDefaultValueProvider {

    private final Settings settings;

    public ConfigDefaultProvider(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || argSpec.command() == null) {
            return null;
        }
        String command = commandPath(argSpec.command());
        return OptionBindings.settingFor(command, option.longestName())
                .map(setting -> settings.resolve(setting, command).value())
                .orElse(null);
    }

    /** "translate", "eval summarize": the qualified name without the root command. */
    public static String commandPath(CommandLine.Model.CommandSpec spec) {
        String q = spec.qualifiedName(" ");
        int space = q.indexOf(' ');
        return space < 0 ? "" : q.substring(space + 1);
    }
}

package dev.dragoman.cli.command;

import dev.dragoman.cli.Console;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.pipeline.config.Settings;
import picocli.CommandLine.Option;

/**
 * {@code --glossary FILE} for every command that translates (a {@code @Mixin}): unset, it comes from
 * {@code DRAGOMAN_GLOSSARY} or the file's {@code glossary:} key, like any setting. The settings it returns give every
 * translator the glossary ({@link Settings#glossary()}).
 */
public final class GlossaryOption {

    @Option(
            names = "--glossary",
            paramLabel = "FILE",
            description = "Terms to translate a fixed way or leave untranslated, applied by every backend: CSV "
                    + "source,target[,from,to] or YAML (.yaml/.yml) (default: the configuration's glossary, if any).")
    String file;

    /**
     * {@code settings} with this option's glossary, read now so that a bad file stops the command before any work
     * (naming the file and the line) and {@code --verbose} says what was read.
     */
    public Settings apply(Settings settings, Console console) {
        Settings withGlossary = settings.withGlossary(file);
        Glossary g = withGlossary.glossary();
        if (g != null) {
            console.detail(
                    "glossary %s: %d terms (version %s)", file, g.entries().size(), g.version());
        }
        return withGlossary;
    }
}

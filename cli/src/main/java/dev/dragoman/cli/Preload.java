package dev.dragoman.cli;

import dev.dragoman.core.text.LanguageDetector;
import java.nio.file.Path;
import java.util.Set;

/**
 * Start-up: the language model (OpenNLP, ~0.4 s of CPU to load) is needed by commands that read text whose script
 * does not decide its language (Latin, Cyrillic…), but only after picocli, the configuration and the reader have
 * loaded. When a reading command's first input is a file whose head needs the model, {@link
 * LanguageDetector#preloadFor} loads it on a daemon thread from the first instruction. Arabic input, commands that
 * read no articles, and {@code --help} or {@code --version} never load it.
 */
final class Preload {

    private static final Set<String> READING_COMMANDS = Set.of("parse", "detect", "summarize", "brief", "translate");
    private static final Set<String> NO_WORK = Set.of("-h", "--help", "-V", "--version");

    private Preload() {}

    static void startIfUseful(String... args) {
        if ("false".equals(System.getProperty("dragoman.preload"))) {
            return; // for measuring what the preload buys
        }
        String command = null;
        String firstInput = null;
        for (String a : args) {
            if (NO_WORK.contains(a)) {
                return;
            }
            if (!a.startsWith("-")) {
                if (command == null) {
                    command = a;
                } else if (firstInput == null) {
                    firstInput = a;
                }
            }
        }
        if (firstInput != null && READING_COMMANDS.contains(command)) {
            try {
                LanguageDetector.preloadFor(Path.of(firstInput));
            } catch (RuntimeException e) {
                // not a path (a URL, a glob): nothing to look at; the command reads it itself
            }
        }
    }
}

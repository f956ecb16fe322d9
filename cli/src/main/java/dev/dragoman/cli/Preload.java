package dev.dragoman.cli;

import dev.dragoman.core.text.LanguageDetector;
import java.util.Set;

/**
 * Start-up: the language model (OpenNLP, ~0.4 s of CPU to load) is needed by every command that reads wire text,
 * but only after picocli, the configuration and the reader have loaded. Loading it on a daemon thread from the first
 * instruction overlaps the two on a multi-core machine. Commands that read no articles, and {@code --help} or
 * {@code --version}, never load it.
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
        for (String a : args) {
            if (NO_WORK.contains(a)) {
                return;
            }
            if (command == null && !a.startsWith("-")) {
                command = a;
            }
        }
        if (command == null || !READING_COMMANDS.contains(command)) {
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        LanguageDetector.shared().preload();
                    } catch (RuntimeException ignored) {
                        // the same failure is reported, in context, by the first detection that needs the model
                    }
                },
                "dragoman-preload");
        t.setDaemon(true);
        t.start();
    }
}

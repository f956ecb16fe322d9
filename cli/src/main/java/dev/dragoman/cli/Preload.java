package dev.dragoman.cli;

import dev.dragoman.core.text.LanguageDetector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Start-up: the language model (OpenNLP, ~0.4 s of CPU to load) is needed by commands that read text whose script
 * does not decide its language (Latin, Cyrillic…), but only after picocli, the configuration and the reader have
 * loaded. When the first input is a file whose head needs the model ({@link LanguageDetector#needsModel}), loading
 * it on a daemon thread from the first instruction overlaps the two on a multi-core machine. Arabic input, commands
 * that read no articles, and {@code --help} or {@code --version} never load it.
 */
final class Preload {

    private static final Set<String> READING_COMMANDS = Set.of("parse", "detect", "summarize", "brief", "translate");
    /** Enough of a file to see its script. */
    private static final int HEAD_BYTES = 4096;

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
        if (command == null || !READING_COMMANDS.contains(command) || !needsModel(firstInput)) {
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

    /** Whether the head of {@code input}, a plain file, needs the model; false for anything else (no guessing). */
    private static boolean needsModel(String input) {
        if (input == null) {
            return false;
        }
        try {
            Path path = Path.of(input);
            if (!Files.isRegularFile(path)) {
                return false;
            }
            byte[] head = new byte[HEAD_BYTES];
            int n;
            try (InputStream in = Files.newInputStream(path)) {
                n = in.readNBytes(head, 0, head.length);
            }
            return LanguageDetector.needsModel(new String(head, 0, n, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return false; // the command reports an unreadable input itself
        }
    }
}

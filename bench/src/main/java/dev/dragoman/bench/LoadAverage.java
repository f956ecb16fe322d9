package dev.dragoman.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load when a benchmark starts, printed beside its figures (a busy machine inflates wall times). */
final class LoadAverage {

    private LoadAverage() {}

    static String describe() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .split("\\s+");
            return "Load average at start (1/5/15 min): " + parts[0] + " / " + parts[1] + " / " + parts[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores.";
        } catch (IOException | RuntimeException e) {
            return "Load average: unknown.";
        }
    }
}

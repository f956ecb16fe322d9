package dev.dragoman.core.read;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the directory holding {@code examples/} and the parent pom) from the test's cwd. */
final class RepoPaths {

    private RepoPaths() {}

    static Path repoRoot() {
        String property = System.getProperty("dragoman.repoRoot");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples"))
                    && Files.isRegularFile(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("core"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + dir);
    }

    /**
     * The SPA development stories outside the repository: {@code -Ddragoman.sharedData=DIR} or the first
     * {@code shared/data} found beside the repository root or one of its parents ({@code <root>/../shared/data} in
     * the usual layout). Null when absent.
     */
    static Path spaWireDir() {
        String property = System.getProperty("dragoman.sharedData");
        if (property != null && !property.isBlank()) {
            Path dir = Path.of(property).resolve("wire/spa");
            return Files.isDirectory(dir) ? dir : null;
        }
        for (Path p = repoRoot().getParent(); p != null; p = p.getParent()) {
            Path dir = p.resolve("shared/data/wire/spa");
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        return null;
    }
}

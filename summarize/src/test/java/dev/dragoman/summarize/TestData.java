package dev.dragoman.summarize;

import dev.dragoman.core.Article;
import dev.dragoman.core.read.ArticleReaders;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test inputs: the seed story from the repository's examples/, and the shared dev data when present. */
public final class TestData {

    private TestData() {}

    public static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples"))
                    && Files.isRegularFile(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("core"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    public static Article seed() {
        return ArticleReaders.standard().readArticle(repoRoot().resolve("examples/sana-2024-06-25-lukashenko.ar.txt"));
    }
}

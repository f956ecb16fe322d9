package dev.dragoman.cli.batch;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.usage.Usage;
import java.util.List;

/** Translates a whole article for the batch; the CLI wires it to the configured translator. Thread-safe. */
@FunctionalInterface
interface ArticleTranslation {

    /** A translated article with what it cost, whether it came entirely from the cache, and its warnings. */
    record Translated(Article article, Usage usage, boolean fromCache, List<String> warnings) {
        public Translated {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            usage = usage == null ? Usage.NONE : usage;
        }
    }

    /** @throws dev.dragoman.core.error.DragomanException when the backend fails */
    Translated translate(Article article, Language target);

    /** Translates a list of plain segments (summary sentences) — used for briefs. */
    interface Segments {
        Translated translateSegments(List<String> segments, Language source, Language target);
    }
}

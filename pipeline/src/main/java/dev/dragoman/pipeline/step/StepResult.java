package dev.dragoman.pipeline.step;

import dev.dragoman.core.Article;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.translate.ArticleTranslation;
import java.util.List;
import java.util.Objects;

/**
 * One article after the step. {@code translation} (with its per-part provenance), {@code summary} and {@code brief}
 * are null when not asked for (or, for the translation, when the article is already in the target language);
 * {@code usage} is what this article cost all backends together; {@code fromCache} is true when some backend was
 * used and every answer came from the cache; {@code warnings} are prefixed with their stage. Immutable.
 */
public record StepResult(
        Article article,
        ArticleTranslation translation,
        Summary summary,
        Summary brief,
        Usage usage,
        boolean fromCache,
        List<String> warnings) {

    public StepResult {
        Objects.requireNonNull(article, "article");
        usage = usage == null ? Usage.NONE : usage;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The article as shown: the translation when there is one, else the original. */
    public Article shown() {
        return translation == null ? article : translation.article();
    }
}

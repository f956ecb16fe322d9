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

    /**
     * True when a fallback backend did some of the work (a translated part, the summary or the brief) because the
     * configured one had used up its quota: a batch redoes such an item on a later run, when the quota may be back.
     */
    public boolean byFallback() {
        return (translation != null && !translation.provenance().fallbacks().isEmpty())
                || (summary != null && summary.fallback() != null)
                || (brief != null && brief.fallback() != null);
    }

    /** The article as shown: the translation when there is one, else the original. */
    public Article shown() {
        return translation == null ? article : translation.article();
    }
}

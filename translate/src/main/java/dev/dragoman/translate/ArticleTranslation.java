package dev.dragoman.translate;

import dev.dragoman.core.Article;
import java.util.Objects;

/** An article in the target language and how it was made. Immutable. */
public record ArticleTranslation(Article article, TranslationProvenance provenance) {
    public ArticleTranslation {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(provenance, "provenance");
    }
}

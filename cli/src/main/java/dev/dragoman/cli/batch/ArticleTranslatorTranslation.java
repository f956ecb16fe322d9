package dev.dragoman.cli.batch;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.Paragraph;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.translate.ArticleTranslation;
import dev.dragoman.translate.ArticleTranslator;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.TranslationProvenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Batch translation through the translate module's {@link ArticleTranslator}, exactly as {@code dragoman translate}
 * does it: every part is translated in place — headline, dateline place and agency, paragraphs, source line, and
 * each "read also" story as its own article — with per-segment caching and request packing. Brief sentences go
 * through the same backend (so the same cache, rate limits and usage meter), one segment per sentence. Whatever the
 * backend is decorated with holds across the whole batch, since every worker shares the one instance.
 */
final class ArticleTranslatorTranslation
        implements dev.dragoman.cli.batch.ArticleTranslation, dev.dragoman.cli.batch.ArticleTranslation.Segments {

    private final TranslationBackend backend;
    private final ArticleTranslator articles;

    /** @param backend the decorated backend, usually behind a {@code CachingTranslator} */
    ArticleTranslatorTranslation(TranslationBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.articles = ArticleTranslator.over(backend);
    }

    @Override
    public Translated translate(Article article, Language target) {
        ArticleTranslation t = articles.translate(article, target);
        TranslationProvenance p = t.provenance();
        boolean fromCache = !p.parts().isEmpty() && p.parts().stream().allMatch(TranslationProvenance.Part::fromCache);
        return new Translated(t.article(), p.usage(), fromCache, p.warnings());
    }

    @Override
    public Translated translateSegments(List<String> segments, Language source, Language target) {
        TranslationRequest request = TranslationRequest.of(segments, source, target);
        TranslationResult result = backend.translate(request);
        if (result.segments().size() != request.segments().size()) {
            throw new DragomanException(
                    DragomanException.Kind.BACKEND_UNAVAILABLE,
                    "backend '" + result.backend() + "' returned "
                            + result.segments().size() + " segments for "
                            + request.segments().size());
        }
        Article a = Article.builder()
                .language(target)
                .paragraphs(result.texts().stream().map(Paragraph::new).toList())
                .build();
        boolean fromCache =
                !result.segments().isEmpty() && result.segments().stream().allMatch(TranslatedSegment::fromCache);
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < result.segments().size(); i++) {
            for (String w : result.segments().get(i).warnings()) {
                warnings.add("segment " + (i + 1) + ": " + w);
            }
        }
        return new Translated(a, result.usage(), fromCache, warnings);
    }
}

package dev.dragoman.cli.batch;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.Paragraph;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Article translation over the core {@link Translator} SPI: the headline and each paragraph are one segment each (so
 * newlines and alignment survive), sent as one request with the original headline as context; the result must
 * carry exactly one segment per segment sent. Whatever the translator is decorated with (cache, retry, rate limit,
 * usage accounting) holds across the whole batch, since every worker shares the one instance.
 */
final class SpiArticleTranslation implements ArticleTranslation, ArticleTranslation.Segments {

    private final Translator translator;

    SpiArticleTranslation(Translator translator) {
        this.translator = Objects.requireNonNull(translator, "translator");
    }

    @Override
    public Translated translate(Article article, Language target) {
        List<String> segments = new ArrayList<>();
        boolean hasHeadline = article.headline() != null && !article.headline().isBlank();
        if (hasHeadline) {
            segments.add(article.headline());
        }
        segments.addAll(article.paragraphTexts());
        TranslationOptions options = TranslationOptions.DEFAULT.withContext(hasHeadline ? article.headline() : null);
        TranslationResult result = call(new TranslationRequest(segments, article.language(), target, options));
        List<String> texts = result.texts();
        Article.Builder b = article.toBuilder().id(null).language(target).related(List.of()).unclassified(List.of());
        int i = 0;
        if (hasHeadline) {
            b.headline(texts.get(i++));
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        while (i < texts.size()) {
            paragraphs.add(new Paragraph(texts.get(i++)));
        }
        b.paragraphs(paragraphs).putMetadata("translatedFrom", article.id());
        return new Translated(b.build(), result.usage(), allFromCache(result), warnings(result));
    }

    @Override
    public Translated translateSegments(List<String> segments, Language source, Language target) {
        TranslationResult result = call(TranslationRequest.of(segments, source, target));
        Article a = Article.builder().language(target).paragraphs(result.texts().stream().map(Paragraph::new).toList()).build();
        return new Translated(a, result.usage(), allFromCache(result), warnings(result));
    }

    private TranslationResult call(TranslationRequest request) {
        TranslationResult result = translator.translate(request);
        if (result.segments().size() != request.segments().size()) {
            throw new DragomanException(DragomanException.Kind.BACKEND_UNAVAILABLE, "backend '" + result.backend()
                    + "' returned " + result.segments().size() + " segments for " + request.segments().size());
        }
        return result;
    }

    private static boolean allFromCache(TranslationResult result) {
        return !result.segments().isEmpty() && result.segments().stream().allMatch(TranslatedSegment::fromCache);
    }

    private static List<String> warnings(TranslationResult result) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < result.segments().size(); i++) {
            for (String w : result.segments().get(i).warnings()) {
                out.add("segment " + (i + 1) + ": " + w);
            }
        }
        return out;
    }
}

package dev.dragoman.summarize.brief;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import dev.dragoman.summarize.extractive.MainStory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cheap cross-lingual brief: choose sentences extractively in the source language, then translate only those
 * through any {@link Translator} (one request, one segment per sentence) — instead of translating the whole article
 * and summarizing the translation. The {@link Brief} reports the characters sent beside the whole article's.
 *
 * <p>No silent fallback: a translator failure propagates, and a result with the wrong number of segments is an
 * error; segment warnings become the summary's warnings. An article already in the target language is summarized
 * without calling the translator. Thread-safe if the summarizer and translator are.
 */
public final class BriefPipeline {

    private final Summarizer extractor;
    private final Translator translator;

    /**
     * @param extractor an extractive summarizer (its sentences must be the article's own, e.g. {@code ExtractiveSummarizer})
     * @param translator any translator backend, typically wrapped with cache and retry by the caller
     */
    public BriefPipeline(Summarizer extractor, Translator translator) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.translator = Objects.requireNonNull(translator, "translator");
    }

    /** The brief of {@code article} in {@code target}, with {@code options}' length and style. */
    public Brief brief(Article article, Language target, SummaryOptions options) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(options, "options");
        return translate(article, extractor.summarize(article, options.withOutputLanguage(null)), target, options);
    }

    /**
     * The brief from a summary already made of {@code article} (by any summarizer): its sentences — or its whole
     * text when it has none — translated into {@code target}, or the summary itself when it already is in
     * {@code target}. The brief counts as cached only when the summary and every translated sentence were.
     */
    public Brief translate(Article article, Summary extract, Language target, SummaryOptions options) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        List<String> chosen = extract.sentences().isEmpty() ? List.of(extract.text()) : extract.sentences();
        Language source = extract.language() != null ? extract.language() : article.language();
        long whole = wholeArticleCharacters(article);
        if (target.sameLanguageAs(source)) {
            return new Brief(extract, chosen, source, 0, whole);
        }
        TranslationRequest request = TranslationRequest.of(chosen, source, target);
        TranslationResult result = translator.translate(request);
        if (result.segments().size() != chosen.size()) {
            throw new DragomanException(
                    Kind.BACKEND_UNAVAILABLE,
                    "translator '" + result.backend() + "' returned "
                            + result.segments().size() + " segments for " + chosen.size() + " sentences");
        }
        List<String> translated = new ArrayList<>();
        List<String> warnings = new ArrayList<>(extract.warnings());
        if (result.fallback() != null) {
            warnings.add(result.fallback()); // a degraded result says so
        }
        boolean fromCache = extract.fromCache();
        long sent = 0; // what reached the translator: a sentence served from a cache was not sent
        for (int i = 0; i < result.segments().size(); i++) {
            TranslatedSegment s = result.segments().get(i);
            translated.add(s.text());
            warnings.addAll(s.warnings());
            fromCache &= s.fromCache();
            if (!s.fromCache()) {
                sent += chosen.get(i).length();
            }
        }
        String text = switch (options.style()) {
            case BULLETS ->
                String.join("\n", translated.stream().map(s -> "- " + s).toList());
            default -> String.join(" ", translated);
        };
        Summary summary = new Summary(
                text,
                translated,
                target,
                extract.backend() + "+" + result.backend(),
                result.model(),
                result.usage(),
                extract.created(),
                fromCache,
                warnings,
                extract.anchors(), // resolved on the source sentences, the words as the source prints them
                result.fallback() != null ? result.fallback() : extract.fallback()); // said in the warnings too
        return new Brief(summary, chosen, source, sent, whole);
    }

    /** Characters of the headline and the main story's sentences: what a translate-everything run would send. */
    public static long wholeArticleCharacters(Article article) {
        long n = article.headline() == null ? 0 : article.headline().length();
        for (MainStory.Sentence s : MainStory.sentences(article)) {
            n += s.text().length();
        }
        return n;
    }
}

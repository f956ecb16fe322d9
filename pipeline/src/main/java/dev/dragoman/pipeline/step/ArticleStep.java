package dev.dragoman.pipeline.step;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.summarize.brief.Brief;
import dev.dragoman.summarize.brief.BriefPipeline;
import dev.dragoman.translate.ArticleTranslation;
import dev.dragoman.translate.ArticleTranslator;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.TranslationProvenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The per-article step every front end shares: one article in; its translation, summary and brief, with their
 * provenance, usage and warnings out. The backends are injected, already decorated (cache, retry, rate limit,
 * metering) by whoever builds them, and shared by every caller, so their limits and cache hold across a whole batch.
 *
 * <p>Translation goes through the translate module's {@link ArticleTranslator} exactly as {@code dragoman translate}
 * does it: every part in place — headline, dateline, paragraphs, source line, each "read also" story as its own
 * article. The brief is summarize's {@link BriefPipeline} over the summary just made: its sentences, one segment each,
 * through the same backend. A stage that
 * fails throws {@link StageException} naming it ("translate", "summarize", "brief"); nothing falls back silently.
 * Thread-safe when the backends are.
 */
public final class ArticleStep {

    private final TranslationBackend translator;
    private final ArticleTranslator articles;
    private final Summarizer summarizer;

    private ArticleStep(Builder b) {
        this.translator = b.translator;
        this.articles = b.translator == null ? null : ArticleTranslator.over(b.translator);
        this.summarizer = b.summarizer;
    }

    /** A step with no backends yet: add a translator and/or a summarizer for the options that need them. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Refuses options this step has no backend for, before any article is read.
     *
     * @throws DragomanException of kind CONFIGURATION naming the missing backend
     */
    public void check(StepOptions options) {
        if (options.translateTo() != null && translator == null) {
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "--translate-to needs a translation backend; configure one (see 'dragoman config')");
        }
        if (options.needsSummary() && summarizer == null) {
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "--summarize/--brief need a summarizer; configure one (see 'dragoman config')");
        }
        if (options.brief() != null && translator == null) {
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "--brief needs a translation backend for the summary sentences; configure one");
        }
    }

    /**
     * Runs the step on one article.
     *
     * @throws StageException naming the stage that failed, retriable when the cause is
     * @throws DragomanException of kind CONFIGURATION when the options need a backend this step lacks
     */
    public StepResult apply(Article article, StepOptions options) {
        Objects.requireNonNull(article, "article");
        check(options);
        Usage usage = Usage.NONE;
        boolean cachedOnly = true;
        List<String> warnings = new ArrayList<>();
        ArticleTranslation translated = null;
        Language from = options.translateFrom() != null ? options.translateFrom() : article.language();
        if (options.translateTo() != null && !options.translateTo().sameLanguageAs(from)) {
            try {
                translated = articles.translate(
                        article, options.translateFrom(), options.translateTo(), options.translationOptions());
            } catch (RuntimeException e) {
                throw StageException.of("translate", e);
            }
            TranslationProvenance p = translated.provenance();
            usage = usage.plus(p.usage());
            cachedOnly &= !p.parts().isEmpty() && p.parts().stream().allMatch(TranslationProvenance.Part::fromCache);
            if (!p.warnings().isEmpty() && !options.allowFlagged()) {
                boolean strict = options.summaryOptions().strict();
                throw new StageException(
                        "translate",
                        "the translation was flagged (" + String.join("; ", p.warnings()) + ")"
                                + (strict
                                        ? "; --strict refuses it"
                                        : "; it was not kept or cached: run again, or pass --allow-flagged to accept it"),
                        !strict,
                        strict
                                ? new DragomanException(
                                        DragomanException.Kind.QUALITY, "flagged translation (--strict)")
                                : null);
            }
            // a fallback's parts are kept (the chain was configured for this) and said, not flagged
            warnings.addAll(p.notices().stream().map(w -> "translation: " + w).toList());
        }
        Summary summary = null;
        if (options.needsSummary()) {
            try {
                // with a translation and no brief, the summary is read in the target language: summarize the
                // translation (already paid for, or cached) rather than ask for a source-language summary nobody reads
                Article summarized = translated != null && options.brief() == null ? translated.article() : article;
                summary = summarizer.summarize(summarized, options.summaryOptions());
            } catch (RuntimeException e) {
                throw StageException.of("summarize", e);
            }
            usage = usage.plus(summary.usage());
            cachedOnly &= summary.fromCache();
            warnings.addAll(
                    summary.warnings().stream().map(w -> "summary: " + w).toList());
        }
        Summary brief = null;
        if (options.brief() != null) {
            Brief b;
            try {
                b = new BriefPipeline(summarizer, translator)
                        .translate(article, summary, options.brief(), options.summaryOptions());
            } catch (RuntimeException e) {
                throw StageException.of("brief", e);
            }
            brief = b.summary();
            if (brief != summary) {
                usage = usage.plus(brief.usage());
                cachedOnly &= brief.fromCache();
                warnings.addAll(brief.warnings().stream()
                        .skip(summary.warnings().size())
                        .map(w -> "brief: " + w)
                        .toList());
            }
        }
        boolean usedBackend = translated != null || summary != null;
        return new StepResult(article, translated, summary, brief, usage, usedBackend && cachedOnly, warnings);
    }

    /** Builds an {@link ArticleStep}; every backend is optional (the options that need a missing one are refused). */
    public static final class Builder {
        private TranslationBackend translator;
        private Summarizer summarizer;

        private Builder() {}

        /** The decorated translation backend for translations and briefs (usually behind a cache). */
        public Builder translator(TranslationBackend translator) {
            this.translator = translator;
            return this;
        }

        /** The summarizer for summaries and briefs. */
        public Builder summarizer(Summarizer summarizer) {
            this.summarizer = summarizer;
            return this;
        }

        public ArticleStep build() {
            return new ArticleStep(this);
        }
    }
}

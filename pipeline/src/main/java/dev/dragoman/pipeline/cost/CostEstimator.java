package dev.dragoman.pipeline.cost;

import dev.dragoman.core.Article;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.CachedCall;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.batch.Fetcher;
import dev.dragoman.pipeline.batch.ItemSource;
import dev.dragoman.pipeline.batch.WorkItem;
import dev.dragoman.pipeline.step.ArticleStep;
import dev.dragoman.pipeline.step.StepOptions;
import dev.dragoman.pipeline.step.StepResult;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.TranslationProvenance;
import dev.dragoman.translate.Translators;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run would cost, without calling any backend: the run's own {@link ArticleStep} goes through every article
 * with the real backends' profiles, prompts and cache keys, but the bottom of each stack only counts
 * ({@link EstimatingTranslator}) and the cache is only read ({@link EstimateCache}: what the estimate already counted reads as cached, the store is never written). Counted is what the cache would
 * not answer: characters for machine translation, tokens for language models ({@link TokenCounter}), priced from a
 * {@link PriceTable} live and deferred. Offline summarizers run as they are (they cost nothing); a language model's
 * summary is {@link BackendCost#expectedSummary approximated}, with an extractive summary standing in for it so a
 * brief translates sentences of a realistic length.
 *
 * <p>A role with a fallback chain ({@code fallback:}) is also planned on each fallback that bills (machine translators,
 * language models), each in a step of its own over the same articles, so the estimate says what the chain would
 * cost should the first backend run out of quota ({@link Estimate.Line#fallback()}: shown, not added to the total).
 *
 * <p>Needs no key: a key that is not set reads as a placeholder, since nothing is sent. Not thread-safe: one estimate
 * at a time.
 */
public final class CostEstimator {

    private static final Logger LOG = LoggerFactory.getLogger(CostEstimator.class);

    private final Backends backends;
    private final PriceTable prices;
    private final BackendSpec translate;
    private final BackendSpec summarize;
    /** The summarizer's fallback chain (the translator's is {@code backends}'). */
    private final List<Backends.Fallback> summaryFallbacks;

    /**
     * @param backends the run's backends (their cache is the one looked up)
     * @param prices the price table
     * @param translate the translation backend, or null when the run translates nothing
     * @param summarize the summarizer, or null when the run summarizes nothing
     */
    public CostEstimator(Backends backends, PriceTable prices, BackendSpec translate, BackendSpec summarize) {
        this(backends, prices, translate, summarize, List.of());
    }

    private CostEstimator(
            Backends backends,
            PriceTable prices,
            BackendSpec translate,
            BackendSpec summarize,
            List<Backends.Fallback> summaryFallbacks) {
        this.backends = Objects.requireNonNull(backends, "backends").withPlaceholderKeys();
        this.prices = Objects.requireNonNull(prices, "prices");
        this.translate = translate;
        this.summarize = summarize;
        this.summaryFallbacks = List.copyOf(summaryFallbacks);
    }

    /**
     * This estimator, with the summarizer's fallback chain ({@code Settings.backends(summaryBackend).fallbacks()}):
     * its language models get lines of their own (see {@link Estimate.Line#fallback()}). The translator's chain is
     * that of the factory given to the constructor.
     */
    public CostEstimator withSummaryFallbacks(List<Backends.Fallback> chain) {
        return new CostEstimator(backends, prices, translate, summarize, chain == null ? List.of() : chain);
    }

    /** The cost rules of {@code spec} under this estimator's price table. */
    public BackendCost costOf(BackendSpec spec) {
        BackendSpec s = backends.resolve(spec);
        return BackendCost.of(s.name(), s.type(), s.model(), backends.languageModel(s.type()), prices);
    }

    /** What {@code articles} would cost under {@code options}. */
    public Estimate estimate(List<Article> articles, StepOptions options) {
        Run run = new Run();
        for (Article a : articles) {
            run.apply(a, options);
        }
        return run.estimate();
    }

    /**
     * What a batch would cost: its inputs read as the batch reads them (files, directories, globs, feeds and pages
     * through {@code fetcher}), each distinct article once. Articles the cache fully answers cost nothing, as in the
     * run; inputs that cannot be read are counted as unreadable.
     */
    public Estimate estimate(BatchOptions options, Fetcher fetcher) {
        ItemSource source = new ItemSource(fetcher, ArticleReaders.standard(), options.out());
        Run run = new Run();
        Set<String> seen = new HashSet<>();
        for (String src : source.expand(options.inputs())) {
            List<WorkItem> items;
            try {
                items = source.itemsOf(src);
            } catch (RuntimeException e) {
                LOG.debug("cannot read {}", src, e);
                run.unreadable++;
                continue;
            }
            for (WorkItem item : items) {
                Article article;
                try {
                    article = item.loader().load();
                } catch (RuntimeException e) {
                    LOG.debug("cannot read {}", item.key(), e);
                    run.unreadable++;
                    continue;
                }
                if (seen.add(Article.contentId(article.headline(), article.paragraphs()))) {
                    run.apply(article, options.step());
                }
            }
        }
        return run.estimate();
    }

    /** The cost rules of fallback {@code f}, built with its own key lookup (placeholders: nothing is sent). */
    private BackendCost costOf(Backends own, BackendSpec spec) {
        BackendSpec s = own.resolve(spec);
        return BackendCost.of(s.name(), s.type(), s.model(), own.languageModel(s.type()), prices);
    }

    /** A fallback's factory: its own key lookup, placeholders for unset keys, no chain of its own. */
    private Backends own(Backends.Fallback f) {
        return backends.withVariables(f.variables()).withPlaceholderKeys().withFallbacks(List.of());
    }

    /** An estimating translation stack over {@code bottom}, with its own view of the cache. */
    private TranslationBackend stack(EstimatingTranslator bottom) {
        return Translators.pipeline(bottom)
                .cache(new CachedCall(new EstimateCache(backends.cache())))
                .build();
    }

    /**
     * The same run with one role on a fallback: its own step, counted apart, so the line says what that backend would
     * bill for the work should the ones before it run out of quota.
     */
    private final class Shadow {
        final String role;
        final BackendCost cost;
        final EstimatingTranslator translator;
        final EstimatingSummarizer summarizer;
        final ArticleStep step;

        /** {@code f} translating; summaries by a free stand-in (they are counted on the main line). */
        Shadow(Backends.Fallback f) {
            Backends own = own(f);
            this.role = "translate";
            this.cost = costOf(own, f.spec());
            this.translator = new EstimatingTranslator(own.bareTranslator(own.resolve(f.spec())), cost);
            this.summarizer = null;
            this.step = ArticleStep.builder()
                    .translator(stack(translator))
                    .summarizer(new ExtractiveSummarizer())
                    .build();
        }

        /** {@code f} (a language model) summarizing; translations by the main backend, counted apart and dropped. */
        Shadow(Backends.Fallback f, BackendCost translateCost) {
            Backends own = own(f);
            this.role = "summarize";
            this.cost = costOf(own, f.spec());
            this.translator = null;
            this.summarizer = new EstimatingSummarizer(cost);
            this.step = ArticleStep.builder()
                    .translator(
                            translate == null
                                    ? null
                                    : stack(new EstimatingTranslator(
                                            backends.bareTranslator(translate), translateCost)))
                    .summarizer(summarizer)
                    .build();
        }

        Usage usage() {
            return translator != null ? translator.usage() : summarizer.usage.get();
        }
    }

    /** One estimate's stacks and counts. */
    private final class Run {
        private final EstimatingTranslator translator;
        private final BackendCost translateCost;
        private final EstimatingSummarizer summarizer;
        private final Summarizer offline;
        private final ArticleStep step;
        private final List<Shadow> shadows = new ArrayList<>();
        int articles;
        int unreadable;
        long segments;
        long fromCache;

        Run() {
            if (translate != null) {
                translateCost = costOf(translate);
                translator = new EstimatingTranslator(backends.bareTranslator(translate), translateCost);
            } else {
                translateCost = null;
                translator = null;
            }
            TranslationBackend stack = translator == null ? null : stack(translator);
            if (summarize != null
                    && backends.languageModel(backends.resolve(summarize).type())) {
                summarizer = new EstimatingSummarizer(costOf(summarize));
                offline = null;
            } else {
                summarizer = null;
                offline = summarize == null ? null : backends.summarizer(summarize);
            }
            step = ArticleStep.builder()
                    .translator(stack)
                    .summarizer(summarizer != null ? summarizer : offline)
                    .build();
            if (translate != null) {
                String first = backends.resolve(translate).name();
                for (Backends.Fallback f : backends.fallbacks()) {
                    if (backends.canTranslate(f.spec().type())
                            && !f.spec().name().equals(first)) {
                        shadows.add(new Shadow(f));
                    }
                }
            }
            if (summarizer != null) {
                String first = backends.resolve(summarize).name();
                for (Backends.Fallback f : summaryFallbacks) {
                    // an offline summarizer (extractive) costs nothing: only language models get a line
                    if (backends.languageModel(f.spec().type())
                            && !f.spec().name().equals(first)) {
                        shadows.add(new Shadow(f, translateCost));
                    }
                }
            }
        }

        void apply(Article article, StepOptions options) {
            StepResult r;
            try {
                r = step.apply(article, options);
            } catch (RuntimeException e) {
                // an article the run would fail before paying (no body to summarize, an unknown language)
                LOG.debug("cannot plan {}", article.headline(), e);
                unreadable++;
                return;
            }
            for (Shadow shadow : shadows) {
                try {
                    shadow.step.apply(article, options);
                } catch (RuntimeException e) {
                    LOG.debug("cannot plan {} on fallback {}", article.headline(), shadow.cost.name(), e);
                }
            }
            articles++;
            if (r.translation() != null) {
                for (TranslationProvenance.Part p : r.translation().provenance().parts()) {
                    segments++;
                    fromCache += p.fromCache() ? 1 : 0;
                }
            }
        }

        Estimate estimate() {
            List<Estimate.Line> lines = new ArrayList<>();
            if (translator != null) {
                lines.add(line("translate", translateCost, translator.usage()));
            }
            if (summarizer != null) {
                lines.add(line("summarize", summarizer.cost, summarizer.usage.get()));
            }
            for (Shadow shadow : shadows) {
                Estimate.Line l = line(shadow.role, shadow.cost, shadow.usage());
                lines.add(new Estimate.Line(
                        l.role(), l.backend(), l.type(), l.model(), l.usage(), l.tokenizer(), l.cost(), true));
            }
            return new Estimate(articles, unreadable, segments, fromCache, lines);
        }

        private Estimate.Line line(String role, BackendCost c, Usage usage) {
            String tokenizer = !c.tokens() ? null : c.counter().exact() ? "o200k_base" : "estimate";
            return new Estimate.Line(role, c.name(), c.type(), c.model(), usage, tokenizer, c.cost(usage));
        }
    }

    /**
     * A language model's summaries, counted and not sent: an extractive summary stands in for the answer (never
     * stored), and the model's expected usage is added up.
     */
    private static final class EstimatingSummarizer implements Summarizer {
        private final BackendCost cost;
        private final Summarizer standIn = new ExtractiveSummarizer();
        private final AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);

        EstimatingSummarizer(BackendCost cost) {
            this.cost = cost;
        }

        @Override
        public Summary summarize(Article article, SummaryOptions options) {
            Usage u = cost.expectedSummary(article, options);
            usage.accumulateAndGet(u, Usage::plus);
            return standIn.summarize(article, options).withUsage(u);
        }
    }
}

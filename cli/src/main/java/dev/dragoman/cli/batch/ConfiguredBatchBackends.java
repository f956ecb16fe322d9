package dev.dragoman.cli.batch;

import dev.dragoman.cli.config.BackendConfig;
import dev.dragoman.cli.config.ConfigException;
import dev.dragoman.cli.config.Settings;
import dev.dragoman.cli.config.Stores;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.translate.TranslationBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * The backends a batch uses, built once from the configuration (flags &gt; environment &gt; file), exactly as
 * {@code dragoman translate} builds them: the configured translation backend decorated with retry, rate limit,
 * usage metering and the completeness guard, behind the per-segment result cache ({@link
 * Backends#cachedTranslator}, single flight per segment across workers); the configured summarizer (the
 * embedded extractive one, or an LLM through the same cache). Only what the batch's options need is built, so a
 * {@code --summarize}-only batch needs no translation backend. Closing it closes the cache store.
 */
final class ConfiguredBatchBackends implements BatchBackends, AutoCloseable {

    private final TranslationBackend translator;
    private final Summarizer summarizer;
    private final String description;
    private final MeteredResultCache store;

    private ConfiguredBatchBackends(
            TranslationBackend translator, Summarizer summarizer, String description, MeteredResultCache store) {
        this.translator = translator;
        this.summarizer = summarizer;
        this.description = description;
        this.store = store;
    }

    /**
     * @param translateBackend the backend name for translation and briefs (null: none configured)
     * @param summarizeBackend {@code extractive} or a backend name (null: extractive)
     * @throws ConfigException when a needed backend is missing or cannot do its job
     */
    static ConfiguredBatchBackends open(
            Settings settings,
            boolean needTranslator,
            boolean needSummarizer,
            String translateBackend,
            String summarizeBackend,
            String cacheStore,
            String cachePath,
            String cacheUrl,
            Retrier.Listener onRetry) {
        MeteredResultCache store = Stores.open(settings, cacheStore, cachePath, cacheUrl);
        try {
            List<String> described = new ArrayList<>();
            TranslationBackend translator = null;
            if (needTranslator) {
                if (translateBackend == null || translateBackend.isBlank()) {
                    throw new ConfigException("No translation backend is configured for --translate-to/--brief: pass "
                            + "--translate-backend NAME, set DRAGOMAN_TRANSLATE_BACKEND or write 'translate: backend:' "
                            + "in " + settings.config().path() + " ('dragoman config init' writes a starter file).");
                }
                BackendConfig b = settings.backend(translateBackend.strip());
                translator = settings.backends(b)
                        .withCache(store)
                        .withMeter(new UsageMeter())
                        .withRetryListener(onRetry)
                        .cachedTranslator(b.spec());
                described.add("translate=" + b.type() + ":"
                        + (b.spec().model() == null ? "-" : b.spec().model()));
            }
            Summarizer summarizer = null;
            if (needSummarizer) {
                String name = summarizeBackend == null || summarizeBackend.isBlank()
                        ? "extractive"
                        : summarizeBackend.strip();
                BackendConfig b = settings.backend(name);
                Backends backends = settings.backends(b).withCache(store).withRetryListener(onRetry);
                summarizer = backends.summarizer(b.spec());
                described.add("summarize=" + b.type() + ":" + backends.summaryModel(b.spec()));
            }
            return new ConfiguredBatchBackends(translator, summarizer, String.join(",", described), store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public TranslationBackend translator() {
        return translator;
    }

    @Override
    public Summarizer summarizer() {
        return summarizer;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        store.close();
    }
}

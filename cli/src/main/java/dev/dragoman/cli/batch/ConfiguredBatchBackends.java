package dev.dragoman.cli.batch;

import dev.dragoman.cli.config.BackendConfig;
import dev.dragoman.cli.config.ConfigException;
import dev.dragoman.cli.config.Settings;
import dev.dragoman.cli.config.Stores;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.backend.RunBackends;
import dev.dragoman.translate.TranslationBackend;

/**
 * The batch's backends from the configuration (flags &gt; environment &gt; file): the names are resolved to specs,
 * the cache store is opened, and the pipeline builds them ({@link RunBackends}) exactly as {@code dragoman
 * translate} does. Only what the batch's options need is built, so a {@code --summarize}-only batch needs no
 * translation backend. Closing it closes the cache store.
 */
final class ConfiguredBatchBackends implements AutoCloseable {

    private final RunBackends backends;
    private final MeteredResultCache store;

    private ConfiguredBatchBackends(RunBackends backends, MeteredResultCache store) {
        this.backends = backends;
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
        BackendConfig translate = null;
        if (needTranslator) {
            if (translateBackend == null || translateBackend.isBlank()) {
                throw new ConfigException("No translation backend is configured for --translate-to/--brief: pass "
                        + "--translate-backend NAME, set DRAGOMAN_TRANSLATE_BACKEND or write 'translate: backend:' "
                        + "in " + settings.config().path() + " ('dragoman config init' writes a starter file).");
            }
            translate = settings.backend(translateBackend.strip());
        }
        BackendConfig summarize = null;
        if (needSummarizer) {
            summarize = settings.backend(
                    summarizeBackend == null || summarizeBackend.isBlank() ? "extractive" : summarizeBackend.strip());
        }
        MeteredResultCache store = Stores.open(settings, cacheStore, cachePath, cacheUrl);
        try {
            return new ConfiguredBatchBackends(
                    RunBackends.build(
                            factory(settings, translate, store, onRetry),
                            translate == null ? null : translate.spec(),
                            factory(settings, summarize, store, onRetry),
                            summarize == null ? null : summarize.spec()),
                    store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Backends factory(
            Settings settings, BackendConfig b, MeteredResultCache store, Retrier.Listener onRetry) {
        return b == null ? null : settings.backends(b).withCache(store).withRetryListener(onRetry);
    }

    TranslationBackend translator() {
        return backends.translator();
    }

    Summarizer summarizer() {
        return backends.summarizer();
    }

    /** Part of the options fingerprint: a different backend or model redoes finished items. */
    String describe() {
        return backends.description();
    }

    @Override
    public void close() {
        store.close();
    }
}

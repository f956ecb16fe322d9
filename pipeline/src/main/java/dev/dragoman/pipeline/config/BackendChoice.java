package dev.dragoman.pipeline.config;

/**
 * Which backends and cache store a run names, as a front end's flags give them; anything null falls back to the
 * environment, the file and the defaults when {@link ConfiguredBackends} resolves it. Holds names only, never a key.
 *
 * @param translate the backend for translations and briefs (null: none configured)
 * @param summarize {@code extractive} or an LLM backend for summaries and briefs (null: extractive)
 * @param cacheStore sqlite, redis, memory or none (null: sqlite)
 * @param cachePath the SQLite file (null: the XDG default)
 * @param cacheUrl the Redis URL (null: none)
 * @param translateFlag the front end's flag that names the translation backend for one run ({@code --backend},
 *     {@code --translate-backend}), named when none is configured; null for a front end without one
 */
public record BackendChoice(
        String translate,
        String summarize,
        String cacheStore,
        String cachePath,
        String cacheUrl,
        String translateFlag) {

    /** A choice from a front end without a flag naming the translation backend. */
    public BackendChoice(String translate, String summarize, String cacheStore, String cachePath, String cacheUrl) {
        this(translate, summarize, cacheStore, cachePath, cacheUrl, null);
    }

    /** A copy whose translation backend is named by {@code flag} on this front end's command line. */
    public BackendChoice withTranslateFlag(String flag) {
        return new BackendChoice(translate, summarize, cacheStore, cachePath, cacheUrl, flag);
    }
}

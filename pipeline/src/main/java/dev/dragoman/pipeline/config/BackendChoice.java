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
 */
public record BackendChoice(String translate, String summarize, String cacheStore, String cachePath, String cacheUrl) {}

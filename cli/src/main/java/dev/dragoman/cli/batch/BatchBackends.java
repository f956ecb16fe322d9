package dev.dragoman.cli.batch;

import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.translate.TranslationBackend;

/**
 * The backends a batch uses, built once and shared by every worker (so each backend's rate limits, retries and
 * cache hold across the whole batch). Either may be null when not configured; the batch then refuses the options
 * that need it with a configuration error.
 */
interface BatchBackends {

    /**
     * The translation backend (decorated with cache, retry, rate limit by whoever builds it), or null; the batch
     * translates articles over it with the translate module's {@code ArticleTranslator}.
     */
    TranslationBackend translator();

    /** The summarizer, or null. */
    Summarizer summarizer();

    /** Names of the backends and models, part of the options fingerprint (a different backend redoes items). */
    String describe();
}

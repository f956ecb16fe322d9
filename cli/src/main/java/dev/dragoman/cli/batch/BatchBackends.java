package dev.dragoman.cli.batch;

import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.translation.Translator;

/**
 * The backends a batch uses, built once and shared by every worker (so each backend's rate limits, retries and
 * cache hold across the whole batch). Either may be null when not configured; the batch then refuses the options
 * that need it with a configuration error.
 */
interface BatchBackends {

    /** The translator (decorated with cache, retry, rate limit by whoever builds it), or null. */
    Translator translator();

    /** The summarizer, or null. */
    Summarizer summarizer();

    /** Names of the backends and models, part of the options fingerprint (a different backend redoes items). */
    String describe();

    /** No backend configured. */
    BatchBackends NONE = new BatchBackends() {
        @Override
        public Translator translator() {
            return null;
        }

        @Override
        public Summarizer summarizer() {
            return null;
        }

        @Override
        public String describe() {
            return "";
        }
    };
}

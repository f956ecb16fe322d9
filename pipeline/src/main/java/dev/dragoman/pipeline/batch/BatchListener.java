package dev.dragoman.pipeline.batch;

/** Hears a batch run's progress (a progress bar, log lines). Called from worker threads: must be thread-safe. */
public interface BatchListener {

    /** How an item ended. */
    enum Outcome {
        DONE,
        FROM_CACHE,
        SKIPPED,
        FAILED
    }

    /** The run starts with {@code sources} sources to read (the number of items is known only as they are read). */
    default void started(int sources) {}

    /** One more item is known (to grow a progress bar's total). */
    default void discovered(int items) {}

    /** An item ended; {@code detail} is its key, plus the reason when it failed. */
    default void item(Outcome outcome, String key, String detail) {}

    /** The run ended. */
    default void finished(RunReport report) {}

    BatchListener NONE = new BatchListener() {};
}

package dev.dragoman.pipeline.batch;

import java.io.PrintWriter;

/** Hears a batch run's progress (a progress bar, log lines). Called from worker threads: must be thread-safe. */
public interface BatchListener {

    /** How an item ended. */
    enum Outcome {
        DONE,
        FROM_CACHE,
        SKIPPED,
        FAILED,
        /** Handed to a provider batch (deferred mode): neither done nor failed; a later run completes it. */
        DEFERRED
    }

    /** The run starts with {@code sources} sources to read (the number of items is known only as they are read). */
    default void started(int sources) {}

    /** One more item is known (to grow a progress bar's total). */
    default void discovered(int items) {}

    /**
     * An item ended; {@code detail} is the stage and reason when it failed, what was done beyond the feed (a teaser
     * item's page fetched) when it was done, else null.
     */
    default void item(Outcome outcome, String key, String detail) {}

    /** The run ended. */
    default void finished(RunReport report) {}

    BatchListener NONE = new BatchListener() {};

    /**
     * One line per item on {@code log} ("done    KEY", "FAILED  KEY — reason"), then the run's summary line; lines
     * from workers never interleave. For logs and terminals without a progress bar.
     */
    static BatchListener lines(PrintWriter log) {
        return new BatchListener() {
            @Override
            public void item(Outcome outcome, String key, String detail) {
                String word = switch (outcome) {
                    case DONE -> "done   ";
                    case FROM_CACHE -> "cached ";
                    case SKIPPED -> "skipped";
                    case FAILED -> "FAILED ";
                    case DEFERRED -> "waiting";
                };
                synchronized (log) {
                    log.println(word + " " + key + (detail == null ? "" : " — " + detail));
                    log.flush();
                }
            }

            @Override
            public void finished(RunReport report) {
                synchronized (log) {
                    log.println(report.summaryLine());
                    log.flush();
                }
            }
        };
    }
}

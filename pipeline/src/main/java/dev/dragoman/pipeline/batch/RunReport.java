package dev.dragoman.pipeline.batch;

import dev.dragoman.core.usage.Usage;
import dev.dragoman.pipeline.step.StageException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a run did: counts, backend usage, wall time, the finished entries for the digest (this run's, plus the ones
 * already done when the run re-covers a one-shot batch), the failures, whether it was stopped early (SIGTERM), and in
 * deferred mode the items left waiting for provider batches still in flight (and those batches).
 */
public record RunReport(
        Instant started,
        Instant ended,
        int done,
        int fromCache,
        int failed,
        int skipped,
        Usage usage,
        List<DoneRecord> entries,
        List<StageException> failures,
        boolean stopped,
        List<FailedItem> failedItems,
        int deferred,
        List<String> batchesInFlight) {

    /** The exit code of a run that left items waiting for a provider batch in flight (deferred mode). */
    public static final int IN_FLIGHT = dev.dragoman.core.error.DragomanException.Kind.DEFERRED.exitCode();

    /** A failed item named for people: its input (file, URL or feed item), the stage and the reason. */
    public record FailedItem(String input, String stage, String reason, boolean retriable) {}

    public RunReport {
        // a local run's entries are places in its journal, read back when used (JournalEntries): immutable, not copied
        entries = entries instanceof JournalEntries ? entries : List.copyOf(entries);
        failures = List.copyOf(failures);
        failedItems = failedItems == null ? List.of() : List.copyOf(failedItems);
        batchesInFlight = batchesInFlight == null ? List.of() : List.copyOf(batchesInFlight);
    }

    /** A report of a live run (nothing deferred). */
    public RunReport(
            Instant started,
            Instant ended,
            int done,
            int fromCache,
            int failed,
            int skipped,
            Usage usage,
            List<DoneRecord> entries,
            List<StageException> failures,
            boolean stopped,
            List<FailedItem> failedItems) {
        this(started, ended, done, fromCache, failed, skipped, usage, entries, failures, stopped, failedItems, 0, null);
    }

    /** This report with {@code items} waiting for the batches {@code batches} (descriptions) in flight. */
    public RunReport withDeferred(int items, List<String> batches) {
        return new RunReport(
                started,
                ended,
                done,
                fromCache,
                failed,
                skipped,
                usage,
                entries,
                failures,
                stopped,
                failedItems,
                items,
                batches);
    }

    /** A report whose failures are not named by input (tests, callers without items). */
    public RunReport(
            Instant started,
            Instant ended,
            int done,
            int fromCache,
            int failed,
            int skipped,
            Usage usage,
            List<DoneRecord> entries,
            List<StageException> failures,
            boolean stopped) {
        this(started, ended, done, fromCache, failed, skipped, usage, entries, failures, stopped, List.of());
    }

    public Duration wallTime() {
        return Duration.between(started, ended);
    }

    /**
     * 0 when nothing failed; else the first lasting failure's code, or — when every failure may pass on a re-run — the
     * first failure's: the code {@code translate} and {@code summarize} exit with for the same failure (69 for a
     * backend that is down, 75 for a rate limit or a timeout). Items waiting for a provider batch (deferred mode)
     * make it {@link #IN_FLIGHT} unless an item failed for good.
     */
    public int exitCode() {
        for (StageException f : failures) {
            if (!f.retriable()) {
                return f.exitCode();
            }
        }
        if (deferred > 0) {
            return IN_FLIGHT;
        }
        return failures.isEmpty() ? 0 : failures.get(0).exitCode();
    }

    /** The closing summary line. */
    public String summaryLine() {
        Duration wall = wallTime();
        return String.format(
                java.util.Locale.ROOT,
                "batch %s: %d done (%d from cache), %d failed, %d skipped%s; backend usage: %d requests, %d characters, "
                        + "%d tokens (%d in, %d out); wall time %d.%01ds",
                stopped ? "stopped" : deferred > 0 ? "waiting" : "finished",
                done,
                fromCache,
                failed,
                skipped,
                deferred > 0
                        ? ", " + deferred + " waiting for " + String.join(", ", batchesInFlight) + " (run again later)"
                        : "",
                usage.requests(),
                usage.characters(),
                usage.totalTokens(),
                usage.inputTokens(),
                usage.outputTokens(),
                wall.toSeconds(),
                wall.toMillisPart() / 100);
    }
}

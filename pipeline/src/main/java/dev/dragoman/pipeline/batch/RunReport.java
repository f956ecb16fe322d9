package dev.dragoman.pipeline.batch;

import dev.dragoman.core.usage.Usage;
import dev.dragoman.pipeline.step.StageException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a run did: counts, backend usage, wall time, the finished entries for the digest (this run's, plus the ones
 * already done when the run re-covers a one-shot batch), the failures, and whether it was stopped early (SIGTERM).
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
        List<FailedItem> failedItems) {

    /** A failed item named for people: its input (file, URL or feed item), the stage and the reason. */
    public record FailedItem(String input, String stage, String reason, boolean retriable) {}

    public RunReport {
        entries = List.copyOf(entries);
        failures = List.copyOf(failures);
        failedItems = failedItems == null ? List.of() : List.copyOf(failedItems);
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
     * backend that is down, 75 for a rate limit or a timeout).
     */
    public int exitCode() {
        if (failures.isEmpty()) {
            return 0;
        }
        for (StageException f : failures) {
            if (!f.retriable()) {
                return f.exitCode();
            }
        }
        return failures.get(0).exitCode();
    }

    /** The closing summary line. */
    public String summaryLine() {
        Duration wall = wallTime();
        return String.format(
                java.util.Locale.ROOT,
                "batch %s: %d done (%d from cache), %d failed, %d skipped; backend usage: %d requests, %d characters, "
                        + "%d tokens (%d in, %d out); wall time %d.%01ds",
                stopped ? "stopped" : "finished",
                done,
                fromCache,
                failed,
                skipped,
                usage.requests(),
                usage.characters(),
                usage.totalTokens(),
                usage.inputTokens(),
                usage.outputTokens(),
                wall.toSeconds(),
                wall.toMillisPart() / 100);
    }
}

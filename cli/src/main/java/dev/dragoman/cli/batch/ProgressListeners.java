package dev.dragoman.cli.batch;

import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.RunReport;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The two ways a batch shows progress: a progress bar on a terminal, one plain log line per item otherwise. */
final class ProgressListeners {

    private ProgressListeners() {}

    /** A progress bar on stderr (done/total, rate, ETA, failures as the extra message). */
    static BatchListener bar(PrintWriter err) {
        return new BatchListener() {
            private ProgressBar bar;
            private final AtomicInteger known = new AtomicInteger();
            private final AtomicInteger failed = new AtomicInteger();

            @Override
            public synchronized void started(int sources) {
                bar = new ProgressBarBuilder()
                        .setTaskName("batch")
                        .setInitialMax(sources)
                        .setStyle(ProgressBarStyle.ASCII)
                        .showSpeed()
                        .setUnit(" items", 1)
                        .build();
            }

            @Override
            public synchronized void discovered(int items) {
                int n = known.addAndGet(items);
                if (bar != null && n > bar.getMax()) {
                    bar.maxHint(n);
                }
            }

            @Override
            public synchronized void item(Outcome outcome, String key, String detail) {
                if (outcome == Outcome.FAILED) {
                    bar.setExtraMessage("failed " + failed.incrementAndGet());
                }
                bar.step();
            }

            @Override
            public synchronized void finished(RunReport report) {
                if (bar != null) {
                    bar.maxHint(bar.getCurrent());
                    bar.close();
                }
                err.println(report.summaryLine());
                err.flush();
            }
        };
    }

    /** One line per item on {@code err}, then the closing summary. */
    static BatchListener lines(PrintWriter err) {
        return new BatchListener() {
            @Override
            public void item(Outcome outcome, String key, String detail) {
                String word = switch (outcome) {
                    case DONE -> "done   ";
                    case FROM_CACHE -> "cached ";
                    case SKIPPED -> "skipped";
                    case FAILED -> "FAILED ";
                };
                synchronized (err) {
                    err.println(word + " " + key + (detail == null ? "" : " — " + detail));
                    err.flush();
                }
            }

            @Override
            public void finished(RunReport report) {
                synchronized (err) {
                    err.println(report.summaryLine());
                    err.flush();
                }
            }
        };
    }
}

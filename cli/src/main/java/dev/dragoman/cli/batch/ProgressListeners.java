package dev.dragoman.cli.batch;

import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.RunReport;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A batch's progress bar on a terminal (elsewhere {@link BatchListener#lines} logs one line per item). */
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
}

package dev.dragoman.cli.batch;

import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.ProgressLine;
import dev.dragoman.pipeline.batch.RunReport;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/** A batch's progress bar on a terminal (elsewhere {@link BatchListener#lines} logs one line per item). */
final class ProgressListeners {

    /** {@code --progress}: a bar on a terminal else one line per item, a bar, or one line per item. */
    enum Mode {
        AUTO,
        BAR,
        LINES
    }

    private ProgressListeners() {}

    /** The progress display {@code mode} names, drawn on {@code err}. */
    static BatchListener of(Mode mode, PrintWriter err) {
        return switch (mode) {
            case BAR -> bar(err);
            case LINES -> BatchListener.lines(err);
            case AUTO -> System.console() != null ? bar(err) : BatchListener.lines(err);
        };
    }

    /** A progress bar on stderr, as wide as the terminal. */
    static BatchListener bar(PrintWriter err) {
        return bar(err, null);
    }

    /**
     * A progress bar drawn by {@code consumer} (null: progressbar's console consumer; tests point it at a string): the line is {@link ProgressLine}'s
     * for the consumer's width; after a stop (Ctrl-C) the bar keeps its real counts rather than jumping to 100 %.
     */
    static BatchListener bar(PrintWriter err, ProgressBarConsumer consumer) {
        return new BatchListener() {
            private ProgressBar bar;
            private final AtomicInteger known = new AtomicInteger();
            private final AtomicInteger failed = new AtomicInteger();
            private final AtomicBoolean stopped = new AtomicBoolean();

            @Override
            public synchronized void started(int sources) {
                ProgressBarBuilder builder = new ProgressBarBuilder()
                        .setTaskName("batch")
                        .setInitialMax(sources)
                        .setRenderer((state, width) -> ProgressLine.render(
                                state.getCurrent(),
                                state.getMax(),
                                failed.get(),
                                state.getTotalElapsed(),
                                stopped.get(),
                                width));
                bar = (consumer == null ? builder : builder.setConsumer(consumer)).build();
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
                    failed.incrementAndGet();
                }
                bar.step();
            }

            @Override
            public synchronized void finished(RunReport report) {
                if (bar != null) {
                    if (report.stopped()) {
                        stopped.set(true);
                    } else {
                        bar.maxHint(bar.getCurrent()); // every source read: what was done is the whole
                    }
                    bar.close();
                }
                err.println(report.summaryLine());
                err.flush();
            }
        };
    }
}

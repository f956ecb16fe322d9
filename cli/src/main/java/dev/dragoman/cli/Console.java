package dev.dragoman.cli;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.pipeline.io.ArticleRun;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command's view of the terminal: results on {@link #out()}, notes on stderr unless {@code --quiet}, causes and
 * timings on stderr with {@code --verbose}.
 */
public final class Console implements ArticleRun.Listener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;
    private final boolean quiet;

    public Console(CommandSpec spec, CommonOptions common) {
        this(spec.commandLine().getOut(), spec.commandLine().getErr(), common.verbose(), common.quiet());
    }

    Console(PrintWriter out, PrintWriter err, boolean verbose, boolean quiet) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
        this.quiet = quiet;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public boolean verbose() {
        return verbose;
    }

    /** "dragoman: MESSAGE" on stderr, also with {@code --quiet}: an input failed and the run goes on. */
    @Override
    public void inputFailed(String message) {
        err.println("dragoman: " + message);
    }

    /** A note for people (a warning, a summary line); suppressed by {@code --quiet}. */
    @Override
    public void note(String format, Object... args) {
        if (!quiet) {
            err.println(String.format(Locale.ROOT, format, args));
            err.flush();
        }
    }

    /** Each warning as "Warning: ABOUT: WARNING" ({@code about} null: "Warning: WARNING."); not with --quiet. */
    public void warnings(String about, java.util.Collection<String> warnings) {
        for (String w : warnings) {
            if (about == null) {
                note("Warning: %s%s", w, w.endsWith(".") ? "" : ".");
            } else {
                note("Warning: %s: %s", about, w);
            }
        }
    }

    /** A detail printed only with {@code --verbose}. */
    @Override
    public void detail(String format, Object... args) {
        if (verbose) {
            err.println(String.format(Locale.ROOT, format, args));
            err.flush();
        }
    }

    /** A retry note ({@link Retrier.Listener#describe}): a {@code Retrier.Listener}. */
    public void retrying(String what, int attempt, Duration delay, DragomanException failure) {
        note("%s", Retrier.Listener.describe(what, attempt, delay, failure));
    }

    /** Runs {@code work}, printing "label: N ms" with {@code --verbose}. */
    @Override
    public <T> T timed(String label, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            detail("%s: %d ms", label, (System.nanoTime() - start) / 1_000_000);
        }
    }
}

package dev.dragoman.core.error;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream whose every line passes through {@link Secrets#redact} before it is written — for {@code System.err} as
 * library logging sees it (slf4j-simple looks the stream up on every line), so a key in a third-party log line or a
 * trace never reaches the terminal or a log file. A front end installs it ({@link #over}); the library never
 * touches the standard streams. A third-party library's stack trace (slf4j-simple prints
 * the trace of a logged exception) is cut to its message lines — the exception and its causes — unless the front end
 * {@linkplain #showTraces shows traces} (the CLI's --verbose). Thread-safe.
 */
public final class RedactingStream extends OutputStream {

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    RedactingStream(PrintStream target) {
        this.target = target;
    }

    /** {@code target} behind a redacting stream; {@code target} itself when it already is one. */
    public static PrintStream over(PrintStream target) {
        return target instanceof Installed ? target : new Installed(new RedactingStream(target));
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private static volatile boolean traces;

    /** Whether stack-trace frames ({@code \tat …}, {@code ... 12 more}) reach the terminal: with --verbose only. */
    public static void showTraces(boolean show) {
        traces = show;
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            String text = line.toString(StandardCharsets.UTF_8);
            if (traces || !isFrame(text)) {
                target.print(Secrets.redact(text));
            }
            line.reset();
        }
        target.flush();
    }

    /** A frame line of a printed stack trace. */
    static boolean isFrame(String line) {
        String s = line.stripLeading();
        return line.length() > s.length()
                && (s.startsWith("at ") || s.matches("\\.\\.\\. \\d+ (more|common frames omitted)\\R?"));
    }

    private static final class Installed extends PrintStream {
        Installed(RedactingStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }
    }
}

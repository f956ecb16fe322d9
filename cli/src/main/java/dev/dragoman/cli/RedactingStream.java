package dev.dragoman.cli;

import dev.dragoman.core.error.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code System.err} as library logging sees it (slf4j-simple looks the stream up on every line): each line passes
 * through {@link Secrets#redact} before it is written, so a key in a third-party log line or a trace never reaches
 * the terminal or a log file.
 */
final class RedactingStream extends OutputStream {

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private RedactingStream(PrintStream target) {
        this.target = target;
    }

    /** Wraps {@code System.err} once; later calls (another in-process run) keep the wrapper. */
    static synchronized void installOnSystemErr() {
        if (System.err instanceof Installed) {
            return;
        }
        System.setErr(new Installed(new RedactingStream(System.err)));
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

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            String text = Secrets.redact(line.toString(StandardCharsets.UTF_8));
            target.print(text);
            line.reset();
        }
        target.flush();
    }

    private static final class Installed extends PrintStream {
        Installed(RedactingStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }
    }
}

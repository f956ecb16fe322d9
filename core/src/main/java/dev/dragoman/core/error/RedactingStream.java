package dev.dragoman.core.error;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream whose every line passes through {@link Secrets#redact} before it is written — for {@code System.err} as
 * library logging sees it (slf4j-simple looks the stream up on every line), so a key in a third-party log line or a
 * trace never reaches the terminal or a log file. A front end installs it ({@link #over}); the library never
 * touches the standard streams. Thread-safe.
 */
public final class RedactingStream extends OutputStream {

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private RedactingStream(PrintStream target) {
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

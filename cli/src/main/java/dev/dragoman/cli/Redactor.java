package dev.dragoman.cli;

import dev.dragoman.core.error.Secrets;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * Scrubs secrets (API keys from the environment or the file) from everything the CLI writes: both output streams
 * pass through it, so no message, echoed server response or stack trace can print a key. The redaction is
 * {@link Secrets}' (one list of keys for every sink).
 */
final class Redactor {

    static final String MASK = Secrets.MASK;

    private final boolean any;

    Redactor(List<String> secrets) {
        Secrets.register(secrets);
        this.any = !secrets.isEmpty();
    }

    String redact(String text) {
        return Secrets.redact(text);
    }

    /** {@code target} wrapped so every string written to it is redacted. */
    PrintWriter wrap(PrintWriter target) {
        if (!any) {
            return target;
        }
        Writer filter = new FilterWriter(target) {
            @Override
            public void write(String str, int off, int len) throws IOException {
                String r = redact(str.substring(off, off + len));
                out.write(r, 0, r.length());
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                write(new String(cbuf, off, len), 0, len);
            }

            @Override
            public void write(String str) throws IOException {
                String r = redact(str);
                out.write(r, 0, r.length());
            }
        };
        return new PrintWriter(filter, true);
    }
}

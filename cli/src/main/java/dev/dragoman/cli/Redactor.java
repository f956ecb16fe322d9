package dev.dragoman.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;

/**
 * Scrubs secrets (API keys from the environment or the file) from everything the CLI writes: both output streams
 * pass through it, so no message, echoed server response or stack trace can print a key.
 */
final class Redactor {

    static final String MASK = "[REDACTED]";

    private final List<String> secrets;

    Redactor(List<String> secrets) {
        // longest first, so a key that contains another is masked whole
        this.secrets = secrets.stream()
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String s : secrets) {
            if (result.contains(s)) {
                result = result.replace(s, MASK);
            }
        }
        return result;
    }

    /** {@code target} wrapped so every string written to it is redacted. */
    PrintWriter wrap(PrintWriter target) {
        if (secrets.isEmpty()) {
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

package dev.dragoman.core.error;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The secrets (API keys) of this process, and the one redaction every error passes through: {@link
 * DragomanException} and the pipeline's stage failures redact their message and cause chain when they are built, so
 * no sink that sees an error — standard streams, logs, the batch journal, failures.jsonl, outputs — can see a key
 * a server echoed back. The front end registers the keys it hands to backends once, at start-up.
 *
 * <p>Process-wide on purpose (the one exception to "no statics"): an error is built deep inside a library call
 * (a LangChain4j model, an OkHttp response) where no injected redactor reaches, and a key belongs to the process,
 * not to one object. Values shorter than {@value #MIN_LENGTH} characters are not registered: masking them would
 * mangle ordinary text. Thread-safe.
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "[REDACTED]";
    /** The shortest value treated as a secret. */
    public static final int MIN_LENGTH = 6;

    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    private Secrets() {}

    /** Adds secrets to redact from now on (nulls, blanks and values shorter than {@value #MIN_LENGTH} are ignored). */
    public static synchronized void register(Collection<String> secrets) {
        for (String s : secrets) {
            if (s != null && s.strip().length() >= MIN_LENGTH && !SECRETS.contains(s.strip())) {
                SECRETS.add(s.strip());
            }
        }
        // longest first, so a key that contains another is masked whole
        List<String> sorted = SECRETS.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        SECRETS.clear();
        SECRETS.addAll(sorted);
    }

    /** {@code text} with every registered secret replaced by {@link #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || SECRETS.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : SECRETS) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    /**
     * {@code target} wrapped so every string written to it is redacted (when it is written, so keys registered later
     * are masked too); an auto-flushing writer, for a front end's output and error streams.
     */
    public static PrintWriter redacting(Writer target) {
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

    /**
     * {@code t} itself when no message in its cause chain holds a secret, else a copy of the chain whose messages are
     * redacted (each link a {@link Redacted} naming the original class, with the original stack trace).
     */
    public static Throwable redact(Throwable t) {
        if (t == null || SECRETS.isEmpty() || !holdsSecret(t)) {
            return t;
        }
        return copy(t, 0);
    }

    private static boolean holdsSecret(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 20; c = c.getCause(), depth++) {
            String m = c.getMessage();
            if (m != null && !m.equals(redact(m))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable copy(Throwable t, int depth) {
        Throwable cause =
                t.getCause() == null || t.getCause() == t || depth >= 20 ? null : copy(t.getCause(), depth + 1);
        Redacted r = new Redacted(t.getClass().getName() + ": " + redact(String.valueOf(t.getMessage())), cause);
        r.setStackTrace(t.getStackTrace());
        return r;
    }

    /** A link of a cause chain whose message held a secret: the original class's name and the redacted message. */
    public static final class Redacted extends RuntimeException {
        Redacted(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

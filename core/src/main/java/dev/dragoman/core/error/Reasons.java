package dev.dragoman.core.error;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * A failure in people's words, for every message that reaches a user (stderr, failures.jsonl, the journal, a
 * server's error body): the innermost cause that says something, never an exception class name, a stack frame or a
 * secret. Where a low-level exception has no message of its own, its type says what happened ("connection refused",
 * "timed out", "unknown host"). One line, at most 300 characters.
 */
public final class Reasons {

    /** A fully qualified or simple exception class name, with the colon that follows it in {@code toString()}. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)*[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    private Reasons() {}

    /**
     * What a front end prints when {@code e} ends a command, each line ending in a newline: "PROGRAM: message" (a
     * Dragoman failure's own message; an input/output failure or anything else, its reason in words); with {@code
     * verbose}, every cause, and the stack trace of a failure that is not Dragoman's own (a bug to report).
     */
    public static String report(String program, Throwable e, boolean verbose) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        if (e instanceof DragomanException) {
            w.println(program + ": " + e.getMessage());
        } else if (e instanceof UncheckedIOException || e instanceof IOException) {
            w.println(program + ": input/output failed: " + of(e));
        } else {
            w.println(program + ": unexpected error (" + of(e) + ")"
                    + (verbose ? "" : "; run again with --verbose for details, and please report it") + ".");
        }
        if (verbose) {
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                w.println("  caused by: " + c.getClass().getName() + ": " + c.getMessage());
            }
            if (!(e instanceof DragomanException)) {
                e.printStackTrace(w);
            }
        }
        w.flush();
        return text.toString();
    }

    /** What went wrong with {@code e}, in words. */
    public static String of(Throwable e) {
        if (e == null) {
            return "no reason given";
        }
        String best = null;
        String meaning = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String words = words(t);
            if (words != null) {
                best = words;
            }
            String m = meaning(t.getClass().getSimpleName());
            if (m == null && t.getMessage() != null) {
                // a wrapper whose message is only its cause's toString() ("java.net.ConnectException")
                java.util.regex.Matcher named = CLASS_NAME.matcher(t.getMessage());
                while (m == null && named.find()) {
                    String name = named.group().replaceAll("[:\\s]+$", "");
                    m = meaning(name.substring(name.lastIndexOf('.') + 1));
                }
            }
            if (m != null) {
                meaning = m;
            }
        }
        if (best == null) {
            best = meaning != null ? meaning : "no reason given";
        } else if (meaning != null && !best.toLowerCase(java.util.Locale.ROOT).contains(meaning)) {
            best = meaning + ": " + best;
        }
        return ErrorMapper.truncate(Secrets.redact(best));
    }

    private static String words(Throwable t) {
        // Jackson appends its source location on a line of its own (" at [Source: …; line: 1, column: 43]"), which
        // reads like a stack frame: its own message is the part before
        String m = t instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? j.getOriginalMessage()
                : t.getMessage();
        if (m == null) {
            return null;
        }
        String cleaned = CLASS_NAME.matcher(m).replaceAll("").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** What a low-level failure means when its message alone would not say it, by the exception's simple name. */
    private static String meaning(String simpleName) {
        return switch (simpleName) {
            case "ConnectException", "HttpHostConnectException" -> "connection refused";
            case "SocketTimeoutException", "InterruptedIOException", "HttpTimeoutException", "TimeoutException" ->
                "timed out";
            case "UnknownHostException" -> "unknown host";
            case "NoRouteToHostException" -> "no route to host";
            case "SSLException", "SSLHandshakeException", "SSLPeerUnverifiedException" -> "TLS handshake failed";
            case "EOFException" -> "the connection closed early";
            case "SocketException" -> "connection failed";
            case "NoSuchFileException", "FileNotFoundException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            case "OutOfMemoryError" -> "out of memory";
            default -> null;
        };
    }
}

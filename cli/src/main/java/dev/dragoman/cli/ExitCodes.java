package dev.dragoman.cli;

import dev.dragoman.core.error.DragomanException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The process exit codes (sysexits-style), as documented in every command's {@code --help}. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = DragomanException.Kind.INVALID_INPUT.exitCode();
    public static final int UNAVAILABLE = DragomanException.Kind.BACKEND_UNAVAILABLE.exitCode();
    public static final int SOFTWARE = DragomanException.Kind.INTERNAL.exitCode();
    public static final int TEMPORARY = DragomanException.Kind.RATE_LIMITED.exitCode();
    public static final int CONFIG = DragomanException.Kind.CONFIGURATION.exitCode();
    public static final int CANNOT_WRITE = DragomanException.Kind.CANNOT_WRITE.exitCode();

    private ExitCodes() {}

    /** For picocli's {@code exitCodeList}: code → meaning, in the order shown by {@code --help}. */
    static Map<String, String> documented() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(OK + ":", "success");
        m.put(USAGE + ":", "bad command line (unknown option, missing argument)");
        m.put(
                DragomanException.Kind.DEFERRED.exitCode() + ":",
                "batch --deferred: a provider batch is in flight; run again later");
        m.put(
                DragomanException.Kind.BUDGET_EXCEEDED.exitCode() + ":",
                "stopped before crossing --max-cost (budget:); finished work is kept: run again with a larger budget");
        m.put(INVALID_INPUT + ":", "an input cannot be read or understood, or a result failed --strict");
        m.put(
                UNAVAILABLE + ":",
                "a backend is unavailable, its quota is exhausted, or it answered twice with nothing usable");
        m.put(SOFTWARE + ":", "internal error, or a backend refused the request as malformed");
        m.put(
                CANNOT_WRITE + ":",
                "an output could not be written (disk full, no permission); nothing half-written is left");
        m.put(TEMPORARY + ":", "temporary failure (rate limited, timed out): try again later");
        m.put(CONFIG + ":", "configuration error (bad file, unknown backend, missing or rejected API key)");
        return m;
    }

    /** The exit code for an exception that reached the top. */
    static int of(Throwable e) {
        if (e instanceof DragomanException d) {
            return d.kind().exitCode();
        }
        return SOFTWARE;
    }
}

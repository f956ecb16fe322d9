package dev.dragoman.core.error;

/**
 * The root of every error Dragoman raises. Unchecked. Subclasses are split by what the caller can do:
 * {@link #isRetriable() retriable} ones (rate limited, backend unavailable, timeout) may succeed if tried again
 * later; the others (authentication, quota, bad request, invalid input, configuration) will not.
 *
 * <p>Messages say what failed and what to do next, and never contain an API key.
 */
public class DragomanException extends RuntimeException {

    private final Kind kind;

    /** What kind of failure this is; the CLI maps each kind to one exit code. */
    public enum Kind {
        /** The input could not be read or understood (exit 65). */
        INVALID_INPUT(false, 65),
        /** The backend refused the request as malformed (exit 70). */
        BAD_REQUEST(false, 70),
        /** The backend rejected the credentials (exit 78: a configuration problem). */
        AUTHENTICATION_FAILED(false, 78),
        /** The account's quota is exhausted (exit 69). */
        QUOTA_EXCEEDED(false, 69),
        /** The backend asked us to slow down (exit 75). */
        RATE_LIMITED(true, 75),
        /** The backend is down or failed (exit 69). */
        BACKEND_UNAVAILABLE(true, 69),
        /**
         * The backend answered, was asked again once with the reason, and still gave nothing usable (malformed JSON,
         * empty, chatter instead of the summary, the wrong shape) (exit 69). Not retriable: a backoff fixes a
         * transport, not an answer; the call stack has already asked again.
         */
        UNUSABLE_ANSWER(false, 69),
        /** The backend did not answer in time (exit 75). */
        TIMEOUT(true, 75),
        /** Configuration is missing or wrong (exit 78). */
        CONFIGURATION(false, 78),
        /** A result failed a quality check in strict mode (exit 65). */
        QUALITY(false, 65),
        /** Another run holds a resource this one needs (the output folder); try again when it ends (exit 75). */
        BUSY(true, 75),
        /**
         * The call was handed to a provider batch (deferred mode) whose answers are not in yet: nothing failed, the
         * work waits for a later run (exit 3). Not retriable: retrying now would only hand it over again.
         */
        DEFERRED(false, 3),
        /**
         * The run's cost cap ({@code --max-cost}, {@code budget:}) would be crossed by the next call, so it was not
         * made: finished work is kept, and a run with a larger budget goes on from there (exit 4).
         */
        BUDGET_EXCEEDED(false, 4),
        /**
         * An output could not be written: the disk is full, the folder is not writable, a path names a file where a
         * folder is needed (exit 74, sysexits' EX_IOERR). Nothing half-written is left in its place.
         */
        CANNOT_WRITE(false, 74),
        /** A bug or an unexpected state (exit 70). */
        INTERNAL(false, 70);

        private final boolean retriable;
        private final int exitCode;

        Kind(boolean retriable, int exitCode) {
            this.retriable = retriable;
            this.exitCode = exitCode;
        }

        public boolean retriable() {
            return retriable;
        }

        /** The sysexits-style process exit code the CLI uses for this kind. */
        public int exitCode() {
            return exitCode;
        }
    }

    public DragomanException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** The message and the cause chain are {@link Secrets#redact redacted} here, where every error is built. */
    public DragomanException(Kind kind, String message, Throwable cause) {
        super(Secrets.redact(message), Secrets.redact(cause));
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** True if the same call may succeed when tried again later. */
    public boolean isRetriable() {
        return kind.retriable();
    }
}

package dev.dragoman.pipeline.step;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.Reasons;
import dev.dragoman.core.error.Secrets;
import java.io.IOException;

/**
 * A failure of one item at one stage ("read", "fetch", "translate", "summarize", "brief", "write", "process"). Its
 * message and cause chain are {@link Secrets#redact redacted} when built: it goes to the journal, failures.jsonl and
 * the logs.
 */
public final class StageException extends RuntimeException {

    private final String stage;
    private final boolean retriable;

    public StageException(String stage, String message, boolean retriable, Throwable cause) {
        super(Secrets.redact(message), Secrets.redact(cause));
        this.stage = stage;
        this.retriable = retriable;
    }

    /** Wraps any failure of {@code stage}: retriable for retriable Dragoman kinds and for I/O errors. */
    public static StageException of(String stage, Throwable e) {
        if (e instanceof StageException s) {
            return s;
        }
        boolean retriable = e instanceof DragomanException d ? d.isRetriable() : e instanceof IOException;
        String message = e instanceof DragomanException ? e.getMessage() : Reasons.of(e);
        return new StageException(stage, message, retriable, e);
    }

    public String stage() {
        return stage;
    }

    public boolean retriable() {
        return retriable;
    }

    /** The exit code the failure maps to (Dragoman kinds keep theirs; others are temporary (75) or software (70)). */
    public int exitCode() {
        if (getCause() instanceof DragomanException d) {
            return d.kind().exitCode();
        }
        return retriable ? 75 : 70;
    }
}

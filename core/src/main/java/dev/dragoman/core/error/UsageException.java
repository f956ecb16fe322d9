package dev.dragoman.core.error;

/**
 * The caller asked for something impossible — contradictory options, no input where one is needed, several
 * documents into one — and the message says what and how to ask instead. A front end's usage error: the CLI exits
 * with 2 (a server answers 400). Not a {@link DragomanException}: nothing failed, nothing is retried.
 */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}

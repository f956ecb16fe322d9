package dev.dragoman.cli;

/** The command line asks for something impossible (exit 2): the message says what and how to ask instead. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}

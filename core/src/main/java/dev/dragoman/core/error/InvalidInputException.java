package dev.dragoman.core.error;

/** The input (a file, a feed, a page) cannot be read or understood; the message names it and says why. */
public final class InvalidInputException extends DragomanException {

    public InvalidInputException(String message) {
        super(Kind.INVALID_INPUT, message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(Kind.INVALID_INPUT, message, cause);
    }
}

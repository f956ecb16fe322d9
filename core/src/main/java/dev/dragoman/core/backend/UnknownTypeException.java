package dev.dragoman.core.backend;

import dev.dragoman.core.error.DragomanException;
import java.util.List;

/**
 * A spec names a type no provider on the class path offers. The message names the known ones; front ends may use
 * {@link #known()} to suggest the nearest. A configuration error: it will not go away by retrying.
 */
public final class UnknownTypeException extends DragomanException {

    private final String type;
    private final List<String> known;

    public UnknownTypeException(String what, String type, List<String> known) {
        super(
                Kind.CONFIGURATION,
                "Unknown " + what + " type '" + type + "': known types are " + String.join(", ", known) + ".");
        this.type = type;
        this.known = List.copyOf(known);
    }

    /** The type that was asked for. */
    public String type() {
        return type;
    }

    /** The types the class path offers, sorted. */
    public List<String> known() {
        return known;
    }
}

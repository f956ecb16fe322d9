package dev.dragoman.core.backend;

import dev.dragoman.core.error.DragomanException;

/**
 * A backend needs an API key and its variable is not set. The message says which variable to set; it never contains
 * a key. A configuration error (exit 78 in the CLI).
 */
public final class MissingKeyException extends DragomanException {

    private final transient BackendSpec spec;

    public MissingKeyException(BackendSpec spec) {
        super(
                Kind.CONFIGURATION,
                "Backend '" + spec.name() + "' (" + spec.type() + ") needs an API key: export "
                        + (spec.keyVariable() == null ? "its key variable" : spec.keyVariable()) + "=….");
        this.spec = spec;
    }

    /** The backend whose key is missing (with its key variable). */
    public BackendSpec spec() {
        return spec;
    }
}

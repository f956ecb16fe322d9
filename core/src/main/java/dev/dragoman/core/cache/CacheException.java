package dev.dragoman.core.cache;

import dev.dragoman.core.error.DragomanException;

/** A cache store failed (unreachable, disk full, corrupt). Callers step around it; see {@link ResultCache}. */
public final class CacheException extends DragomanException {

    public CacheException(String message, Throwable cause) {
        super(Kind.BACKEND_UNAVAILABLE, message, cause);
    }
}

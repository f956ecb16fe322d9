package dev.dragoman.core.cache;

import dev.dragoman.core.error.DragomanException;
import java.util.Map;

/** A cache store failed (unreachable, disk full, corrupt). Callers step around it; see {@link ResultCache}. */
public final class CacheException extends DragomanException {

    /** What a look-up of many keys read before some of them failed; null when it read nothing. */
    private final transient Map<CacheKey, CacheEntry> found;

    public CacheException(String message, Throwable cause) {
        this(message, cause, null);
    }

    private CacheException(String message, Throwable cause, Map<CacheKey, CacheEntry> found) {
        super(Kind.BACKEND_UNAVAILABLE, message, cause);
        this.found = found == null ? null : Map.copyOf(found);
    }

    /**
     * A look-up of many keys ({@link ResultCache#getAll}) in which some keys failed (a corrupt entry, deleted) and
     * the others were read: {@code found} holds those, so a caller keeps them instead of asking again.
     */
    public static CacheException partly(String message, Throwable cause, Map<CacheKey, CacheEntry> found) {
        return new CacheException(message, cause, found);
    }

    /** The entries a look-up of many keys still read (see {@link #partly}), or null when the whole call failed. */
    public Map<CacheKey, CacheEntry> found() {
        return found;
    }
}

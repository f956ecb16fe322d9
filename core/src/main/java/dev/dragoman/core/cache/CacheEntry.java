package dev.dragoman.core.cache;

import dev.dragoman.core.usage.Usage;
import java.time.Instant;
import java.util.Objects;

/**
 * A cached backend result with its provenance: the value (a translation, or a summary serialized as JSON), when it
 * was created, which backend and model produced it, and what producing it cost — so {@code cache stats} can say
 * what the cache saved. Immutable.
 */
public record CacheEntry(String value, Instant created, String backend, String model, Usage usage) {

    public CacheEntry {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(backend, "backend");
        model = model == null ? "" : model;
        usage = usage == null ? Usage.NONE : usage;
    }
}

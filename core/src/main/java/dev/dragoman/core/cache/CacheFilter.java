package dev.dragoman.core.cache;

import dev.dragoman.core.text.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which entries {@link CacheAdmin#clear} removes: those of one backend, those created longer ago than a duration,
 * both (an entry must match both), or all. Immutable.
 *
 * @param backend a backend id ({@link CacheKey#backend()}), or null for any backend
 * @param olderThan a positive age measured from the store's clock at the time of clearing, or null for any age
 */
public record CacheFilter(String backend, Duration olderThan) {

    public CacheFilter {
        if (backend != null && backend.isBlank()) {
            throw new IllegalArgumentException("a backend filter must name a backend");
        }
        if (olderThan != null && (olderThan.isNegative() || olderThan.isZero())) {
            throw new IllegalArgumentException("--older-than must be a positive duration, not " + olderThan);
        }
    }

    /**
     * The filter a front end's options name: {@code backend} (null for any) and {@code olderThan} as a duration
     * ({@code 90m}, {@code 12h}, {@code 30d}, ISO-8601; null for any age).
     *
     * @throws IllegalArgumentException naming {@code --older-than} when the age cannot be read
     */
    public static CacheFilter of(String backend, String olderThan) {
        Duration age;
        try {
            age = olderThan == null ? null : Durations.parseDuration(olderThan);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--older-than: " + e.getMessage(), e);
        }
        return new CacheFilter(backend, age);
    }

    /** Every entry. */
    public static CacheFilter all() {
        return new CacheFilter(null, null);
    }

    /** The entries of one backend. */
    public static CacheFilter backend(String backend) {
        return new CacheFilter(Objects.requireNonNull(backend, "backend"), null);
    }

    /** The entries created longer ago than {@code age}. */
    public static CacheFilter olderThan(Duration age) {
        return new CacheFilter(null, Objects.requireNonNull(age, "age"));
    }

    public CacheFilter withBackend(String id) {
        return new CacheFilter(id, olderThan);
    }

    public CacheFilter withOlderThan(Duration age) {
        return new CacheFilter(backend, age);
    }

    public Optional<String> backendName() {
        return Optional.ofNullable(backend);
    }

    public Optional<Duration> age() {
        return Optional.ofNullable(olderThan);
    }

    /** True when nothing narrows the filter: every entry matches. */
    public boolean matchesEverything() {
        return backend == null && olderThan == null;
    }
}

package dev.dragoman.core.cache;

import dev.dragoman.core.usage.Usage;
import java.util.List;
import java.util.Objects;

/**
 * What a cache store holds and what it saved, as {@code dragoman cache stats} shows it. Immutable.
 *
 * @param entries entries stored (expired ones not yet pruned included)
 * @param sizeBytes what the store occupies: the file and its WAL for SQLite, the entries' payload bytes for Redis
 *     and memory
 * @param hits look-ups answered from the cache, since the counters were last reset
 * @param misses look-ups that found nothing (or an expired entry)
 * @param errors failures the store counted itself (corrupt rows, recovered files); see {@link CacheAdmin}
 * @param backends the same per backend id, sorted by id
 */
public record CacheStats(
        long entries, long sizeBytes, long hits, long misses, long errors, List<BackendStats> backends) {

    public CacheStats {
        if (entries < 0 || sizeBytes < 0 || hits < 0 || misses < 0 || errors < 0) {
            throw new IllegalArgumentException("cache statistics must not be negative");
        }
        backends = List.copyOf(Objects.requireNonNull(backends, "backends"));
    }

    /** A store with nothing in it and nothing counted. */
    public static CacheStats empty() {
        return new CacheStats(0, 0, 0, 0, 0, List.of());
    }

    /** What all hits saved: the sum of each backend's {@link BackendStats#saved()}. */
    public Usage saved() {
        Usage total = Usage.NONE;
        for (BackendStats b : backends) {
            total = total.plus(b.saved());
        }
        return total;
    }

    /** Hits divided by look-ups, or 0 when there were none. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }

    /**
     * One backend's share of a cache.
     *
     * @param backend the backend id from {@link CacheKey#backend()}
     * @param entries entries stored for it
     * @param sizeBytes the payload bytes of those entries (value and provenance)
     * @param hits look-ups of its entries answered from the cache
     * @param misses look-ups for it that found nothing
     * @param saved what those hits would have cost had the backend been called again: the stored usage of each entry
     *     hit, added up (requests, characters for MT backends, input/output tokens for LLMs)
     */
    public record BackendStats(String backend, long entries, long sizeBytes, long hits, long misses, Usage saved) {

        public BackendStats {
            Objects.requireNonNull(backend, "backend");
            saved = saved == null ? Usage.NONE : saved;
            if (entries < 0 || sizeBytes < 0 || hits < 0 || misses < 0) {
                throw new IllegalArgumentException("cache statistics must not be negative");
            }
        }
    }
}

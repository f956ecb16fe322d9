package dev.dragoman.core.cache;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Look up, call the backend on a miss, store: the one helper translate and summarize wrap around a backend call.
 *
 * <ul>
 *   <li><b>Single flight.</b> Concurrent calls with the same key make one backend call: the first caller (the leader)
 *       looks up and calls; the others wait for its result and share it. Calls with other keys never wait: no lock is
 *       held while the store or the backend works, only a {@link ConcurrentHashMap} entry per key in flight.</li>
 *   <li><b>Cache failures never fail the operation.</b> The store is wrapped in {@link MeteredResultCache}: a failed
 *       look-up is a miss, a failed write is skipped, both counted and logged once per reason.</li>
 *   <li><b>Backend failures are not cached.</b> If the backend call throws, the leader and every caller that waited
 *       on it get that exception; nothing is stored and the next call tries again.</li>
 * </ul>
 *
 * <p>Thread-safe; one instance per store is meant to be shared by every thread of a run.
 */
public final class CachedCall {

    private final MeteredResultCache cache;
    private final ConcurrentMap<String, Flight> inFlight = new ConcurrentHashMap<>();

    /** A helper over {@code cache}, which is wrapped in a {@link MeteredResultCache} unless it already is one. */
    public CachedCall(ResultCache cache) {
        this.cache = MeteredResultCache.of(Objects.requireNonNull(cache, "cache"));
    }

    /** The metered store this helper reads and writes, with this process's counters. */
    public MeteredResultCache cache() {
        return cache;
    }

    /**
     * Returns the entry cached under {@code key}, or calls {@code backend}, stores its entry and returns it.
     *
     * @param key the request's key
     * @param backend the backend call; runs at most once per key at a time, in the calling thread of the leader; it
     *     returns the new entry with its provenance (created, backend, model, usage) and must not return null
     * @return the entry and where it came from
     * @throws RuntimeException whatever {@code backend} threw (unwrapped), to the leader and to every caller that
     *     waited on it
     */
    public Result get(CacheKey key, Supplier<CacheEntry> backend) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(backend, "backend");
        Flight mine = new Flight();
        Flight running = inFlight.putIfAbsent(key.digest(), mine);
        if (running != null) {
            return running.await();
        }
        try {
            Result result = lead(key, backend);
            mine.future.complete(result.entry());
            return result;
        } catch (RuntimeException | Error e) {
            mine.future.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key.digest(), mine);
        }
    }

    /** How many callers are waiting on the call in flight for {@code key} (0 if none): for monitoring and tests. */
    public int waiting(CacheKey key) {
        Flight f = inFlight.get(key.digest());
        return f == null ? 0 : f.waiters.get();
    }

    private Result lead(CacheKey key, Supplier<CacheEntry> backend) {
        Optional<CacheEntry> cached = cache.get(key);
        if (cached.isPresent()) {
            return new Result(cached.get(), Source.CACHE);
        }
        CacheEntry fresh = backend.get();
        if (fresh == null) {
            throw new IllegalStateException(
                    "a backend call returned no cache entry for " + key.operation() + " with " + key.backend());
        }
        cache.put(key, fresh);
        return new Result(fresh, Source.BACKEND);
    }

    /** Where a result came from. */
    public enum Source {
        /** Found in the store: no backend call was made. */
        CACHE,
        /** This caller called the backend. */
        BACKEND,
        /** Another caller with the same key was calling the backend; this one waited and shared its result. */
        SHARED
    }

    /**
     * A result and where it came from.
     *
     * @param entry the entry, with the provenance of the call that made it
     * @param source where it came from
     */
    public record Result(CacheEntry entry, Source source) {

        public Result {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(source, "source");
        }

        /** True unless this caller paid for a backend call: for "from cache" flags in results. */
        public boolean fromCache() {
            return source != Source.BACKEND;
        }

        public String value() {
            return entry.value();
        }
    }

    private static final class Flight {
        final CompletableFuture<CacheEntry> future = new CompletableFuture<>();
        final AtomicInteger waiters = new AtomicInteger();

        Result await() {
            waiters.incrementAndGet();
            try {
                return new Result(future.get(), Source.SHARED);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CacheException("interrupted while waiting for the same request in another thread", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } finally {
                waiters.decrementAndGet();
            }
        }
    }
}

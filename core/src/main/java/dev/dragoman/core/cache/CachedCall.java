package dev.dragoman.core.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one load-through cache: look up, load only the misses, store — for translated segments and for summaries
 * alike (Caffeine's {@code Cache.getAll(keys, loader)} is the model).
 *
 * <ul>
 *   <li><b>At most one load per key across threads.</b> A key is claimed before it is looked up; a caller that
 *       finds it claimed by another thread waits for that thread's result (and shares it) instead of looking up or
 *       loading it again. A caller loads all its own misses before it waits for others, so two callers never wait on
 *       each other. No lock is held while the store or the backend works, only a {@link ConcurrentHashMap} entry per
 *       key in flight.</li>
 *   <li><b>One look-up per call</b>: the keys a caller holds go to the store together ({@link ResultCache#getAll},
 *       one lock or round trip for an article's segments), and the loaded ones back in one write
 *       ({@link ResultCache#putAll}); each key is looked up once per call, so a miss is counted once. Every count (hits, misses, errors, writes,
 *       what hits saved) is kept in one place: the {@link MeteredResultCache} this wraps the store in.</li>
 *   <li><b>Cache failures never fail the operation.</b> A failed look-up is a miss, a failed write is skipped, both
 *       counted and logged once per reason (by {@link MeteredResultCache}).</li>
 *   <li><b>Only clean results are stored.</b> A result loaded with warnings (a guard flagged it) goes back to the
 *       caller and to those waiting on it, but is never stored: a degraded result must not outlive its run.</li>
 *   <li><b>Failures are not cached.</b> If the loader throws, the caller and every caller waiting on its keys get
 *       that exception; nothing is stored for the keys it did not deliver, and the next call tries again. Results the
 *       loader delivered before it failed are stored already (a batch that was paid for is never lost).</li>
 * </ul>
 *
 * <p>Thread-safe; one instance per store is meant to be shared by every thread of a run.
 */
public final class CachedCall {

    private final MeteredResultCache cache;
    private final ConcurrentMap<String, Flight> inFlight = new ConcurrentHashMap<>();

    /** A load-through cache over {@code cache}, wrapped in a {@link MeteredResultCache} unless it already is one. */
    public CachedCall(ResultCache cache) {
        this.cache = MeteredResultCache.of(Objects.requireNonNull(cache, "cache"));
    }

    /** The metered store this reads and writes, with this process's counters. */
    public MeteredResultCache cache() {
        return cache;
    }

    /**
     * A freshly loaded value.
     *
     * @param entry the value with its provenance (created, backend, model, usage)
     * @param warnings what a guard flagged; a value with warnings is returned but never stored
     */
    public record Loaded(CacheEntry entry, List<String> warnings) {
        public Loaded {
            Objects.requireNonNull(entry, "entry");
            warnings = List.copyOf(warnings == null ? List.of() : warnings);
        }

        public static Loaded clean(CacheEntry entry) {
            return new Loaded(entry, List.of());
        }
    }

    /** Receives the loader's results, one key at a time, as soon as each is known; it stores clean ones at once. */
    @FunctionalInterface
    public interface Sink {
        void accept(CacheKey key, Loaded value);
    }

    /** Loads the misses of one {@link #getAll} call (in the caller's thread) and hands every one to the sink. */
    @FunctionalInterface
    public interface BulkLoader {
        /**
         * @param misses the keys to load, distinct, in the order first asked for
         * @param sink must receive every key of {@code misses}, each once, before this returns
         */
        void load(List<CacheKey> misses, Sink sink);
    }

    /**
     * Returns the result for every key: from the store, from another thread loading it, or loaded by {@code loader}
     * — which is called at most once, with only the keys nobody else holds or is loading.
     *
     * @return one result per distinct key, in the order of {@code keys}
     * @throws RuntimeException whatever the loader (here or in the thread this one waited on) threw, unwrapped
     */
    public Map<CacheKey, Result> getAll(Collection<CacheKey> keys, BulkLoader loader) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(loader, "loader");
        Map<CacheKey, Result> found = new ConcurrentHashMap<>();
        Map<CacheKey, Flight> owned = new LinkedHashMap<>();
        Map<CacheKey, Flight> awaited = new LinkedHashMap<>();
        LinkedHashSet<CacheKey> distinct = new LinkedHashSet<>(keys);
        Map<CacheKey, Flight> claimed = new LinkedHashMap<>();
        for (CacheKey key : distinct) {
            Flight mine = new Flight();
            Flight running = inFlight.putIfAbsent(key.digest(), mine);
            if (running != null) {
                awaited.put(key, running);
            } else {
                claimed.put(key, mine);
            }
        }
        if (!claimed.isEmpty()) {
            Map<CacheKey, CacheEntry> hits;
            try {
                hits = cache.getAll(claimed.keySet()); // one look-up for all the keys this caller holds
            } catch (RuntimeException | Error e) {
                release(claimed, e);
                throw e;
            }
            claimed.forEach((key, mine) -> {
                CacheEntry hit = hits.get(key);
                if (hit != null) {
                    found.put(key, new Result(hit, Source.CACHE, List.of()));
                    mine.future.complete(Loaded.clean(hit));
                    inFlight.remove(key.digest(), mine);
                } else {
                    owned.put(key, mine);
                }
            });
        }
        if (!owned.isEmpty()) {
            load(owned, loader, found);
        }
        for (Map.Entry<CacheKey, Flight> a : awaited.entrySet()) {
            Loaded shared = a.getValue().await();
            found.put(a.getKey(), new Result(shared.entry(), Source.SHARED, shared.warnings()));
        }
        Map<CacheKey, Result> out = new LinkedHashMap<>();
        for (CacheKey key : distinct) {
            out.put(key, found.get(key));
        }
        return out;
    }

    private void load(Map<CacheKey, Flight> owned, BulkLoader loader, Map<CacheKey, Result> found) {
        List<CacheKey> misses = new ArrayList<>(owned.keySet());
        Map<CacheKey, CacheEntry> toStore = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        Sink sink = (key, value) -> {
            Objects.requireNonNull(value, "a loader delivered null");
            Flight f = owned.get(key);
            if (f == null || f.future.isDone()) {
                throw new IllegalStateException("a loader delivered a key it was not asked for, or one twice");
            }
            if (value.warnings().isEmpty()) {
                toStore.put(key, value.entry());
            }
            found.put(key, new Result(value.entry(), Source.BACKEND, value.warnings()));
            // those waiting go on at once; the key stays claimed until it is stored, so no one loads it again
            f.future.complete(value);
        };
        RuntimeException missing = null;
        try {
            loader.load(misses, sink);
            for (CacheKey key : misses) {
                if (!owned.get(key).future.isDone()) {
                    missing = new IllegalStateException(
                            "a loader returned without a result for a " + key.operation() + " with " + key.backend());
                    break;
                }
            }
        } catch (RuntimeException | Error e) {
            store(owned, toStore); // what was delivered before the failure was paid for: it is kept
            release(owned, e);
            throw e;
        }
        store(owned, toStore);
        if (missing != null) {
            release(owned, missing);
            throw missing;
        }
    }

    /** Stores the clean results in one write, then lets go of the keys whose results are known. */
    private void store(Map<CacheKey, Flight> owned, Map<CacheKey, CacheEntry> toStore) {
        Map<CacheKey, CacheEntry> entries;
        synchronized (toStore) {
            entries = new LinkedHashMap<>(toStore);
        }
        try {
            cache.putAll(entries);
        } finally {
            owned.forEach((key, f) -> {
                if (f.future.isDone() && !f.future.isCompletedExceptionally()) {
                    inFlight.remove(key.digest(), f);
                }
            });
        }
    }

    private void release(Map<CacheKey, Flight> owned, Throwable failure) {
        owned.forEach((key, f) -> {
            if (f.future.completeExceptionally(failure)) {
                inFlight.remove(key.digest(), f);
            }
        });
    }

    /**
     * Returns the entry cached under {@code key}, or calls {@code backend}, stores its entry and returns it.
     *
     * @param backend runs at most once per key at a time across threads; must not return null
     */
    public Result get(CacheKey key, Supplier<CacheEntry> backend) {
        Objects.requireNonNull(backend, "backend");
        return load(key, () -> {
            CacheEntry entry = backend.get();
            return entry == null ? null : Loaded.clean(entry);
        });
    }

    /** As {@link #get}, for a loader whose result may carry warnings (then it is returned, not stored). */
    public Result load(CacheKey key, Supplier<Loaded> backend) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(backend, "backend");
        return getAll(List.of(key), (misses, sink) -> {
                    Loaded loaded = backend.get();
                    if (loaded == null) {
                        throw new IllegalStateException("a backend call returned no cache entry for " + key.operation()
                                + " with " + key.backend());
                    }
                    sink.accept(key, loaded);
                })
                .get(key);
    }

    /** How many callers are waiting on the load in flight for {@code key} (0 if none): for monitoring and tests. */
    public int waiting(CacheKey key) {
        Flight f = inFlight.get(key.digest());
        return f == null ? 0 : f.waiters.get();
    }

    /** Where a result came from. */
    public enum Source {
        /** Found in the store: no backend call was made. */
        CACHE,
        /** This caller's loader produced it. */
        BACKEND,
        /** Another caller was loading the same key; this one waited and shared its result. */
        SHARED
    }

    /**
     * A result and where it came from.
     *
     * @param entry the entry, with the provenance of the call that made it
     * @param source where it came from
     * @param warnings what a guard flagged when it was loaded (never for {@link Source#CACHE})
     */
    public record Result(CacheEntry entry, Source source, List<String> warnings) {

        public Result {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(source, "source");
            warnings = List.copyOf(warnings == null ? List.of() : warnings);
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
        final CompletableFuture<Loaded> future = new CompletableFuture<>();
        final AtomicInteger waiters = new AtomicInteger();

        Loaded await() {
            waiters.incrementAndGet();
            try {
                return future.get();
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

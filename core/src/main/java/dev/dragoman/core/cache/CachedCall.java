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
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * The one load-through cache: look up, load only the misses, store — for translated segments and for summaries
 * alike (Caffeine's {@code Cache.getAll(keys, loader)} is the model).
 *
 * <ul>
 *   <li><b>One look-up per call, one write per load.</b> The keys a caller asks for that nobody is loading go to
 *       the store together ({@link ResultCache#getAll}: one {@code SELECT … IN} or one pipelined round trip for an
 *       article's segments), and what the loader delivered goes back in one write when it returns
 *       ({@link ResultCache#putAll}: one transaction).</li>
 *   <li><b>At most one load per key across threads.</b> Keys are looked up without claiming them (callers reading
 *       the same cached keys at once never wait on each other); a miss claims the key and, when a load of a key in
 *       its stripe was stored since the look-up, is looked up once more ({@link MeteredResultCache#recheckAll},
 *       which keeps the count at one look-up) before loading, so a load that finished in between is used, not
 *       repeated. A caller that finds a key claimed by a loading thread waits for that thread's result (and shares
 *       it) instead of loading it again; a loaded key stays claimed until it is stored, so nobody looks it up in
 *       between and loads it twice, while those waiting on it go on as soon as it is delivered. A caller loads all
 *       its own misses before it waits for others, so two callers never wait on each other. No lock is held while
 *       the store or the backend works, only a {@link ConcurrentHashMap} entry per key in flight.</li>
 *   <li><b>One counted look-up per key per call</b>, so a miss is counted once. Every count (hits, misses, errors,
 *       writes, what hits saved) is kept in one place: the {@link MeteredResultCache} this wraps the store in.</li>
 *   <li><b>Cache failures never fail the operation.</b> A failed look-up is a miss (a look-up in which only some
 *       entries were corrupt keeps the others), a failed write is skipped, both counted and logged once per reason
 *       (by {@link MeteredResultCache}).</li>
 *   <li><b>Only clean results are stored.</b> A result loaded with warnings (a guard flagged it) goes back to the
 *       caller and to those waiting on it, but is never stored: a degraded result must not outlive its run.</li>
 *   <li><b>Failures are not cached.</b> If the loader throws, the caller and every caller waiting on its keys get
 *       that exception; nothing is stored for the keys it did not deliver, and the next call tries again. Results the
 *       loader delivered before it failed are stored before the exception goes on (a batch that was paid for is
 *       never lost).</li>
 * </ul>
 *
 * <p>Thread-safe; one instance per store is meant to be shared by every thread of a run.
 */
public final class CachedCall {

    private final MeteredResultCache cache;
    private static final int STRIPES = 1024;

    private final ConcurrentMap<String, Flight> inFlight = new ConcurrentHashMap<>();
    /** Loads stored, counted per stripe of keys: tells a caller that claimed a missed key whether to look again. */
    private final AtomicLongArray stored = new AtomicLongArray(STRIPES);

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

    /**
     * Receives the loader's results, one key at a time, as soon as each is known: callers waiting on a key go on at
     * once; the clean ones are stored together when the loader returns (or throws).
     */
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
        Map<CacheKey, Flight> awaited = null;
        Collection<CacheKey> distinct = keys.size() == 1 ? keys : new LinkedHashSet<>(keys);
        // the keys nobody is loading, looked up together without claiming them (one store call for an article's
        // segments), so that callers asking for the same cached keys at once each read them instead of waiting
        List<CacheKey> lookUp = new ArrayList<>(distinct.size());
        long[] generations = new long[distinct.size()];
        for (CacheKey key : distinct) {
            Flight running = inFlight.get(key.digest());
            if (running != null && running.loading) {
                awaited = awaited == null ? new LinkedHashMap<>() : awaited;
                awaited.put(key, running);
            } else {
                generations[lookUp.size()] = stored.get(stripe(key));
                lookUp.add(key);
            }
        }
        Map<CacheKey, CacheEntry> hits = lookUp.isEmpty() ? Map.of() : cache.getAll(lookUp);
        // the misses are claimed; one whose stripe saw a load stored since the look-up is looked up once more
        Map<CacheKey, Flight> claimed = null;
        List<CacheKey> again = null;
        for (int i = 0; i < lookUp.size(); i++) {
            CacheKey key = lookUp.get(i);
            CacheEntry hit = hits.get(key);
            if (hit != null) {
                found.put(key, new Result(hit, Source.CACHE, List.of()));
                continue;
            }
            Flight mine = new Flight();
            Flight running = inFlight.putIfAbsent(key.digest(), mine);
            if (running != null) {
                awaited = awaited == null ? new LinkedHashMap<>() : awaited;
                awaited.put(key, running);
                continue;
            }
            claimed = claimed == null ? new LinkedHashMap<>() : claimed;
            claimed.put(key, mine);
            if (stored.get(stripe(key)) != generations[i]) {
                again = again == null ? new ArrayList<>() : again;
                again.add(key);
            }
        }
        Map<CacheKey, Flight> owned = null;
        if (claimed != null) {
            Map<CacheKey, CacheEntry> late = again == null ? Map.of() : cache.recheckAll(again);
            for (Map.Entry<CacheKey, Flight> c : claimed.entrySet()) {
                CacheKey key = c.getKey();
                Flight mine = c.getValue();
                CacheEntry hit = late.get(key);
                if (hit != null) {
                    // a load that finished between the look-up and the claim: used, not repeated
                    found.put(key, new Result(hit, Source.CACHE, List.of()));
                    mine.future.complete(Loaded.clean(hit));
                    inFlight.remove(key.digest(), mine);
                } else {
                    mine.loading = true;
                    owned = owned == null ? new LinkedHashMap<>() : owned;
                    owned.put(key, mine);
                }
            }
        }
        if (owned != null) {
            load(owned, loader, found);
        }
        if (awaited != null) {
            for (Map.Entry<CacheKey, Flight> a : awaited.entrySet()) {
                Loaded shared = a.getValue().await();
                found.put(a.getKey(), new Result(shared.entry(), Source.SHARED, shared.warnings()));
            }
        }
        Map<CacheKey, Result> out = new LinkedHashMap<>();
        for (CacheKey key : distinct) {
            out.put(key, found.get(key));
        }
        return out;
    }

    private void load(Map<CacheKey, Flight> owned, BulkLoader loader, Map<CacheKey, Result> found) {
        List<CacheKey> misses = new ArrayList<>(owned.keySet());
        Map<CacheKey, CacheEntry> toStore = new LinkedHashMap<>(); // guarded by itself
        Sink sink = (key, value) -> {
            Objects.requireNonNull(value, "a loader delivered null");
            Flight f = owned.get(key);
            if (f == null || f.future.isDone()) {
                throw new IllegalStateException("a loader delivered a key it was not asked for, or one twice");
            }
            if (value.warnings().isEmpty()) {
                synchronized (toStore) {
                    toStore.put(key, value.entry());
                }
            }
            found.put(key, new Result(value.entry(), Source.BACKEND, value.warnings()));
            // those waiting go on at once; the key stays claimed until it is stored, so nobody loads it again
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

    /**
     * Stores the clean results in one write ({@link ResultCache#putAll}: one transaction or round trip), then lets go
     * of the keys whose results are known; a key whose load failed stays claimed until {@link #release}.
     */
    private void store(Map<CacheKey, Flight> owned, Map<CacheKey, CacheEntry> toStore) {
        Map<CacheKey, CacheEntry> entries;
        synchronized (toStore) {
            entries = new LinkedHashMap<>(toStore);
        }
        try {
            cache.putAll(entries); // never throws a store failure: counted and logged
        } finally {
            for (CacheKey key : entries.keySet()) {
                stored.incrementAndGet(stripe(key));
            }
            owned.forEach((key, f) -> {
                if (f.future.isDone() && !f.future.isCompletedExceptionally()) {
                    inFlight.remove(key.digest(), f);
                }
            });
        }
    }

    private static int stripe(CacheKey key) {
        return key.digest().hashCode() & (STRIPES - 1);
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
        /** Set once its owner looked the key up again after claiming it and is about to load it. */
        volatile boolean loading;

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

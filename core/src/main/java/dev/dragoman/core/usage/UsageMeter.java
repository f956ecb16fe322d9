package dev.dragoman.core.usage;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Adds up what a run cost, per backend: what was paid for ({@link #record}) and what the cache saved
 * ({@link #recordSaved}). Thread-safe; one meter per run, shared by every thread and backend.
 */
public final class UsageMeter {

    private final ConcurrentMap<String, Usage> spent = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Usage> saved = new ConcurrentHashMap<>();

    /** Adds a backend call's cost. */
    public void record(String backend, Usage usage) {
        spent.merge(backend, usage, Usage::plus);
    }

    /** Adds the cost a cache hit avoided. */
    public void recordSaved(String backend, Usage usage) {
        saved.merge(backend, usage, Usage::plus);
    }

    /** Everything paid for, over all backends. */
    public Usage total() {
        return spent.values().stream().reduce(Usage.NONE, Usage::plus);
    }

    /** Paid for, per backend id, sorted by id. */
    public Map<String, Usage> byBackend() {
        return Collections.unmodifiableMap(new TreeMap<>(spent));
    }

    /** Avoided thanks to the cache, per backend id. */
    public Map<String, Usage> savedByBackend() {
        return Collections.unmodifiableMap(new TreeMap<>(saved));
    }
}

package dev.dragoman.core.usage;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Adds up what a run cost, per backend: what was paid for ({@link #record}) and what the cache saved
 * ({@link #recordSaved}). Thread-safe without a lock ({@link UsageAdder}); one meter per run, shared by every thread and
 * backend.
 */
public final class UsageMeter {

    private final ConcurrentMap<String, UsageAdder> spent = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, UsageAdder> saved = new ConcurrentHashMap<>();
    /** Where everything recorded here is recorded too, or null. */
    private final UsageMeter parent;

    /** A meter of its own. */
    public UsageMeter() {
        this(null);
    }

    private UsageMeter(UsageMeter parent) {
        this.parent = parent;
    }

    /**
     * A meter whose records are added to this one too: a part of a run (its translations) counted on its own and in
     * the run's total.
     */
    public UsageMeter child() {
        return new UsageMeter(this);
    }

    /** Adds a backend call's cost. */
    public void record(String backend, Usage usage) {
        adder(spent, backend).add(usage);
        if (parent != null) {
            parent.record(backend, usage);
        }
    }

    /** Adds the cost a cache hit avoided. */
    public void recordSaved(String backend, Usage usage) {
        adder(saved, backend).add(usage);
        if (parent != null) {
            parent.recordSaved(backend, usage);
        }
    }

    /** Everything paid for, over all backends. */
    public Usage total() {
        return spent.values().stream().map(UsageAdder::sum).reduce(Usage.NONE, Usage::plus);
    }

    /** Paid for, per backend id, sorted by id. */
    public Map<String, Usage> byBackend() {
        return snapshot(spent);
    }

    /** Avoided thanks to the cache, per backend id. */
    public Map<String, Usage> savedByBackend() {
        return snapshot(saved);
    }

    private static UsageAdder adder(ConcurrentMap<String, UsageAdder> by, String backend) {
        UsageAdder a = by.get(backend);
        return a != null ? a : by.computeIfAbsent(backend, b -> new UsageAdder());
    }

    private static Map<String, Usage> snapshot(ConcurrentMap<String, UsageAdder> by) {
        Map<String, Usage> out = new TreeMap<>();
        by.forEach((backend, a) -> out.put(backend, a.sum()));
        return Collections.unmodifiableMap(out);
    }
}

package dev.dragoman.core.cache;

import dev.dragoman.core.error.Reasons;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.usage.UsageAdder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decorator every caller puts around a store: it counts this process's hits, misses and errors, and turns every
 * store failure ({@link CacheException} or any other {@link RuntimeException} a store throws) into a miss (for
 * {@code get}) or a skipped write (for {@code put}). The failure is counted and logged once per distinct reason at
 * WARN (later repeats at DEBUG, the stack trace only at DEBUG), so a Redis outage during a 500-article batch logs one
 * line, not 500.
 *
 * <p>People are told too, once per store: {@link #onWarning} hands a sink (a CLI's stderr, a server's log) one
 * sentence the first time the store fails ("the cache failed …; going on without it") and what the store itself
 * found when it was opened (a corrupt file moved aside), including what happened before the sink was set.
 *
 * <p>So: {@code get}, {@code getAll}, {@code put} and {@code putAll} never throw a store failure; a cache failure never fails the user's operation.
 * Programming errors ({@code null} arguments) still throw. Thread-safe; adds no locking of its own.
 */
public final class MeteredResultCache implements ResultCache {

    private static final Logger LOG = LoggerFactory.getLogger(MeteredResultCache.class);
    private static final int MAX_REASONS = 256;

    private final ResultCache delegate;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final UsageAdder saved = new UsageAdder();
    private final Set<String> loggedReasons = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failedOnce = new AtomicBoolean();
    private final List<String> userWarnings = new ArrayList<>(); // guarded by this
    private Consumer<String> sink; // guarded by this

    private MeteredResultCache(ResultCache delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Wraps {@code store}, or returns it as is when it already is a {@code MeteredResultCache}. */
    public static MeteredResultCache of(ResultCache store) {
        return store instanceof MeteredResultCache m ? m : new MeteredResultCache(store);
    }

    /** The store behind this decorator. */
    public ResultCache delegate() {
        return delegate;
    }

    /** The stored entry, or empty on a miss, an expired entry or a store failure (counted and logged). */
    @Override
    public Optional<CacheEntry> get(CacheKey key) {
        Optional<CacheEntry> found = lookUp(key);
        if (found != null && found.isPresent()) {
            hits.increment();
            saved.add(found.get().usage());
            return found;
        }
        misses.increment();
        return Optional.empty();
    }

    /** The store's answer, or null when it failed (the failure counted and logged). */
    private Optional<CacheEntry> lookUp(CacheKey key) {
        Objects.requireNonNull(key, "key");
        try {
            return Objects.requireNonNull(delegate.get(key), "a store returned null instead of Optional.empty()");
        } catch (RuntimeException e) {
            failed("get", key, e);
            return null;
        }
    }

    /**
     * The entries found for {@code keys} (one store call: {@link ResultCache#getAll}), each key counted as a hit or a
     * miss. A failed call counts one error and misses for the keys it did not read; when only some entries failed
     * (a corrupt row, deleted), the others it read are kept ({@link CacheException#found()}), not asked again.
     */
    @Override
    public Map<CacheKey, CacheEntry> getAll(Collection<CacheKey> keys) {
        Map<CacheKey, CacheEntry> found = lookUpAll(keys);
        for (CacheKey key : keys) {
            CacheEntry entry = found.get(key);
            if (entry == null) {
                misses.increment();
            } else {
                hits.increment();
                saved.add(entry.usage());
            }
        }
        return found;
    }

    /**
     * Looks keys up again right after {@link #getAll} missed them (a load-through cache claiming the keys before
     * loading them), in one store call: each one found now turns that counted miss into a hit, one still missing
     * counts nothing more, a failure counts an error. So a call still counts one look-up per key.
     */
    Map<CacheKey, CacheEntry> recheckAll(Collection<CacheKey> keys) {
        Map<CacheKey, CacheEntry> found = lookUpAll(keys);
        for (CacheEntry entry : found.values()) {
            misses.decrement();
            hits.increment();
            saved.add(entry.usage());
        }
        return found;
    }

    /** The store's answer for {@code keys}, only the keys asked for; what it read when it failed (counted, logged). */
    private Map<CacheKey, CacheEntry> lookUpAll(Collection<CacheKey> keys) {
        Objects.requireNonNull(keys, "keys");
        keys.forEach(k -> Objects.requireNonNull(k, "key"));
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<CacheKey, CacheEntry> answer;
        try {
            answer = Objects.requireNonNull(delegate.getAll(keys), "a store returned null instead of an empty map");
        } catch (CacheException e) {
            failed("get", keys.iterator().next(), e);
            answer = e.found() == null ? Map.of() : e.found();
        } catch (RuntimeException e) {
            failed("get", keys.iterator().next(), e);
            return Map.of();
        }
        Map<CacheKey, CacheEntry> found = new LinkedHashMap<>();
        for (CacheKey key : keys) {
            CacheEntry entry = answer.get(key);
            if (entry != null) {
                found.put(key, entry);
            }
        }
        return found;
    }

    /** Stores the entries in one store call ({@link ResultCache#putAll}); a failure is counted and logged once. */
    @Override
    public void putAll(Map<CacheKey, CacheEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        entries.forEach((key, entry) -> {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(entry, "entry");
        });
        if (entries.isEmpty()) {
            return;
        }
        try {
            delegate.putAll(entries);
            writes.add(entries.size());
        } catch (RuntimeException e) {
            failed("put", entries.keySet().iterator().next(), e);
        }
    }

    /** Stores the entry; a store failure is counted and logged, never thrown. */
    @Override
    public void put(CacheKey key, CacheEntry entry) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entry, "entry");
        try {
            delegate.put(key, entry);
            writes.increment();
        } catch (RuntimeException e) {
            failed("put", key, e);
        }
    }

    /** Closes the store; a failure to close is logged, not thrown. */
    @Override
    public void close() {
        try {
            delegate.close();
        } catch (RuntimeException e) {
            failed("close", null, e);
        }
    }

    /**
     * Tells {@code sink} (once each) what people should know about this cache: the first failure of the store, and
     * the store's own warnings from opening it ({@link CacheAdmin#warnings()}); what happened before this call is
     * told at once. Returns this store.
     */
    public MeteredResultCache onWarning(Consumer<String> sink) {
        Objects.requireNonNull(sink, "sink");
        List<String> earlier;
        synchronized (this) {
            if (this.sink == null && delegate instanceof CacheAdmin admin) {
                try {
                    userWarnings.addAll(0, admin.warnings());
                } catch (RuntimeException e) {
                    failed("warnings", null, e);
                }
            }
            this.sink = sink;
            earlier = List.copyOf(userWarnings);
        }
        earlier.forEach(sink);
        return this;
    }

    private void tell(String warning) {
        Consumer<String> to;
        synchronized (this) {
            userWarnings.add(warning);
            to = sink;
        }
        if (to != null) {
            to.accept(warning);
        }
    }

    /** This process's counts since this decorator was made. */
    public Counters counters() {
        return new Counters(hits.sum(), misses.sum(), errors.sum(), writes.sum(), saved.sum());
    }

    /** Counts a failure that happened outside the store calls (e.g. a value that no longer decodes). */
    public void recordError(String operation, CacheKey key, RuntimeException e) {
        failed(operation, key, e);
    }

    private void failed(String operation, CacheKey key, RuntimeException e) {
        errors.increment();
        String reason = operation + ": " + describe(e);
        boolean first = loggedReasons.size() < MAX_REASONS && loggedReasons.add(reason);
        if (failedOnce.compareAndSet(false, true)) {
            tell("the cache failed (" + operation + ": " + Reasons.of(e)
                    + "); going on without it, so this run's results" + " are not being reused or kept"
                    + (operation.equals("close") ? "" : " while it fails"));
        }
        if (first) {
            LOG.warn(
                    "cache {} failed, going on without the cache ({}); further failures for this reason are logged"
                            + " at DEBUG",
                    operation,
                    describe(e));
            LOG.debug("cache {} failure", operation, e);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("cache {} failed for {}: {}", operation, key == null ? "-" : key.digest(), describe(e));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        // digests and counters vary from one failure to the next; the reason is what stays the same
        message = message.replaceAll("[0-9a-f]{16,}", "…").replaceAll("\\d+", "N");
        if (message.length() > 200) {
            message = message.substring(0, 200);
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message.toLowerCase(Locale.ROOT));
    }

    /**
     * One process's cache counts.
     *
     * @param hits look-ups answered by the store
     * @param misses look-ups that found nothing, including those that failed
     * @param errors store failures stepped around (look-ups, writes, close)
     * @param writes entries stored
     * @param saved the usage recorded in the entries that were hit: what calling the backend again would have cost
     */
    public record Counters(long hits, long misses, long errors, long writes, Usage saved) {}
}

package dev.dragoman.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.dragoman.core.usage.Usage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-process store, bounded by entry count (Caffeine, W-TinyLFU eviction: recently and frequently used entries
 * stay), with an optional time to live per entry. For tests and for library users who want no file. Nothing
 * survives the process. Thread-safe; look-ups take no lock.
 */
public final class MemoryResultCache implements ResultCache, CacheAdmin {

    /** The entry limit of {@link #MemoryResultCache()}. */
    public static final long DEFAULT_MAX_ENTRIES = 10_000;

    private final Cache<String, Stored> entries;
    private final Clock clock;
    private final ConcurrentMap<String, Counters> counters = new ConcurrentHashMap<>();

    /** At most {@link #DEFAULT_MAX_ENTRIES} entries, no expiry. */
    public MemoryResultCache() {
        this(DEFAULT_MAX_ENTRIES, null, Clock.systemUTC());
    }

    /**
     * @param maxEntries the entry limit (at least 1)
     * @param ttl how long an entry lives after it is stored, or null for no expiry
     * @param clock the time source for expiry and {@code --older-than}
     */
    public MemoryResultCache(long maxEntries, Duration ttl, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a memory cache holds at least 1 entry, not " + maxEntries);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker(clock))
                // eviction on the writing thread: predictable for tests, and the work is tiny
                .executor(Runnable::run);
        if (ttl != null) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("a time to live must be positive, not " + ttl);
            }
            builder.expireAfterWrite(ttl);
        }
        this.entries = builder.build();
    }

    @Override
    public Optional<CacheEntry> get(CacheKey key) {
        Stored s = entries.getIfPresent(key.digest());
        Counters c = counters(key.backend());
        if (s == null || !s.key().equals(key)) {
            c.misses.incrementAndGet();
            return Optional.empty();
        }
        c.hits.incrementAndGet();
        c.saved.accumulateAndGet(s.entry().usage(), Usage::plus);
        return Optional.of(s.entry());
    }

    @Override
    public void put(CacheKey key, CacheEntry entry) {
        entries.put(key.digest(), new Stored(key, entry, sizeOf(entry)));
    }

    /** Entries held now (after pending evictions and expiries). */
    public int size() {
        entries.cleanUp();
        return (int) entries.estimatedSize();
    }

    @Override
    public CacheStats stats() {
        entries.cleanUp();
        Map<String, long[]> perBackend = new TreeMap<>();
        for (Stored s : entries.asMap().values()) {
            long[] a = perBackend.computeIfAbsent(s.key().backend(), b -> new long[2]);
            a[0]++;
            a[1] += s.size();
        }
        counters.keySet().forEach(b -> perBackend.computeIfAbsent(b, x -> new long[2]));
        List<CacheStats.BackendStats> backends = new ArrayList<>();
        long entryCount = 0, size = 0, hits = 0, misses = 0;
        for (Map.Entry<String, long[]> e : perBackend.entrySet()) {
            Counters c = counters.getOrDefault(e.getKey(), new Counters());
            backends.add(new CacheStats.BackendStats(
                    e.getKey(), e.getValue()[0], e.getValue()[1], c.hits.get(), c.misses.get(), c.saved.get()));
            entryCount += e.getValue()[0];
            size += e.getValue()[1];
            hits += c.hits.get();
            misses += c.misses.get();
        }
        return new CacheStats(entryCount, size, hits, misses, 0, backends);
    }

    @Override
    public long clear(CacheFilter filter) {
        Instant cutoff = filter.age().map(age -> clock.instant().minus(age)).orElse(null);
        AtomicLong removed = new AtomicLong();
        entries.asMap().values().removeIf(s -> {
            boolean match =
                    (filter.backend() == null || filter.backend().equals(s.key().backend()))
                            && (cutoff == null || s.entry().created().isBefore(cutoff));
            if (match) {
                removed.incrementAndGet();
            }
            return match;
        });
        if (filter.olderThan() == null) {
            if (filter.backend() == null) {
                counters.clear();
            } else {
                counters.remove(filter.backend());
            }
        }
        entries.cleanUp();
        return removed.get();
    }

    @Override
    public long prune() {
        long before = entries.estimatedSize();
        entries.cleanUp();
        return Math.max(0, before - entries.estimatedSize());
    }

    @Override
    public String location() {
        return "memory (this process only)";
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    private Counters counters(String backend) {
        return counters.computeIfAbsent(backend, b -> new Counters());
    }

    private static long sizeOf(CacheEntry e) {
        return e.value().getBytes(StandardCharsets.UTF_8).length
                + e.backend().length()
                + e.model().length()
                + 64L;
    }

    private static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    private record Stored(CacheKey key, CacheEntry entry, long size) {}

    private static final class Counters {
        final AtomicLong hits = new AtomicLong();
        final AtomicLong misses = new AtomicLong();
        final AtomicReference<Usage> saved = new AtomicReference<>(Usage.NONE);
    }
}

package dev.dragoman.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.testing.MutableClock;
import dev.dragoman.core.usage.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ResultCache} store shares: hits, misses, key parts, time to live (with an injected
 * clock), eviction, concurrency with single flight, corrupt entries, and the {@link CacheAdmin} side. A store's test
 * extends this class and says how to make a fresh store; published in core's test-jar.
 */
public abstract class ResultCacheContract {

    /** Values are this many ASCII characters, so capacities can be turned into bytes. */
    protected static final int VALUE_SIZE = 1000;

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final List<ResultCache> opened = new ArrayList<>();

    /**
     * A fresh, empty store.
     *
     * @param clock the clock the store must use for expiry, access order and "older than"
     * @param ttl the time to live of entries, or null for none
     * @param capacity how many entries of {@link #VALUE_SIZE} characters the store should keep at most; past that
     *     it evicts, least recently used first (turn it into bytes with about 1,200 bytes an entry)
     */
    protected abstract ResultCache newCache(Clock clock, Duration ttl, int capacity);

    /**
     * Damages what the store holds for {@code key} (a flipped byte, a row that no longer matches its digest) and
     * returns true, or returns false when the store keeps live objects that cannot be damaged.
     */
    protected boolean corruptEntry(ResultCache cache, CacheKey key) throws Exception {
        return false;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(ResultCache::close);
    }

    protected final ResultCache cache() {
        return cache(null, 10_000);
    }

    protected final ResultCache cache(Duration ttl, int capacity) {
        ResultCache c = newCache(clock, ttl, capacity);
        opened.add(c);
        return c;
    }

    protected static CacheKey.Builder keyParts(String input) {
        return CacheKey.builder("translate")
                .backend("deepl")
                .model("default")
                .templateVersion("t1")
                .glossaryVersion("g1")
                .source(Language.ARABIC)
                .target(Language.ENGLISH)
                .option("formality", "default")
                .input(input);
    }

    protected static CacheKey key(String input) {
        return keyParts(input).build();
    }

    protected final CacheEntry entry(String text) {
        StringBuilder value = new StringBuilder(text);
        while (value.length() < VALUE_SIZE) {
            value.append(' ').append(text);
        }
        value.setLength(VALUE_SIZE);
        return new CacheEntry(
                value.toString(),
                clock.instant().plusNanos(123_456_789),
                "deepl",
                "default",
                Usage.ofCharacters(1, 240));
    }

    private static CacheAdmin admin(ResultCache c) {
        return CacheAdmin.of(c).orElseThrow();
    }

    // --- hits and misses

    @Test
    void should_miss_for_a_key_never_stored() {
        // given
        ResultCache c = cache();
        // when
        Optional<CacheEntry> found = c.get(key("لم يخزن"));
        // then
        assertThat(found).isEmpty();
    }

    @Test
    void should_return_the_stored_entry_with_its_provenance() {
        // given
        ResultCache c = cache();
        CacheKey k = key("قال الرئيس");
        CacheEntry e = new CacheEntry(
                "The president said — «quoted» ✓",
                Instant.parse("2026-02-27T10:15:30.123456789Z"),
                "deepl",
                "next-gen",
                new Usage(1, 11, 7, 9));
        // when
        c.put(k, e);
        // then
        assertThat(c.get(k)).contains(e);
    }

    @Test
    void should_replace_an_entry_put_again_under_the_same_key() {
        // given
        ResultCache c = cache();
        CacheKey k = key("a");
        c.put(k, entry("first"));
        // when
        c.put(k, entry("second"));
        // then
        assertThat(c.get(k)).contains(entry("second"));
        assertThat(admin(c).stats().entries()).isEqualTo(1);
    }

    @Test
    void should_find_an_entry_under_a_key_built_again_from_the_same_parts() {
        // given
        ResultCache c = cache();
        c.put(key("نص"), entry("text"));
        // when
        Optional<CacheEntry> found = c.get(keyParts("نص").build());
        // then
        assertThat(found).contains(entry("text"));
    }

    @Test
    void should_never_return_an_entry_for_a_key_that_differs_in_one_part() {
        // given
        ResultCache c = cache();
        c.put(key("نص"), entry("text"));
        List<UnaryOperator<CacheKey.Builder>> changes = List.of(
                b -> b.backend("google"),
                b -> b.model("other"),
                b -> b.templateVersion("t2"),
                b -> b.glossaryVersion("g2"),
                b -> b.source(Language.FRENCH),
                b -> b.target(Language.FRENCH),
                b -> b.option("tone", "formal"),
                b -> b.input("نص "));
        for (UnaryOperator<CacheKey.Builder> change : changes) {
            // when
            CacheKey other = change.apply(keyParts("نص")).build();
            // then
            assertThat(c.get(other)).isEmpty();
        }
        assertThat(c.get(CacheKey.builder("summarize")
                        .backend("deepl")
                        .model("default")
                        .templateVersion("t1")
                        .glossaryVersion("g1")
                        .source(Language.ARABIC)
                        .target(Language.ENGLISH)
                        .option("formality", "default")
                        .input("نص")
                        .build()))
                .isEmpty();
    }

    // --- time to live and eviction

    @Test
    void should_expire_an_entry_after_its_time_to_live() {
        // given
        ResultCache c = cache(Duration.ofHours(1), 10_000);
        CacheKey k = key("expiring");
        c.put(k, entry("soon gone"));
        // when
        clock.advance(Duration.ofMinutes(59));
        Optional<CacheEntry> before = c.get(k);
        clock.advance(Duration.ofMinutes(2));
        Optional<CacheEntry> after = c.get(k);
        // then
        assertThat(before).isPresent();
        assertThat(after).isEmpty();
    }

    @Test
    void should_remove_expired_entries_on_prune() {
        // given
        ResultCache c = cache(Duration.ofHours(1), 10_000);
        c.put(key("one"), entry("one"));
        c.put(key("two"), entry("two"));
        clock.advance(Duration.ofHours(2));
        c.put(key("three"), entry("three"));
        // when
        admin(c).prune();
        // then
        assertThat(admin(c).stats().entries()).isEqualTo(1);
        assertThat(c.get(key("three"))).isPresent();
    }

    @Test
    void should_stay_within_its_capacity_and_keep_an_entry_in_constant_use() {
        // given
        int capacity = 20;
        ResultCache c = cache(null, capacity);
        CacheKey hot = key("hot");
        CacheEntry hotEntry = entry("hot");
        c.put(hot, hotEntry);
        // when
        for (int i = 0; i < 5 * capacity; i++) {
            clock.advance(Duration.ofMillis(1));
            c.put(key("cold " + i), entry("cold " + i));
            clock.advance(Duration.ofMillis(1));
            assertThat(c.get(hot)).as("hot entry after %d cold ones", i + 1).isPresent();
        }
        admin(c).prune();
        // then
        long entries = admin(c).stats().entries();
        assertThat(entries).isLessThanOrEqualTo(capacity).isGreaterThan(0);
        assertThat(c.get(hot)).contains(hotEntry);
        int left = 0;
        for (int i = 0; i < 5 * capacity; i++) {
            left += c.get(key("cold " + i)).isPresent() ? 1 : 0;
        }
        assertThat(left).isLessThan(capacity);
    }

    // --- concurrency

    @Test
    void should_make_one_backend_call_for_concurrent_identical_requests() throws Exception {
        // given
        CachedCall call = new CachedCall(cache());
        CacheKey k = key("same request");
        int threads = 8;
        AtomicInteger backendCalls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch leaderIn = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CachedCall.Result>> results = new ArrayList<>();
            results.add(pool.submit(() -> call.get(k, () -> {
                backendCalls.incrementAndGet();
                leaderIn.countDown();
                await(release);
                return entry("once");
            })));
            await(leaderIn);
            for (int i = 1; i < threads; i++) {
                results.add(pool.submit(() -> call.get(k, () -> {
                    backendCalls.incrementAndGet();
                    return entry("again");
                })));
            }
            // when
            while (call.waiting(k) < threads - 1) {
                Thread.onSpinWait();
            }
            release.countDown();
            // then
            List<CachedCall.Source> sources = new ArrayList<>();
            for (Future<CachedCall.Result> r : results) {
                CachedCall.Result result = r.get(30, TimeUnit.SECONDS);
                assertThat(result.entry()).isEqualTo(entry("once"));
                sources.add(result.source());
            }
            assertThat(backendCalls).hasValue(1);
            assertThat(sources)
                    .containsOnlyOnce(CachedCall.Source.BACKEND)
                    .filteredOn(s -> s == CachedCall.Source.SHARED)
                    .hasSize(threads - 1);
            assertThat(call.get(k, () -> entry("third")).source()).isEqualTo(CachedCall.Source.CACHE);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_not_hold_up_other_keys_while_a_slow_backend_call_runs() throws Exception {
        // given
        CachedCall call = new CachedCall(cache());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowIn = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<CachedCall.Result> slow = pool.submit(() -> call.get(key("slow"), () -> {
                slowIn.countDown();
                await(release);
                return entry("slow");
            }));
            await(slowIn);
            // when
            Future<CachedCall.Result> fast = pool.submit(() -> call.get(key("fast"), () -> entry("fast")));
            // then: the fast call finishes while the slow one is still held
            assertThat(fast.get(30, TimeUnit.SECONDS).entry()).isEqualTo(entry("fast"));
            assertThat(slow).isNotDone();
            release.countDown();
            assertThat(slow.get(30, TimeUnit.SECONDS).entry()).isEqualTo(entry("slow"));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void should_not_cache_a_failed_backend_call() {
        // given
        ResultCache c = cache();
        CachedCall call = new CachedCall(c);
        CacheKey k = key("fails once");
        // when
        assertThatThrownBy(() -> call.get(k, () -> {
                    throw new IllegalStateException("backend down");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("backend down");
        CachedCall.Result retried = call.get(k, () -> entry("worked"));
        // then
        assertThat(retried.source()).isEqualTo(CachedCall.Source.BACKEND);
        assertThat(c.get(k)).contains(entry("worked"));
    }

    @Test
    void should_keep_every_entry_written_by_concurrent_threads() throws Exception {
        // given
        ResultCache c = cache();
        int threads = 4;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            // when
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        c.put(key(id + "/" + i), entry(id + "/" + i));
                        assertThat(c.get(key(id + "/" + i))).isPresent();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            // then
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    assertThat(c.get(key(t + "/" + i))).contains(entry(t + "/" + i));
                }
            }
            assertThat(admin(c).stats().entries()).isEqualTo((long) threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_answer_a_look_up_of_many_keys_with_the_entries_found_and_store_many_at_once() {
        // given two entries stored together, and a third key never stored
        ResultCache c = cache();
        java.util.Map<CacheKey, CacheEntry> two = new java.util.LinkedHashMap<>();
        two.put(key("الأولى"), entry("first"));
        two.put(key("الثانية"), entry("second"));
        c.putAll(two);
        // when the three keys are looked up at once
        java.util.Map<CacheKey, CacheEntry> found = c.getAll(List.of(key("الأولى"), key("لم يخزن"), key("الثانية")));
        // then exactly the stored two come back, each as a look-up of its own would return it
        assertThat(found)
                .containsOnly(
                        java.util.Map.entry(key("الأولى"), entry("first")),
                        java.util.Map.entry(key("الثانية"), entry("second")));
        assertThat(c.get(key("الثانية"))).contains(entry("second"));
        assertThat(c.getAll(List.of())).isEmpty();
        // and each key of the look-up was counted as one hit or one miss, as get counts it
        CacheStats stats = admin(c).stats();
        assertThat(stats.hits()).isEqualTo(3);
        assertThat(stats.misses()).isEqualTo(1);
    }

    @Test
    void should_look_up_more_keys_at_once_than_one_statement_takes() {
        // given 150 entries, stored in one call
        ResultCache c = cache();
        java.util.Map<CacheKey, CacheEntry> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            many.put(key("مقطع " + i), entry("segment " + i));
        }
        c.putAll(many);
        // when all of them and one more are looked up at once
        List<CacheKey> keys = new ArrayList<>(many.keySet());
        keys.add(key("لم يخزن"));
        java.util.Map<CacheKey, CacheEntry> found = c.getAll(keys);
        // then every stored one is found with its own value
        assertThat(found).isEqualTo(many);
    }

    // --- corruption

    @Test
    void should_never_return_a_corrupt_entry_and_count_the_failure() throws Exception {
        // given
        ResultCache c = cache();
        CacheKey k = key("damaged");
        c.put(k, entry("intact"));
        assumeThat(corruptEntry(c, k))
                .as("this store keeps live objects that cannot be damaged")
                .isTrue();
        MeteredResultCache metered = MeteredResultCache.of(c);
        // when
        Optional<CacheEntry> found = metered.get(k);
        // then
        assertThat(found).isEmpty();
        assertThat(metered.counters().errors()).isEqualTo(1);
        metered.put(k, entry("rewritten"));
        assertThat(metered.get(k)).contains(entry("rewritten"));
    }

    @Test
    void should_return_the_intact_entries_of_a_look_up_of_many_keys_when_one_is_corrupt() throws Exception {
        // given two entries, one of them damaged
        ResultCache c = cache();
        c.put(key("intact"), entry("intact"));
        c.put(key("damaged"), entry("damaged"));
        assumeThat(corruptEntry(c, key("damaged")))
                .as("this store keeps live objects that cannot be damaged")
                .isTrue();
        MeteredResultCache metered = MeteredResultCache.of(c);
        // when both are looked up at once
        java.util.Map<CacheKey, CacheEntry> found = metered.getAll(List.of(key("intact"), key("damaged")));
        // then the intact one is still a hit, the damaged one never comes back, and the failure is counted once
        assertThat(found).containsOnlyKeys(key("intact"));
        assertThat(found.get(key("intact"))).isEqualTo(entry("intact"));
        assertThat(metered.counters().errors()).isEqualTo(1);
        assertThat(metered.counters().hits()).isEqualTo(1);
        assertThat(metered.counters().misses()).isEqualTo(1);
        assertThat(metered.get(key("damaged"))).isEmpty();
    }

    // --- administration

    @Test
    void should_count_hits_misses_and_what_the_hits_saved_per_backend() {
        // given
        ResultCache c = cache();
        CacheKey k = key("counted");
        c.get(k);
        c.get(key("other"));
        c.put(k, entry("counted"));
        // when
        for (int i = 0; i < 3; i++) {
            c.get(k);
        }
        CacheStats stats = admin(c).stats();
        // then
        assertThat(stats.entries()).isEqualTo(1);
        assertThat(stats.hits()).isEqualTo(3);
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.sizeBytes()).isPositive();
        assertThat(stats.backends()).singleElement().satisfies(b -> {
            assertThat(b.backend()).isEqualTo("deepl");
            assertThat(b.entries()).isEqualTo(1);
            assertThat(b.hits()).isEqualTo(3);
            assertThat(b.saved()).isEqualTo(new Usage(3, 720, 0, 0));
        });
    }

    @Test
    void should_clear_only_the_named_backend() {
        // given
        ResultCache c = cache();
        c.put(key("a"), entry("a"));
        c.put(key("b"), entry("b"));
        CacheKey google = keyParts("a").backend("google").build();
        c.put(google, entry("g"));
        // when
        long removed = admin(c).clear(CacheFilter.backend("deepl"));
        // then
        assertThat(removed).isEqualTo(2);
        assertThat(c.get(key("a"))).isEmpty();
        assertThat(c.get(google)).contains(entry("g"));
    }

    @Test
    void should_clear_only_entries_older_than_the_given_age() {
        // given
        ResultCache c = cache();
        c.put(key("old"), entry("old"));
        clock.advance(Duration.ofDays(10));
        c.put(key("new"), entry("new"));
        // when
        long removed = admin(c).clear(CacheFilter.olderThan(Duration.ofDays(5)));
        // then
        assertThat(removed).isEqualTo(1);
        assertThat(c.get(key("old"))).isEmpty();
        assertThat(c.get(key("new"))).isPresent();
    }

    @Test
    void should_clear_everything_and_reset_the_counters() {
        // given
        ResultCache c = cache();
        c.put(key("x"), entry("x"));
        c.get(key("x"));
        // when
        long removed = admin(c).clear(CacheFilter.all());
        // then
        assertThat(removed).isEqualTo(1);
        CacheStats stats = admin(c).stats();
        assertThat(stats.entries()).isZero();
        assertThat(stats.hits()).isZero();
        assertThat(admin(c).location()).isNotBlank();
        assertThat(admin(c).warnings()).isEmpty();
    }

    protected static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

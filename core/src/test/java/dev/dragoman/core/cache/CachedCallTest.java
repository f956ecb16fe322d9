package dev.dragoman.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Language;
import dev.dragoman.core.usage.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** CachedCall and MeteredResultCache around stores that fail; the shared behaviour is in {@link ResultCacheContract}. */
class CachedCallTest {

    private static final CacheKey KEY = CacheKey.builder("translate")
            .backend("deepl")
            .source(Language.ARABIC)
            .target(Language.ENGLISH)
            .input("مرحبا")
            .build();
    private static final CacheEntry ENTRY =
            new CacheEntry("Hello", Instant.parse("2026-03-01T00:00:00Z"), "deepl", "", Usage.ofCharacters(1, 5));

    /** A store that is down: every call throws, as Redis does when the server is gone. */
    private static final class DownStore implements ResultCache {
        final AtomicInteger calls = new AtomicInteger();
        final RuntimeException failure;

        DownStore(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Optional<CacheEntry> get(CacheKey key) {
            calls.incrementAndGet();
            throw failure;
        }

        @Override
        public void put(CacheKey key, CacheEntry entry) {
            calls.incrementAndGet();
            throw failure;
        }
    }

    @Test
    void should_call_the_backend_and_count_errors_when_the_store_is_down() {
        // given
        DownStore store = new DownStore(new CacheException("connection refused", null));
        CachedCall call = new CachedCall(store);
        AtomicInteger backendCalls = new AtomicInteger();
        // when
        CachedCall.Result first = call.get(KEY, () -> {
            backendCalls.incrementAndGet();
            return ENTRY;
        });
        CachedCall.Result second = call.get(KEY, () -> {
            backendCalls.incrementAndGet();
            return ENTRY;
        });
        // then
        assertThat(first.entry()).isEqualTo(ENTRY);
        assertThat(second.source()).isEqualTo(CachedCall.Source.BACKEND);
        assertThat(backendCalls).hasValue(2);
        assertThat(call.cache().counters().errors()).isEqualTo(4);
        assertThat(call.cache().counters().misses()).isEqualTo(2);
    }

    @Test
    void should_step_around_any_runtime_exception_a_store_throws() {
        // given a store with a bug, not a CacheException
        MeteredResultCache metered = MeteredResultCache.of(new DownStore(new IllegalStateException("bug")));
        // when
        Optional<CacheEntry> found = metered.get(KEY);
        metered.put(KEY, ENTRY);
        // then
        assertThat(found).isEmpty();
        assertThat(metered.counters().errors()).isEqualTo(2);
    }

    @Test
    void should_count_hits_and_the_usage_they_saved() {
        // given
        MemoryResultCache store = new MemoryResultCache();
        CachedCall call = new CachedCall(store);
        call.get(KEY, () -> ENTRY);
        // when
        CachedCall.Result hit = call.get(KEY, () -> {
            throw new AssertionError("the backend must not be called on a hit");
        });
        // then
        assertThat(hit.fromCache()).isTrue();
        assertThat(call.cache().counters())
                .isEqualTo(new MeteredResultCache.Counters(1, 1, 0, 1, Usage.ofCharacters(1, 5)));
    }

    @Test
    void should_refuse_a_backend_call_that_returns_nothing() {
        CachedCall call = new CachedCall(new MemoryResultCache());
        assertThatThrownBy(() -> call.get(KEY, () -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("deepl");
    }

    @Test
    void should_find_the_admin_side_behind_the_metering_decorator() {
        NoResultCache none = new NoResultCache();
        assertThat(CacheAdmin.of(MeteredResultCache.of(none))).containsSame(none);
        assertThat(none.location()).contains("none");
        none.put(KEY, ENTRY);
        assertThat(none.get(KEY)).isEmpty();
    }

    private static CacheKey key(String input) {
        return CacheKey.builder("translate")
                .backend("deepl")
                .source(Language.ARABIC)
                .target(Language.ENGLISH)
                .input(input)
                .build();
    }

    private static CacheEntry entry(String value) {
        return new CacheEntry(value, Instant.parse("2026-03-01T00:00:00Z"), "deepl", "", Usage.ofCharacters(1, 5));
    }

    @Test
    void should_load_only_the_misses_and_count_each_miss_once() {
        // given one key stored, two not
        MemoryResultCache store = new MemoryResultCache();
        CachedCall call = new CachedCall(store);
        call.cache().put(key("a"), entry("A"));
        java.util.List<java.util.List<CacheKey>> loads = new java.util.ArrayList<>();
        // when
        java.util.Map<CacheKey, CachedCall.Result> results =
                call.getAll(java.util.List.of(key("a"), key("b"), key("c"), key("b")), (misses, sink) -> {
                    loads.add(misses);
                    misses.forEach(k -> sink.accept(k, CachedCall.Loaded.clean(entry("fresh"))));
                });
        // then
        assertThat(loads).containsExactly(java.util.List.of(key("b"), key("c")));
        assertThat(results.keySet()).containsExactly(key("a"), key("b"), key("c"));
        assertThat(results.get(key("a")).source()).isEqualTo(CachedCall.Source.CACHE);
        assertThat(results.get(key("b")).source()).isEqualTo(CachedCall.Source.BACKEND);
        assertThat(call.cache().counters().misses()).isEqualTo(2);
        assertThat(call.cache().counters().hits()).isEqualTo(1);
        assertThat(store.stats().misses())
                .as("the store's own count, as cache stats shows it")
                .isEqualTo(2);
    }

    @Test
    void should_return_but_not_store_a_result_with_warnings() {
        // given
        CachedCall call = new CachedCall(new MemoryResultCache());
        // when
        CachedCall.Result flagged =
                call.load(KEY, () -> new CachedCall.Loaded(ENTRY, java.util.List.of("returned unchanged")));
        CachedCall.Result again = call.get(KEY, () -> entry("clean"));
        // then
        assertThat(flagged.warnings()).containsExactly("returned unchanged");
        assertThat(again.source()).isEqualTo(CachedCall.Source.BACKEND);
        assertThat(again.value()).isEqualTo("clean");
    }

    @Test
    void should_load_a_key_once_when_many_threads_ask_for_it_at_the_same_time() throws Exception {
        // given 8 threads that all ask for the same two keys while the first load is held back
        CachedCall call = new CachedCall(new MemoryResultCache());
        AtomicInteger loads = new AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<java.util.Map<CacheKey, CachedCall.Result>>> futures =
                    new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> call.getAll(java.util.List.of(key("x"), key("y")), (misses, sink) -> {
                    loads.addAndGet(misses.size());
                    try {
                        release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    misses.forEach(k -> sink.accept(k, CachedCall.Loaded.clean(entry("v"))));
                })));
            }
            // when every other thread waits on the keys in flight
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (call.waiting(key("x")) + call.waiting(key("y")) + loads.get() < 2 + 6
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            release.countDown();
            // then each key was loaded once, and every caller has both values
            for (var f : futures) {
                assertThat(f.get(10, java.util.concurrent.TimeUnit.SECONDS).values())
                        .extracting(CachedCall.Result::value)
                        .containsExactly("v", "v");
            }
            assertThat(loads).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_use_a_load_another_thread_stored_between_the_look_up_and_the_claim() throws Exception {
        // given a store whose first look-up misses, and while it answers another thread loads and stores the key
        MemoryResultCache memory = new MemoryResultCache();
        AtomicInteger loads = new AtomicInteger();
        CachedCall[] call = new CachedCall[1];
        ResultCache store = new ResultCache() {
            final AtomicInteger gets = new AtomicInteger();

            @Override
            public Optional<CacheEntry> get(CacheKey key) {
                Optional<CacheEntry> found = memory.get(key);
                if (gets.incrementAndGet() == 1) {
                    Thread other = new Thread(() -> call[0].get(key, () -> {
                        loads.incrementAndGet();
                        return entry("loaded by the other thread");
                    }));
                    other.start();
                    try {
                        other.join(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return found;
            }

            @Override
            public void put(CacheKey key, CacheEntry entry) {
                memory.put(key, entry);
            }
        };
        call[0] = new CachedCall(store);
        // when this thread, having missed, claims the key
        CachedCall.Result result = call[0].get(KEY, () -> {
            loads.incrementAndGet();
            return entry("loaded twice");
        });
        // then it takes the stored result instead of loading it again, and each call counted one look-up
        assertThat(loads).hasValue(1);
        assertThat(result.value()).isEqualTo("loaded by the other thread");
        assertThat(result.source()).isEqualTo(CachedCall.Source.CACHE);
        assertThat(call[0].cache().counters().hits()).isEqualTo(1);
        assertThat(call[0].cache().counters().misses()).isEqualTo(1);
    }

    /** A memory store that records its calls ("get a", "getAll 4", "putAll 3"), optionally failing some of them. */
    private static class CountingStore implements ResultCache {
        final MemoryResultCache memory = new MemoryResultCache();
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Optional<CacheEntry> get(CacheKey key) {
            calls.add("get");
            return memory.get(key);
        }

        @Override
        public void put(CacheKey key, CacheEntry entry) {
            calls.add("put");
            memory.put(key, entry);
        }

        @Override
        public Map<CacheKey, CacheEntry> getAll(Collection<CacheKey> keys) {
            calls.add("getAll " + keys.size());
            return memory.getAll(keys);
        }

        @Override
        public void putAll(Map<CacheKey, CacheEntry> entries) {
            calls.add("putAll " + entries.size());
            memory.putAll(entries);
        }
    }

    private static CachedCall.BulkLoader fresh(AtomicInteger loads) {
        return (misses, sink) -> {
            loads.addAndGet(misses.size());
            misses.forEach(k -> sink.accept(k, CachedCall.Loaded.clean(entry("fresh " + k.digest()))));
        };
    }

    @Test
    void should_look_an_articles_keys_up_in_one_call_and_store_what_it_loaded_in_one_write() {
        // given a store that records its calls, with one of four keys in it
        CountingStore store = new CountingStore();
        store.memory.put(key("a"), entry("A"));
        CachedCall call = new CachedCall(store);
        AtomicInteger loads = new AtomicInteger();
        // when an article's four segments are asked for
        Map<CacheKey, CachedCall.Result> results =
                call.getAll(List.of(key("a"), key("b"), key("c"), key("d")), fresh(loads));
        // then the store saw one look-up of the four keys and one write of the three loaded ones
        assertThat(store.calls).containsExactly("getAll 4", "putAll 3");
        assertThat(results).hasSize(4);
        assertThat(loads).hasValue(3);
        // and the next call finds all four in one look-up, without loading anything
        store.calls.clear();
        call.getAll(List.of(key("a"), key("b"), key("c"), key("d")), (misses, sink) -> {
            throw new AssertionError("nothing to load: " + misses);
        });
        assertThat(store.calls).containsExactly("getAll 4");
        assertThat(call.cache().counters()).satisfies(c -> {
            assertThat(c.hits()).isEqualTo(5);
            assertThat(c.misses()).isEqualTo(3);
            assertThat(c.writes()).isEqualTo(3);
        });
    }

    @Test
    void should_load_each_key_once_when_threads_ask_for_overlapping_sets_of_keys_at_once() throws Exception {
        // given 12 threads asking for overlapping sets of 3 of 6 keys, the first loads held back until all have asked
        CountingStore store = new CountingStore();
        CachedCall call = new CachedCall(store);
        List<CacheKey> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            keys.add(key("segment " + i));
        }
        Map<CacheKey, AtomicInteger> loadsPerKey = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch allAsked = new CountDownLatch(12);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Map<CacheKey, CachedCall.Result>>> futures = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                List<CacheKey> mine = List.of(keys.get(t % 6), keys.get((t + 1) % 6), keys.get((t + 2) % 6));
                futures.add(pool.submit(() -> {
                    allAsked.countDown();
                    return call.getAll(mine, (misses, sink) -> {
                        misses.forEach(k -> loadsPerKey
                                .computeIfAbsent(k, x -> new AtomicInteger())
                                .incrementAndGet());
                        try {
                            allAsked.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        misses.forEach(k -> sink.accept(k, CachedCall.Loaded.clean(entry("v " + k.digest()))));
                    });
                }));
            }
            // when every caller has its three results
            for (int t = 0; t < 12; t++) {
                Map<CacheKey, CachedCall.Result> results = futures.get(t).get(10, TimeUnit.SECONDS);
                // then each has the one value of each key it asked for
                assertThat(results).hasSize(3);
                results.forEach((k, r) -> assertThat(r.value()).isEqualTo("v " + k.digest()));
            }
            // and no key was loaded twice, and each was written once, together with the others its loader loaded
            assertThat(loadsPerKey.keySet()).containsExactlyInAnyOrderElementsOf(keys);
            loadsPerKey.forEach((k, n) -> assertThat(n).as("loads of one key").hasValue(1));
            int written = store.calls.stream()
                    .filter(c -> c.startsWith("putAll "))
                    .mapToInt(c -> Integer.parseInt(c.substring("putAll ".length())))
                    .sum();
            assertThat(written).isEqualTo(6);
            assertThat(store.calls).noneMatch(c -> c.equals("get") || c.equals("put"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_keep_the_intact_entries_of_a_look_up_in_which_one_is_corrupt_and_load_only_that_one() {
        // given a store in which one of three keys fails its check when read with the others
        CountingStore store = new CountingStore() {
            @Override
            public Map<CacheKey, CacheEntry> getAll(Collection<CacheKey> keys) {
                Map<CacheKey, CacheEntry> found = new java.util.LinkedHashMap<>(super.getAll(keys));
                if (found.remove(key("b")) != null) {
                    throw CacheException.partly("a corrupt row failed its check and was deleted", null, found);
                }
                return found;
            }
        };
        store.memory.putAll(Map.of(key("a"), entry("A"), key("b"), entry("B"), key("c"), entry("C")));
        CachedCall call = new CachedCall(store);
        AtomicInteger loads = new AtomicInteger();
        // when the three are asked for
        Map<CacheKey, CachedCall.Result> results = call.getAll(List.of(key("a"), key("b"), key("c")), fresh(loads));
        // then the intact two come from the store, only the corrupt one is loaded again, and one error is counted
        assertThat(results.get(key("a")).value()).isEqualTo("A");
        assertThat(results.get(key("c")).value()).isEqualTo("C");
        assertThat(results.get(key("b")).source()).isEqualTo(CachedCall.Source.BACKEND);
        assertThat(loads).hasValue(1);
        assertThat(call.cache().counters().errors()).isEqualTo(1);
        assertThat(call.cache().counters().hits()).isEqualTo(2);
        assertThat(call.cache().counters().misses()).isEqualTo(1);
    }

    @Test
    void should_return_the_results_and_let_go_of_the_keys_when_the_store_cannot_write() {
        // given a store that reads but fails every write
        CountingStore store = new CountingStore() {
            @Override
            public void putAll(Map<CacheKey, CacheEntry> entries) {
                calls.add("putAll " + entries.size());
                throw new CacheException("disk full", null);
            }
        };
        CachedCall call = new CachedCall(store);
        AtomicInteger loads = new AtomicInteger();
        // when two keys are asked for twice
        Map<CacheKey, CachedCall.Result> first = call.getAll(List.of(key("a"), key("b")), fresh(loads));
        Map<CacheKey, CachedCall.Result> second = call.getAll(List.of(key("a"), key("b")), fresh(loads));
        // then both calls have their results, the failed write is counted, and the keys are free again (no caller
        // waits forever on a key whose write failed): the second call loads them again
        assertThat(first.values()).extracting(CachedCall.Result::source).containsOnly(CachedCall.Source.BACKEND);
        assertThat(second.values()).extracting(CachedCall.Result::source).containsOnly(CachedCall.Source.BACKEND);
        assertThat(loads).hasValue(4);
        assertThat(call.cache().counters().errors()).isEqualTo(2);
        assertThat(call.waiting(key("a"))).isZero();
    }

    @Test
    void should_store_what_a_loader_delivered_before_it_failed_and_fail_those_waiting_on_the_rest() throws Exception {
        // given a loader that delivers the first of two keys, then fails, while another thread waits on both
        CountingStore store = new CountingStore();
        CachedCall call = new CachedCall(store);
        CountDownLatch waiterIn = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // when
            Future<?>[] started = new Future<?>[1];
            assertThatThrownBy(() -> call.getAll(List.of(key("a"), key("b")), (misses, sink) -> {
                        sink.accept(key("a"), CachedCall.Loaded.clean(entry("A")));
                        started[0] =
                                pool.submit(() -> call.getAll(List.of(key("a"), key("b")), fresh(new AtomicInteger())));
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        while (call.waiting(key("b")) == 0 && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                        waiterIn.countDown();
                        throw new BackendFailure("the backend failed");
                    }))
                    .isInstanceOf(BackendFailure.class);
            assertThat(waiterIn.await(10, TimeUnit.SECONDS)).isTrue();
            // then the waiter gets the same failure, what was delivered is stored in one write, and the next call
            // loads only the key that failed
            assertThatThrownBy(() -> started[0].get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(BackendFailure.class);
            assertThat(store.calls).contains("putAll 1");
            assertThat(store.memory.get(key("a"))).contains(entry("A"));
            List<List<CacheKey>> loads = new ArrayList<>();
            call.getAll(List.of(key("a"), key("b")), (misses, sink) -> {
                loads.add(misses);
                misses.forEach(k -> sink.accept(k, CachedCall.Loaded.clean(entry("again"))));
            });
            assertThat(loads).containsExactly(List.of(key("b")));
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class BackendFailure extends RuntimeException {
        BackendFailure(String message) {
            super(message);
        }
    }
}

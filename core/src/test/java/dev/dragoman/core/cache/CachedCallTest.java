package dev.dragoman.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Language;
import dev.dragoman.core.usage.Usage;
import java.time.Instant;
import java.util.Optional;
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
}

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
}

package dev.dragoman.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingTranslatorTest {

    private static final TranslationRequest REQUEST = TranslationRequest.of(
            List.of("لوكاشينكو يؤكد دعم بلاده لروسيا", "موسكو"), Language.ARABIC, Language.ENGLISH);

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Fakes.RecordingBackend recording = new Fakes.RecordingBackend();
    private final AtomicBoolean failFirst = new AtomicBoolean();
    private final AtomicReference<Thread> waiter = new AtomicReference<>();

    /** The first call blocks until released (and then fails if asked to); later calls answer at once. */
    private final TranslationBackend gated = TranslationBackend.of(recording.profile(), r -> {
        if (entered.getCount() > 0) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failFirst.get()) {
                recording.requests.add(r);
                throw new DragomanException(DragomanException.Kind.BACKEND_UNAVAILABLE, "HTTP 503");
            }
        }
        return recording.translate(r);
    });

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private void awaitWaiting(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(t.getState()).as("the second caller waits for the first").isEqualTo(Thread.State.WAITING);
    }

    @Test
    void should_send_a_segment_once_when_two_callers_want_it_at_the_same_time() throws Exception {
        // given
        CachingTranslator caching = new CachingTranslator(gated, new MemoryResultCache());
        Future<TranslationResult> first = pool.submit(() -> caching.translate(REQUEST));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<TranslationResult> second = pool.submit(() -> {
            waiter.set(Thread.currentThread());
            return caching.translate(REQUEST);
        });
        while (waiter.get() == null) {
            Thread.onSpinWait();
        }
        awaitWaiting(waiter.get());
        // when
        release.countDown();
        // then
        assertThat(first.get().texts()).isEqualTo(second.get().texts());
        assertThat(recording.requests).hasSize(1);
        assertThat(second.get().segments()).allMatch(s -> s.fromCache());
        assertThat(second.get().usage().requests()).isZero();
    }

    @Test
    void should_share_the_failure_of_the_caller_it_waited_for_and_send_on_the_next_call() throws Exception {
        // given
        failFirst.set(true);
        CachingTranslator caching = new CachingTranslator(gated, new MemoryResultCache());
        Future<TranslationResult> first = pool.submit(() -> caching.translate(REQUEST));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<TranslationResult> second = pool.submit(() -> {
            waiter.set(Thread.currentThread());
            return caching.translate(REQUEST);
        });
        while (waiter.get() == null) {
            Thread.onSpinWait();
        }
        awaitWaiting(waiter.get());
        // when
        release.countDown();
        // then both callers get the one failure (the retry around the cache decides what happens next) …
        assertThat(org.assertj.core.api.Assertions.catchThrowable(first::get))
                .hasCauseInstanceOf(DragomanException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(second::get))
                .hasCauseInstanceOf(DragomanException.class);
        assertThat(recording.requests).as("one failed request for both callers").hasSize(1);
        // … and nothing was cached, so the next call sends the segments
        TranslationResult third = caching.translate(REQUEST);
        assertThat(third.texts())
                .containsExactly(
                        Fakes.translit(REQUEST.segments().get(0)),
                        Fakes.translit(REQUEST.segments().get(1)));
        assertThat(recording.requests).hasSize(2);
    }
}

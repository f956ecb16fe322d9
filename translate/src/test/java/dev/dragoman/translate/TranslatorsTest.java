package dev.dragoman.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.ratelimit.RateLimiter;
import dev.dragoman.core.retry.Backoff;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.testing.ManualClock;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.usage.UsageMeter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TranslatorsTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void should_rate_limit_every_attempt_and_meter_only_successes() {
        // given 2 requests per minute; the first call fails once with a 503
        Fakes.RecordingBackend inner = new Fakes.RecordingBackend();
        AtomicInteger calls = new AtomicInteger();
        TranslationBackend flaky = TranslationBackend.of(inner.profile(), r -> {
            if (calls.incrementAndGet() == 1) {
                throw new DragomanException(DragomanException.Kind.BACKEND_UNAVAILABLE, "HTTP 503");
            }
            return inner.translate(r);
        });
        UsageMeter meter = new UsageMeter();
        RateLimiter limiter = new RateLimiter(2, 0, clock, clock.sleeper());
        TranslationBackend t = Translators.decorate(
                flaky, new Retrier(Backoff.DEFAULT, clock.sleeper(), clock, () -> 0.5, null), limiter, meter);
        TranslationRequest req = TranslationRequest.of(List.of("موسكو"), Language.ARABIC, Language.ENGLISH);
        // when
        t.translate(req);
        t.translate(req);
        // then: attempt 1 uses the burst of one; the retry waited 1 s of backoff and then 29 s for its permit (one
        // per 30 s), the third attempt another 30 s
        assertThat(calls).hasValue(3);
        assertThat(clock.realSleeps())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(29), Duration.ofSeconds(30));
        assertThat(meter.byBackend().get("fake").requests()).isEqualTo(2);
        assertThat(meter.total().characters()).isEqualTo(10);
    }

    @Test
    void should_put_the_retry_outside_the_cache_and_the_cache_outside_the_guards() {
        TranslationBackend t = Translators.standard(
                new Fakes.RecordingBackend(),
                Retrier.none(),
                null,
                null,
                true,
                new dev.dragoman.core.cache.CachedCall(new dev.dragoman.core.cache.MemoryResultCache()));
        assertThat(t.toString())
                .isEqualTo(
                        "Retrying(Caching(GlossaryCheck[strict](CompletenessGuard[strict](TargetPunctuation(fake)))))");
    }

    @Test
    void should_apply_decorators_in_the_documented_order() {
        TranslationBackend t = Translators.standard(
                new Fakes.RecordingBackend(), Retrier.none(), RateLimiter.unlimited(), new UsageMeter(), false);
        assertThat(t.toString())
                .isEqualTo(
                        "Retrying(GlossaryCheck[flag](CompletenessGuard[flag](TargetPunctuation(RateLimited(Metered(fake))))))");
        assertThat(t.profile()).isEqualTo(new Fakes.RecordingBackend().profile());
    }

    @Test
    void should_give_every_request_the_run_glossary_so_a_changed_glossary_is_a_cache_miss() {
        // given
        Fakes.RecordingBackend backend = new Fakes.RecordingBackend();
        dev.dragoman.core.cache.CachedCall cache =
                new dev.dragoman.core.cache.CachedCall(new dev.dragoman.core.cache.MemoryResultCache());
        dev.dragoman.core.translation.Glossary v1 = new dev.dragoman.core.translation.Glossary(
                java.util.List.of(dev.dragoman.core.translation.Glossary.Entry.keep("AFP")));
        dev.dragoman.core.translation.Glossary v2 = new dev.dragoman.core.translation.Glossary(
                java.util.List.of(dev.dragoman.core.translation.Glossary.Entry.keep("SANA")));
        dev.dragoman.core.translation.TranslationRequest req = dev.dragoman.core.translation.TranslationRequest.of(
                java.util.List.of("مرحبا"), dev.dragoman.core.Language.ARABIC, dev.dragoman.core.Language.ENGLISH);
        java.util.function.Function<dev.dragoman.core.translation.Glossary, TranslationBackend> stack =
                g -> Translators.pipeline(backend).cache(cache).glossary(g).build();
        // when
        stack.apply(v1).translate(req);
        stack.apply(v1).translate(req);
        stack.apply(v2).translate(req);
        // then: the same glossary is served from the cache, another one is not
        assertThat(backend.requests).hasSize(2);
        assertThat(backend.requests).extracting(r -> r.options().glossary()).containsExactly(v1, v2);
        assertThat(stack.apply(v1).toString()).startsWith("Glossary[" + v1.version() + "](");
    }
}

package dev.dragoman.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.ratelimit.RateLimiter;
import dev.dragoman.core.testing.ManualClock;
import dev.dragoman.core.translation.TranslationRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate limit layer of the shared stack, as translations book it. */
class TranslationRateLimitTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void should_count_characters_for_machine_translation() {
        // given 600 characters per minute (10 per second)
        TranslationBackend t = Translators.pipeline(new Fakes.RecordingBackend())
                .rateLimit(new RateLimiter(0, 600, clock, clock.sleeper()))
                .build();
        TranslationRequest req = TranslationRequest.of(List.of("a".repeat(600)), Language.ARABIC, Language.ENGLISH);
        // when
        t.translate(req);
        t.translate(req.withSegments(List.of("b".repeat(50))));
        // then the first used a minute's allowance (590 beyond the 10-character burst, borrowed); the second waits
        // for that debt plus its own 10-character share: 60 s
        assertThat(clock.realSleeps()).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void should_count_prompt_and_answer_tokens_for_llms() {
        // given 6000 tokens per minute (100 per second)
        BackendProfile llm =
                new BackendProfile("llm", "m", "t", BatchLimits.UNLIMITED, false, BackendProfile.Unit.TOKENS);
        TranslationBackend t = Translators.pipeline(new Fakes.RecordingBackend(llm))
                .rateLimit(new RateLimiter(0, 6000, clock, clock.sleeper()))
                .build();
        // 300 ASCII bytes = 100 estimated tokens -> 500 + 2 × 100 = 700 tokens per request
        TranslationRequest req = TranslationRequest.of(List.of("x".repeat(300)), Language.ARABIC, Language.ENGLISH);
        // when: the first goes at once (the bucket is full), each later one waits for the 700 tokens before it
        for (int i = 0; i < 9; i++) {
            t.translate(req);
        }
        // then 700 tokens at 100 per second = 7 s apart
        assertThat(clock.realSleeps())
                .containsExactly(
                        java.util.Collections.nCopies(8, Duration.ofSeconds(7)).toArray(Duration[]::new));
    }

    @Test
    void should_let_the_limiter_learn_from_the_backends_429s() {
        // given an unlimited limiter and a backend that accepts ten requests, then refuses one
        RateLimiter limiter = new RateLimiter(0, 0, clock, clock.sleeper());
        int[] calls = new int[1];
        Fakes.RecordingBackend recording = new Fakes.RecordingBackend();
        TranslationBackend backend = new TranslationBackend() {
            @Override
            public BackendProfile profile() {
                return recording.profile();
            }

            @Override
            public dev.dragoman.core.translation.TranslationResult translate(TranslationRequest request) {
                if (++calls[0] > 10) {
                    throw new dev.dragoman.core.error.RateLimitedException("slow down", null);
                }
                return recording.translate(request);
            }
        };
        TranslationBackend t = Translators.pipeline(backend).rateLimit(limiter).build();
        TranslationRequest req = TranslationRequest.of(List.of("مرحبا"), Language.ARABIC, Language.ENGLISH);
        for (int i = 0; i < 10; i++) {
            t.translate(req);
        }
        // when
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.translate(req))
                .isInstanceOf(dev.dragoman.core.error.RateLimitedException.class);
        // then it paces at 95 % of the ten the server took in that second
        assertThat(limiter.effectiveRequestsPerMinute()).isEqualTo(570);
    }
}

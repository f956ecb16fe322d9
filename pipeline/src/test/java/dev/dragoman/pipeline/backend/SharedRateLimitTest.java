package dev.dragoman.pipeline.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.redis.RedisOptions;
import dev.dragoman.core.ratelimit.redis.RedisRateLimits;
import dev.dragoman.core.testing.RedisServerExtension;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.translate.TranslationBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several workers — each its own {@link Backends}, HTTP client and Redis connection, as on a cluster — translating
 * through one DeepL-shaped server with their rate limits shared in a real Redis: the requests counted at the server
 * keep the configured rate together, and a 429 slows every worker down.
 */
class SharedRateLimitTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final String OK = "{\"translations\":[{\"detected_source_language\":\"AR\",\"text\":\"Moscow\"}]}";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final String prefix = "shared" + PREFIXES.incrementAndGet() + ":";
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refuseFirst = new AtomicInteger();

    private void answer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(System.nanoTime());
                if (refuseFirst.getAndDecrement() > 0) {
                    return new MockResponse.Builder()
                            .code(429)
                            .addHeader("Retry-After", "1")
                            .body("{\"message\":\"Too many requests\"}")
                            .build();
                }
                return new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body(OK)
                        .build();
            }
        });
    }

    private RedisRateLimits worker() {
        return new RedisRateLimits(RedisOptions.at(REDIS.host(), REDIS.port()).withPrefix(prefix));
    }

    private BackendSpec deepl(int requestsPerMinute) {
        return BackendSpec.of("deepl")
                .withBaseUrl(server.url("/").toString())
                .withKeyVariable("TEAM_DEEPL_KEY")
                .withLimits(new BackendSpec.Limits(requestsPerMinute, 0, 0));
    }

    private static Backends backends(RedisRateLimits shared) {
        OkHttpClient http = new OkHttpClient();
        return Backends.load()
                .withVariables(Map.of("TEAM_DEEPL_KEY", "team-secret-7:fx"))
                .withHttp(() -> http)
                .withRateLimits(shared);
    }

    private static void translate(TranslationBackend t) {
        t.translate(TranslationRequest.of(List.of("موسكو"), Language.ARABIC, Language.ENGLISH));
    }

    @Test
    void should_keep_the_combined_rate_of_three_workers_at_the_shared_limit() {
        // given: 1,800 requests a minute (30 a second, a burst of 30) shared by three workers, each of which alone
        // may send that fast
        answer();
        int rpm = 1800;
        int workers = 3;
        int each = 40;
        List<RedisRateLimits> shared = new ArrayList<>();
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        try {
            // when
            for (int w = 0; w < workers; w++) {
                RedisRateLimits limits = worker();
                shared.add(limits);
                TranslationBackend t = backends(limits).translator(deepl(rpm));
                runs.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < each; i++) {
                        translate(t);
                    }
                }));
            }
            runs.forEach(CompletableFuture::join);
        } finally {
            shared.forEach(RedisRateLimits::close);
        }

        // then: every window between two arrivals holds at most the burst plus the rate times its length, plus 5
        // requests (a sixth of a second) of slack for arrivals bunched by a busy machine; the run spans three
        // seconds or more, so without the shared budget (90 a second: 120 requests in 1.3 s, where 75 may come)
        // this fails by far
        List<Long> at = arrivals.stream().sorted().toList();
        assertThat(at).hasSize(workers * each);
        double perNano = rpm / 60.0 / 1e9;
        long burst = rpm / 60;
        for (int i = 0; i < at.size(); i++) {
            for (int j = i + 1; j < at.size(); j++) {
                long requests = j - i + 1;
                double allowed = burst + perNano * (at.get(j) - at.get(i)) + 5;
                assertThat((double) requests)
                        .as("requests %d..%d within %d ms", i, j, (at.get(j) - at.get(i)) / 1_000_000)
                        .isLessThanOrEqualTo(allowed);
            }
        }
    }

    @Test
    void should_slow_every_worker_down_when_the_provider_answers_429() {
        // given
        answer();
        refuseFirst.set(1);
        try (RedisRateLimits one = worker();
                RedisRateLimits two = worker()) {
            Backends first = backends(one);
            String key = first.rateKey(deepl(1200));

            // when: the first worker's call is refused once (then retried after the Retry-After)
            translate(first.translator(deepl(1200)));

            // then: the rate in force for every worker is cut, under a key that names the variable, not the key
            assertThat(two.requestsPerMinuteInForce(key, 1200)).isBetween(960L, 975L); // 80 %, grown a little since
            assertThat(key).contains("deepl", "TEAM_DEEPL_KEY").doesNotContain("team-secret");
            assertThat(arrivals).hasSize(2);
        }
    }
}

package dev.dragoman.translate.deepl;

import static dev.dragoman.translate.Fakes.translit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.retry.Backoff;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.testing.ManualClock;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import dev.dragoman.core.translation.TranslatorContract;
import dev.dragoman.translate.ArticleTranslation;
import dev.dragoman.translate.ArticleTranslator;
import dev.dragoman.translate.Fakes;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.Translators;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class DeepLTranslatorTest extends TranslatorContract {

    private static final String KEY = "0f5c1d2e-1111-2222-3333-444455556666:fx";
    private static final OkHttpClient CLIENT = new OkHttpClient();

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ManualClock clock = new ManualClock();

    /** Answers like DeepL: one translation per text, detected source language, billed characters. */
    static final Dispatcher DEEPL = new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            JsonNode body;
            try {
                body = Json.mapper().readTree(request.getBody().utf8());
            } catch (java.io.IOException e) {
                return new MockResponse.Builder()
                        .code(400)
                        .body("{\"message\":\"Bad request\"}")
                        .build();
            }
            ObjectNode answer = Json.mapper().createObjectNode();
            ArrayNode translations = answer.putArray("translations");
            for (JsonNode t : body.path("text")) {
                ObjectNode o = translations.addObject();
                o.put("detected_source_language", "AR");
                o.put("text", translit(t.asText()));
                o.put("billed_characters", t.asText().length());
            }
            return json(200, answer.toString());
        }
    };

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private DeepLTranslator deepl() {
        return DeepLTranslator.builder(CLIENT, KEY)
                .baseUrl(server.url("/").toString())
                .build();
    }

    @Override
    protected Translator translator() {
        server.setDispatcher(DEEPL);
        return deepl();
    }

    @Override
    protected List<String> sampleSegments() {
        return List.of("لوكاشينكو يؤكد دعم بلاده لروسيا", "أكد الرئيس البيلاروسي موقف بلاده.", "المصدر: سانا");
    }

    @Override
    protected String expectedBackendId() {
        return "deepl";
    }

    private TranslationBackend retrying(DeepLTranslator t) {
        return Translators.decorate(
                t, new Retrier(Backoff.DEFAULT, clock.sleeper(), clock, () -> 0.5, null), null, null);
    }

    private static TranslationRequest request(String... segments) {
        return TranslationRequest.of(List.of(segments), Language.ARABIC, Language.ENGLISH);
    }

    private static String ok(String... texts) {
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode translations = answer.putArray("translations");
        for (String t : texts) {
            translations.addObject().put("detected_source_language", "AR").put("text", t);
        }
        return answer.toString();
    }

    @Test
    void should_send_the_documented_request() throws Exception {
        // given
        server.enqueue(json(
                200,
                "{\"translations\":[{\"detected_source_language\":\"AR\",\"text\":\"Lukashenko\","
                        + "\"billed_characters\":9},{\"detected_source_language\":\"AR\",\"text\":\"Moscow\","
                        + "\"billed_characters\":5}]}"));
        DeepLTranslator t = DeepLTranslator.builder(CLIENT, KEY)
                .baseUrl(server.url("/").toString())
                .build();
        TranslationRequest req = new TranslationRequest(
                List.of("لوكاشينكو", "موسكو"),
                Language.ARABIC,
                Language.ENGLISH,
                TranslationOptions.DEFAULT
                        .withContext("لوكاشينكو يؤكد دعم بلاده لروسيا")
                        .withFormality(TranslationOptions.Formality.MORE));
        // when
        TranslationResult result = t.translate(req);
        // then
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getTarget()).isEqualTo("/v2/translate");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("DeepL-Auth-Key " + KEY);
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = Json.mapper().readTree(sent.getBody().utf8());
        assertThat(body.path("text")).hasSize(2);
        assertThat(body.path("text").get(0).asText()).isEqualTo("لوكاشينكو");
        assertThat(body.path("source_lang").asText()).isEqualTo("AR");
        assertThat(body.path("target_lang").asText()).isEqualTo("EN-US");
        assertThat(body.path("context").asText()).isEqualTo("لوكاشينكو يؤكد دعم بلاده لروسيا");
        assertThat(body.path("formality").asText()).isEqualTo("prefer_more");
        assertThat(body.has("glossary_id")).isFalse();
        assertThat(result.texts()).containsExactly("Lukashenko", "Moscow");
        assertThat(result.detectedSource()).isEqualTo(Language.ARABIC);
        assertThat(result.usage().characters()).isEqualTo(14);
        assertThat(result.usage().requests()).isEqualTo(1);
    }

    @Test
    void should_choose_the_host_from_the_key() {
        assertThat(DeepLTranslator.builder(CLIENT, "abc:fx").build().baseUrl().host())
                .isEqualTo("api-free.deepl.com");
        assertThat(DeepLTranslator.builder(CLIENT, "abc").build().baseUrl().host())
                .isEqualTo("api.deepl.com");
    }

    @Test
    void should_refuse_to_start_without_a_key() {
        assertThatThrownBy(() -> DeepLTranslator.builder(CLIENT, " "))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("DEEPL_AUTH_KEY");
                });
    }

    @Test
    void should_read_the_account_usage() throws Exception {
        // given
        server.enqueue(json(200, "{\"character_count\":180118,\"character_limit\":1250000}"));
        // when
        DeepLTranslator.DeepLUsage usage = deepl().usage();
        // then
        assertThat(usage.characterCount()).isEqualTo(180118);
        assertThat(usage.remaining()).isEqualTo(1250000 - 180118);
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getTarget()).isEqualTo("/v2/usage");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("DeepL-Auth-Key " + KEY);
    }

    @Test
    void should_retry_after_429_honouring_retry_after() {
        // given
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "3")
                .body("{\"message\":\"Too many requests\"}")
                .build());
        server.enqueue(json(200, ok("Moscow")));
        // when
        TranslationResult result = retrying(deepl()).translate(request("موسكو"));
        // then
        assertThat(result.texts()).containsExactly("Moscow");
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void should_prefer_retry_after_ms_to_the_whole_seconds_of_retry_after() {
        // given a 429 with both hints, as OpenAI-style servers send them
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "1")
                .addHeader("retry-after-ms", "250")
                .body("{\"message\":\"Too many requests\"}")
                .build());
        // when
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> deepl().translate(request("موسكو")));
        // then
        assertThat(thrown).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) thrown).retryAfter()).contains(Duration.ofMillis(250));
    }

    @Test
    void should_ride_out_a_burst_of_server_errors() {
        // given
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(500, "{\"message\":\"Internal error\"}"));
        }
        server.enqueue(json(200, ok("Moscow")));
        // when
        TranslationResult result = retrying(deepl()).translate(request("موسكو"));
        // then
        assertThat(result.texts()).containsExactly("Moscow");
        assertThat(clock.sleeps())
                .containsExactly(Duration.ofMillis(1000), Duration.ofMillis(1600), Duration.ofMillis(2560));
    }

    @Test
    void should_fail_fast_with_a_clear_message_when_the_quota_is_used_up() {
        // given
        server.enqueue(json(456, "{\"message\":\"Quota exceeded\"}"));
        server.enqueue(json(200, ok("never")));
        // when / then
        assertThatThrownBy(() -> retrying(deepl()).translate(request("موسكو")))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
                    assertThat(e.getMessage()).contains("DeepL quota exceeded (HTTP 456: Quota exceeded)");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void should_name_the_fix_and_never_the_key_when_the_key_is_rejected() {
        // given a vendor message that echoes the key
        server.enqueue(json(403, "{\"message\":\"Wrong key " + KEY + "\"}"));
        // when / then
        assertThatThrownBy(() -> retrying(deepl()).translate(request("موسكو")))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
                    assertThat(e.getMessage())
                            .startsWith("DeepL rejected the key (HTTP 403")
                            .contains("check DEEPL_AUTH_KEY")
                            .doesNotContain(KEY)
                            .doesNotContain("0f5c1d2e");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_time_out_and_retry_when_the_server_stalls() {
        // given a short timeout, one answer that comes too late, then a good one
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(ok("late"))
                .headersDelay(2, TimeUnit.SECONDS)
                .build());
        server.enqueue(json(200, ok("Moscow")));
        DeepLTranslator t = DeepLTranslator.builder(CLIENT, KEY)
                .baseUrl(server.url("/").toString())
                .timeout(Duration.ofMillis(300))
                .build();
        // when
        List<DragomanException> failures = new java.util.ArrayList<>();
        TranslationResult result = Translators.decorate(
                        t,
                        new Retrier(
                                Backoff.DEFAULT,
                                clock.sleeper(),
                                clock,
                                () -> 0.5,
                                (what, attempt, delay, failure) -> failures.add(failure)),
                        null,
                        null)
                .translate(request("موسكو"));
        // then
        assertThat(result.texts()).containsExactly("Moscow");
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(f.getMessage()).contains("DeepL did not answer in time");
        });
    }

    @Test
    void should_retry_after_a_connection_reset() {
        // given
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(json(200, ok("Moscow")));
        List<DragomanException> failures = new java.util.ArrayList<>();
        // when
        TranslationResult result = Translators.decorate(
                        deepl(),
                        new Retrier(
                                Backoff.DEFAULT,
                                clock.sleeper(),
                                clock,
                                () -> 0.5,
                                (what, attempt, delay, failure) -> failures.add(failure)),
                        null,
                        null)
                .translate(request("موسكو"));
        // then
        assertThat(result.texts()).containsExactly("Moscow");
        assertThat(failures).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.BACKEND_UNAVAILABLE));
    }

    @Test
    void should_treat_malformed_and_truncated_json_as_retriable_and_cache_nothing_wrong() {
        // given HTML instead of JSON, a truncated answer, one translation for nine texts — then DeepL recovers
        List<MockResponse> faults = new java.util.ArrayList<>(List.of(
                json(200, "<html>Bad gateway</html>"),
                json(200, "{\"translations\":[{\"detected_source_language\":\"AR\",\"text\":\"Mos"),
                json(200, ok("only one"))));
        server.setDispatcher(new Dispatcher() {
            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return faults.isEmpty() ? DEEPL.dispatch(request) : faults.remove(0);
            }
        });
        MemoryResultCache cache = new MemoryResultCache();
        ArticleTranslator translator = new ArticleTranslator(retrying(deepl()), cache);
        // when
        ArticleTranslation result = translator.translate(Fakes.seed(), Language.ENGLISH);
        // then
        assertThat(result.article().headline()).isEqualTo(translit(Fakes.seed().headline()));
        assertThat(result.provenance().degraded()).isFalse();
        assertThat(clock.sleeps()).hasSize(3);
        // 3 failed attempts, then the main story and the related story (each with its own headline as context)
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(cache.size()).isEqualTo(15);
    }

    @Test
    void should_cache_nothing_when_every_attempt_fails() {
        // given
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(503, "{\"message\":\"Service unavailable\"}"));
        }
        MemoryResultCache cache = new MemoryResultCache();
        ArticleTranslator translator = new ArticleTranslator(retrying(deepl()), cache);
        // when / then
        assertThatThrownBy(() -> translator.translate(Fakes.seed(), Language.ENGLISH))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BACKEND_UNAVAILABLE);
                    assertThat(e.getMessage())
                            .contains("DeepL failed (HTTP 503")
                            .contains("gave up after 5 attempts");
                });
        assertThat(cache.size()).isZero();
    }
}

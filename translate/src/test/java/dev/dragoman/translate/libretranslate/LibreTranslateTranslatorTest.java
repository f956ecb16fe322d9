package dev.dragoman.translate.libretranslate;

import static dev.dragoman.translate.Fakes.translit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import dev.dragoman.core.translation.TranslatorContract;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class LibreTranslateTranslatorTest extends TranslatorContract {

    private static final OkHttpClient CLIENT = new OkHttpClient();

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Answers like LibreTranslate with an array q: translatedText array, detectedLanguage array when auto. */
    static final Dispatcher LIBRE = new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            try {
                JsonNode body = Json.mapper().readTree(request.getBody().utf8());
                ObjectNode answer = Json.mapper().createObjectNode();
                ArrayNode texts = answer.putArray("translatedText");
                ArrayNode detected = Json.mapper().createArrayNode();
                for (JsonNode q : body.path("q")) {
                    texts.add(translit(q.asText()));
                    detected.addObject().put("confidence", 90.0).put("language", "ar");
                }
                if ("auto".equals(body.path("source").asText())) {
                    answer.set("detectedLanguage", detected);
                }
                return json(200, answer.toString());
            } catch (java.io.IOException e) {
                return json(400, "{\"error\":\"Invalid request\"}");
            }
        }
    };

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private LibreTranslateTranslator libre(String key) {
        return LibreTranslateTranslator.builder(CLIENT, server.url("/").toString())
                .apiKey(key)
                .build();
    }

    @Override
    protected Translator translator() {
        server.setDispatcher(LIBRE);
        return libre(null);
    }

    @Override
    protected List<String> sampleSegments() {
        return List.of("لوكاشينكو يؤكد دعم بلاده لروسيا", "أكد الرئيس البيلاروسي موقف بلاده.", "المصدر: سانا");
    }

    @Override
    protected String expectedBackendId() {
        return "libretranslate";
    }

    @Test
    void should_send_q_as_an_array_with_auto_source_and_read_the_detected_language() throws Exception {
        // given
        server.enqueue(
                json(
                        200,
                        "{\"detectedLanguage\":[{\"confidence\":92.0,\"language\":\"ar\"},"
                                + "{\"confidence\":88.0,\"language\":\"ar\"}],\"translatedText\":[\"Lukashenko\",\"Moscow\"]}"));
        // when
        TranslationResult result =
                libre("k-123").translate(TranslationRequest.of(List.of("لوكاشينكو", "موسكو"), null, Language.ENGLISH));
        // then
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getTarget()).isEqualTo("/translate");
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = Json.mapper().readTree(sent.getBody().utf8());
        assertThat(body.path("q").isArray()).isTrue();
        assertThat(body.path("q")).hasSize(2);
        assertThat(body.path("source").asText()).isEqualTo("auto");
        assertThat(body.path("target").asText()).isEqualTo("en");
        assertThat(body.path("format").asText()).isEqualTo("text");
        assertThat(body.path("api_key").asText()).isEqualTo("k-123");
        assertThat(result.texts()).containsExactly("Lukashenko", "Moscow");
        assertThat(result.detectedSource()).isEqualTo(Language.ARABIC);
    }

    @Test
    void should_send_no_api_key_when_the_server_needs_none() throws Exception {
        // given
        server.setDispatcher(LIBRE);
        // when
        libre(null).translate(TranslationRequest.of(List.of("موسكو"), Language.ARABIC, Language.ENGLISH));
        // then
        JsonNode body = Json.mapper().readTree(server.takeRequest().getBody().utf8());
        assertThat(body.has("api_key")).isFalse();
        assertThat(body.path("source").asText()).isEqualTo("ar");
    }

    @Test
    void should_honour_a_slow_down_and_explain_a_missing_key() {
        // given LibreTranslate's own error bodies
        server.enqueue(json(429, "{\"error\":\"Slowdown: 30 per 1 minute\"}"));
        server.enqueue(json(400, "{\"error\":\"Invalid API key\"}"));
        TranslationRequest req = TranslationRequest.of(List.of("موسكو"), Language.ARABIC, Language.ENGLISH);
        // when / then
        assertThatThrownBy(() -> libre(null).translate(req))
                .isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("Slowdown");
        assertThatThrownBy(() -> libre("bad-key-999").translate(req))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
                    assertThat(e.getMessage())
                            .contains("LIBRETRANSLATE_API_KEY")
                            .doesNotContain("bad-key-999");
                });
    }

    @Test
    void should_say_what_to_check_when_the_server_is_not_there() throws Exception {
        // given a closed port
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LibreTranslateTranslator t = LibreTranslateTranslator.builder(CLIENT, "http://127.0.0.1:" + port)
                .build();
        // when / then
        assertThatThrownBy(
                        () -> t.translate(TranslationRequest.of(List.of("موسكو"), Language.ARABIC, Language.ENGLISH)))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.getMessage())
                            .contains("cannot connect to LibreTranslate")
                            .contains("LIBRETRANSLATE_URL");
                });
    }

    @Test
    void should_send_glossary_terms_as_opaque_tokens_in_plain_text() throws Exception {
        // given: the engine copies the tokens (one with spaces inside)
        server.enqueue(json(200, "{\"translatedText\":[\"The { 1 } said that the {2} met\",\"Moscow\"]}"));
        Glossary glossary = new Glossary(List.of(
                new Glossary.Entry("سانا", "SANA", null, null),
                new Glossary.Entry("مجلس الأمن", "Security Council", Language.ARABIC, Language.ENGLISH)));
        // when
        TranslationResult result = libre(null)
                .translate(new TranslationRequest(
                        List.of("قالت سانا إن مجلس الأمن اجتمع", "موسكو"),
                        Language.ARABIC,
                        Language.ENGLISH,
                        TranslationOptions.DEFAULT.withGlossary(glossary)));
        // then
        JsonNode body = Json.mapper().readTree(server.takeRequest().getBody().utf8());
        assertThat(body.path("format").asText()).isEqualTo("text");
        assertThat(body.path("q").get(0).asText()).isEqualTo("قالت {1} إن {2} اجتمع");
        assertThat(body.path("q").get(1).asText()).isEqualTo("موسكو");
        assertThat(result.texts()).containsExactly("The SANA said that the Security Council met", "Moscow");
    }
}

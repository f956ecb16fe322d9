package dev.dragoman.translate.google;

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

class GoogleTranslatorTest extends TranslatorContract {

    private static final String KEY = "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe";
    private static final OkHttpClient CLIENT = new OkHttpClient();

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Answers like Cloud Translation v2: {"data": {"translations": [{"translatedText", "detectedSourceLanguage"}]}}. */
    static final Dispatcher GOOGLE = new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            try {
                JsonNode body = Json.mapper().readTree(request.getBody().utf8());
                ObjectNode answer = Json.mapper().createObjectNode();
                ArrayNode translations = answer.putObject("data").putArray("translations");
                for (JsonNode q : body.path("q")) {
                    ObjectNode t = translations.addObject().put("translatedText", translit(q.asText()));
                    if (!body.has("source")) {
                        t.put("detectedSourceLanguage", "ar");
                    }
                }
                return json(200, answer.toString());
            } catch (java.io.IOException e) {
                return json(400, "{}");
            }
        }
    };

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json; charset=UTF-8")
                .body(body)
                .build();
    }

    private GoogleTranslator google() {
        return GoogleTranslator.builder(CLIENT, KEY)
                .baseUrl(server.url("/").toString())
                .build();
    }

    @Override
    protected Translator translator() {
        server.setDispatcher(GOOGLE);
        return google();
    }

    @Override
    protected List<String> sampleSegments() {
        return List.of("لوكاشينكو يؤكد دعم بلاده لروسيا", "أكد الرئيس البيلاروسي موقف بلاده.", "المصدر: سانا");
    }

    @Override
    protected String expectedBackendId() {
        return "google";
    }

    @Test
    void should_send_format_text_and_the_key_in_a_header_never_the_url() throws Exception {
        // given
        server.enqueue(
                json(
                        200,
                        "{\"data\":{\"translations\":[{\"translatedText\":\"Lukashenko's support\","
                                + "\"detectedSourceLanguage\":\"ar\"},{\"translatedText\":\"Moscow\",\"detectedSourceLanguage\":\"ar\"}]}}"));
        // when
        TranslationResult result =
                google().translate(TranslationRequest.of(List.of("دعم لوكاشينكو", "موسكو"), null, Language.ENGLISH));
        // then
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getTarget()).isEqualTo("/language/translate/v2");
        assertThat(sent.getHeaders().get("X-goog-api-key")).isEqualTo(KEY);
        JsonNode body = Json.mapper().readTree(sent.getBody().utf8());
        assertThat(body.path("q")).hasSize(2);
        assertThat(body.path("q").get(1).asText()).isEqualTo("موسكو");
        assertThat(body.path("target").asText()).isEqualTo("en");
        assertThat(body.path("format").asText()).isEqualTo("text");
        assertThat(body.has("source")).isFalse();
        assertThat(result.texts()).containsExactly("Lukashenko's support", "Moscow");
        assertThat(result.detectedSource()).isEqualTo(Language.ARABIC);
    }

    @Test
    void should_send_the_source_language_when_known() throws Exception {
        // given
        server.setDispatcher(GOOGLE);
        // when
        google().translate(TranslationRequest.of(List.of("موسكو"), Language.ARABIC, Language.FRENCH));
        // then
        JsonNode body = Json.mapper().readTree(server.takeRequest().getBody().utf8());
        assertThat(body.path("source").asText()).isEqualTo("ar");
        assertThat(body.path("target").asText()).isEqualTo("fr");
    }

    @Test
    void should_tell_a_bad_key_from_a_used_up_quota_and_a_rate_limit() {
        // given Google's documented error bodies
        server.enqueue(json(
                400,
                "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
                        + "\"errors\":[{\"message\":\"API key not valid. Please pass a valid API key.\",\"domain\":\"global\","
                        + "\"reason\":\"badRequest\"}],\"status\":\"INVALID_ARGUMENT\"}}"));
        server.enqueue(json(
                403,
                "{\"error\":{\"code\":403,\"message\":\"Daily Limit Exceeded\",\"errors\":[{\"message\":"
                        + "\"Daily Limit Exceeded\",\"domain\":\"usageLimits\",\"reason\":\"dailyLimitExceeded\"}]}}"));
        server.enqueue(
                json(
                        403,
                        "{\"error\":{\"code\":403,\"message\":\"User Rate Limit Exceeded\",\"errors\":[{\"message\":"
                                + "\"User Rate Limit Exceeded\",\"domain\":\"usageLimits\",\"reason\":\"userRateLimitExceeded\"}]}}"));
        TranslationRequest req = TranslationRequest.of(List.of("موسكو"), Language.ARABIC, Language.ENGLISH);
        // when / then
        assertThatThrownBy(() -> google().translate(req)).isInstanceOfSatisfying(DragomanException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
            assertThat(e.getMessage())
                    .startsWith("Google Translate rejected the key (HTTP 400")
                    .contains("check GOOGLE_API_KEY")
                    .doesNotContain(KEY);
        });
        assertThatThrownBy(() -> google().translate(req)).isInstanceOfSatisfying(DragomanException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
            assertThat(e.isRetriable()).isFalse();
        });
        assertThatThrownBy(() -> google().translate(req)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void should_reject_an_answer_with_the_wrong_number_of_translations() {
        // given
        server.enqueue(json(200, "{\"data\":{\"translations\":[{\"translatedText\":\"Moscow\"}]}}"));
        // when / then
        assertThatThrownBy(() -> google().translate(
                                TranslationRequest.of(List.of("موسكو", "مينسك"), Language.ARABIC, Language.ENGLISH)))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.getMessage()).contains("1 translations for 2 texts");
                });
    }

    @Test
    void should_send_glossary_terms_in_notranslate_spans_as_html_and_return_plain_text() throws Exception {
        // given: Google in HTML mode keeps the span (adding a direction style between RTL and LTR) and answers
        // with entities
        server.enqueue(json(
                200,
                "{\"data\":{\"translations\":[{\"translatedText\":\"Moscow \\u003cspan style=\\\";text-align:left;"
                        + "direction:ltr\\\" translate=\\\"no\\\" class=\\\"notranslate\\\" id=\\\"dg1\\\"\\u003eSANA"
                        + "\\u003c/span\\u003e \\u0026#39;reports\\u0026#39; \\u0026amp; more\"}]}}"));
        Glossary glossary = new Glossary(List.of(new Glossary.Entry("سانا", "SANA", null, null)));
        // when
        TranslationResult result = google().translate(new TranslationRequest(
                List.of("موسكو سانا 'تقارير' & المزيد"),
                Language.ARABIC,
                Language.ENGLISH,
                TranslationOptions.DEFAULT.withGlossary(glossary)));
        // then
        JsonNode body = Json.mapper().readTree(server.takeRequest().getBody().utf8());
        assertThat(body.path("format").asText()).isEqualTo("html");
        assertThat(body.path("q").get(0).asText())
                .isEqualTo("موسكو <span translate=\"no\" class=\"notranslate\" id=\"dg1\">SANA</span> "
                        + "&#39;تقارير&#39; &amp; المزيد");
        assertThat(result.texts()).containsExactly("Moscow SANA 'reports' & more");
    }
}

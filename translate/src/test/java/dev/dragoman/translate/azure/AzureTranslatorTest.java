package dev.dragoman.translate.azure;

import static dev.dragoman.translate.Fakes.translit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
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

class AzureTranslatorTest extends TranslatorContract {

    private static final String KEY = "b7a1c0ffee5e4d3c9a8b7c6d5e4f3a2b";
    private static final OkHttpClient CLIENT = new OkHttpClient();

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Answers like Translator v3: one {detectedLanguage?, translations: [{text, to}]} per element. */
    static final Dispatcher AZURE = new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            try {
                JsonNode body = Json.mapper().readTree(request.getBody().utf8());
                String to = request.getUrl().queryParameter("to");
                ArrayNode answer = Json.mapper().createArrayNode();
                for (JsonNode item : body) {
                    ObjectNode o = answer.addObject();
                    if (request.getUrl().queryParameter("from") == null) {
                        o.putObject("detectedLanguage").put("language", "ar").put("score", 1.0);
                    }
                    o.putArray("translations")
                            .addObject()
                            .put("text", translit(item.path("Text").asText()))
                            .put("to", to);
                }
                return json(200, answer.toString());
            } catch (java.io.IOException e) {
                return json(
                        400, "{\"error\":{\"code\":400000,\"message\":\"One of the request inputs is not valid.\"}}");
            }
        }
    };

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body)
                .build();
    }

    private AzureTranslator azure() {
        return AzureTranslator.builder(CLIENT, KEY)
                .region("westeurope")
                .baseUrl(server.url("/").toString())
                .build();
    }

    @Override
    protected Translator translator() {
        server.setDispatcher(AZURE);
        return azure();
    }

    @Override
    protected List<String> sampleSegments() {
        return List.of("لوكاشينكو يؤكد دعم بلاده لروسيا", "أكد الرئيس البيلاروسي موقف بلاده.", "المصدر: سانا");
    }

    @Override
    protected String expectedBackendId() {
        return "azure";
    }

    @Test
    void should_send_text_objects_with_key_and_region_headers() throws Exception {
        // given
        server.enqueue(json(
                200,
                "[{\"detectedLanguage\":{\"language\":\"ar\",\"score\":1.0},\"translations\":"
                        + "[{\"text\":\"Lukashenko\",\"to\":\"en\"}]},{\"detectedLanguage\":{\"language\":\"ar\",\"score\":1.0},"
                        + "\"translations\":[{\"text\":\"Moscow\",\"to\":\"en\"}]}]"));
        // when
        TranslationResult result =
                azure().translate(TranslationRequest.of(List.of("لوكاشينكو", "موسكو"), null, Language.ENGLISH));
        // then
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/translate");
        assertThat(sent.getUrl().queryParameter("api-version")).isEqualTo("3.0");
        assertThat(sent.getUrl().queryParameter("to")).isEqualTo("en");
        assertThat(sent.getUrl().queryParameter("from")).isNull();
        assertThat(sent.getHeaders().get("Ocp-Apim-Subscription-Key")).isEqualTo(KEY);
        assertThat(sent.getHeaders().get("Ocp-Apim-Subscription-Region")).isEqualTo("westeurope");
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = Json.mapper().readTree(sent.getBody().utf8());
        assertThat(body).hasSize(2);
        assertThat(body.get(0).path("Text").asText()).isEqualTo("لوكاشينكو");
        assertThat(result.texts()).containsExactly("Lukashenko", "Moscow");
        assertThat(result.detectedSource()).isEqualTo(Language.ARABIC);
    }

    @Test
    void should_send_from_when_the_source_is_known() throws Exception {
        // given
        server.setDispatcher(AZURE);
        // when
        azure().translate(TranslationRequest.of(List.of("موسكو"), Language.ARABIC, Language.FRENCH));
        // then
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().queryParameter("from")).isEqualTo("ar");
        assertThat(sent.getUrl().queryParameter("to")).isEqualTo("fr");
    }

    @Test
    void should_explain_a_bad_key_and_a_used_up_quota() {
        // given Azure's error bodies
        server.enqueue(json(
                401,
                "{\"error\":{\"code\":401000,\"message\":\"The request is not authorized because "
                        + "credentials are missing or invalid.\"}}"));
        server.enqueue(json(
                403,
                "{\"error\":{\"code\":403001,\"message\":\"The operation is not allowed because the "
                        + "subscription has exceeded its free quota.\"}}"));
        TranslationRequest req = TranslationRequest.of(List.of("موسكو"), Language.ARABIC, Language.ENGLISH);
        // when / then
        assertThatThrownBy(() -> azure().translate(req)).isInstanceOfSatisfying(DragomanException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
            assertThat(e.getMessage())
                    .contains("Azure Translator rejected the key (HTTP 401")
                    .contains("AZURE_TRANSLATOR_KEY")
                    .doesNotContain(KEY);
        });
        assertThatThrownBy(() -> azure().translate(req))
                .isInstanceOfSatisfying(
                        DragomanException.class, e -> assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED));
    }

    @Test
    void should_send_glossary_terms_in_notranslate_spans_with_text_type_html() throws Exception {
        // given: Azure keeps translate="no" content as it is with textType=html
        server.enqueue(
                json(
                        200,
                        "[{\"translations\":[{\"text\":\"Moscow \\u003cspan translate=\\\"no\\\" class=\\\"notranslate\\\" "
                                + "id=\\\"dg1\\\"\\u003eSANA\\u003c/span\\u003e \\u0026lt;urgent\\u0026gt;\",\"to\":\"en\"}]}]"));
        Glossary glossary = new Glossary(List.of(new Glossary.Entry("سانا", "SANA", null, null)));
        // when
        TranslationResult result = azure().translate(new TranslationRequest(
                List.of("موسكو سانا <عاجل>"),
                Language.ARABIC,
                Language.ENGLISH,
                TranslationOptions.DEFAULT.withGlossary(glossary)));
        // then
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().queryParameter("textType")).isEqualTo("html");
        JsonNode body = Json.mapper().readTree(sent.getBody().utf8());
        assertThat(body.get(0).path("Text").asText())
                .isEqualTo("موسكو <span translate=\"no\" class=\"notranslate\" id=\"dg1\">SANA</span> &lt;عاجل&gt;");
        assertThat(result.texts()).containsExactly("Moscow SANA <urgent>");
    }
}

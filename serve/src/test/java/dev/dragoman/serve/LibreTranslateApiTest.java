package dev.dragoman.serve;

import static dev.dragoman.serve.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.testing.sim.SimTranslation;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LibreTranslateApiTest {

    static final String AR =
            "\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633 \u0625\u0646 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a \u0643\u0627\u0646\u062a \u0645\u062b\u0645\u0631\u0629";

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(ServeOptions.builder().textLimits(2000, 10).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_translate_one_text_from_json_and_detect_the_source_when_auto() {
        // when
        HttpResponse<String> r =
                server.postJson("/translate", "{\"q\":\"" + AR + "\",\"source\":\"auto\",\"target\":\"en\"}");

        // then
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("translatedText").asText()).isEqualTo(SimTranslation.translate(AR, "EN-US"));
        assertThat(body.get("detectedLanguage").get("language").asText()).isEqualTo("ar");
        assertThat(body.get("detectedLanguage").get("confidence").asDouble()).isBetween(50.0, 100.0);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void should_translate_a_list_with_one_detection_per_item_and_empty_alternatives() {
        HttpResponse<String> r = server.postJson(
                "/translate",
                "{\"q\":[\"" + AR
                        + "\",\"\u0645\u0631\u062d\u0628\u0627\"],\"source\":\"auto\",\"target\":\"fr\",\"alternatives\":2}");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("translatedText")).hasSize(2);
        assertThat(body.get("translatedText").get(1).asText())
                .isEqualTo(SimTranslation.translate("\u0645\u0631\u062d\u0628\u0627", "fr"));
        assertThat(body.get("detectedLanguage")).hasSize(2);
        assertThat(body.get("alternatives").toString()).isEqualTo("[[],[]]");
    }

    @Test
    void should_read_urlencoded_and_multipart_forms_with_a_named_source() {
        HttpResponse<String> form = server.post(
                "/translate",
                "application/x-www-form-urlencoded",
                "q=" + java.net.URLEncoder.encode(AR, java.nio.charset.StandardCharsets.UTF_8)
                        + "&source=ar&target=en");
        String boundary = "----dragoman";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\n" + AR + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nar\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"target\"\r\n\r\nen\r\n--" + boundary + "--\r\n";
        HttpResponse<String> parts = server.post("/translate", "multipart/form-data; boundary=" + boundary, multipart);

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(json(form).get("translatedText").asText()).isEqualTo(SimTranslation.translate(AR, "EN-US"));
        assertThat(json(form).has("detectedLanguage")).isFalse();
        assertThat(parts.statusCode()).as(parts.body()).isEqualTo(200);
        assertThat(json(parts).get("translatedText").asText()).isEqualTo(SimTranslation.translate(AR, "EN-US"));
    }

    @Test
    void should_keep_markup_with_format_html() {
        HttpResponse<String> r = server.postJson(
                "/translate",
                "{\"q\":\"<p class=\\\"x\\\">\u0645\u0631\u062d\u0628\u0627 <b>\u0628\u0643\u0645</b></p>\",\"source\":\"ar\",\"target\":\"en\",\"format\":\"html\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("translatedText").asText())
                .isEqualTo("<p class=\"x\">"
                        + SimTranslation.translate("\u0645\u0631\u062d\u0628\u0627 <b>\u0628\u0643\u0645</b>", "EN-US")
                        + "</p>");
    }

    @Test
    void should_answer_bad_requests_with_libretranslate_errors() {
        record Case(String body, String error) {}
        List<Case> cases = List.of(
                new Case("{\"q\":", "Invalid JSON format"),
                new Case("[1]", "Invalid JSON format"),
                new Case("{\"source\":\"ar\",\"target\":\"en\"}", "Invalid request: missing q parameter"),
                new Case("{\"q\":\"x\",\"target\":\"en\"}", "Invalid request: missing source parameter"),
                new Case("{\"q\":\"x\",\"source\":\"ar\"}", "Invalid request: missing target parameter"),
                new Case("{\"q\":\"x\",\"source\":\"ar\",\"target\":\"xx\"}", "xx is not supported"),
                new Case("{\"q\":\"x\",\"source\":\"zz\",\"target\":\"en\"}", "zz is not supported"),
                new Case(
                        "{\"q\":\"x\",\"source\":\"ar\",\"target\":\"en\",\"format\":\"pdf\"}",
                        "pdf format is not supported"),
                new Case(
                        "{\"q\":\"x\",\"source\":\"ar\",\"target\":\"en\",\"alternatives\":\"many\"}",
                        "Invalid request: alternatives parameter is not a number"),
                new Case(
                        "{\"q\":\"" + "x".repeat(2001) + "\",\"source\":\"ar\",\"target\":\"en\"}",
                        "Invalid request: request (2001) exceeds text limit (2000)"),
                new Case(
                        "{\"q\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"],\"source\":\"ar\",\"target\":\"en\"}",
                        "Invalid request: request (11) exceeds text limit (10)"),
                new Case(
                        "{\"q\":\"x\",\"source\":\"ar\",\"target\":\"en\",\"backend\":\"nope\"}",
                        "unknown backend 'nope'; this server offers sim"));
        for (Case c : cases) {
            HttpResponse<String> r = server.postJson("/translate", c.body());
            assertThat(r.statusCode()).as(c.body()).isEqualTo(400);
            assertThat(json(r).get("error").asText()).as(c.body()).isEqualTo(c.error());
        }
    }

    @Test
    void should_detect_and_list_languages_settings_and_spec() {
        HttpResponse<String> detect = server.postJson("/detect", "{\"q\":\"" + AR + "\"}");
        HttpResponse<String> languages = server.get("/languages");
        HttpResponse<String> settings = server.get("/frontend/settings");
        HttpResponse<String> spec = server.get("/spec");

        assertThat(json(detect).get(0).get("language").asText()).isEqualTo("ar");
        JsonNode arabic = null;
        for (JsonNode l : json(languages)) {
            if (l.get("code").asText().equals("ar")) {
                arabic = l;
            }
        }
        assertThat(arabic).isNotNull();
        assertThat(arabic.get("name").asText()).isEqualTo("Arabic");
        assertThat(arabic.get("targets").toString()).contains("\"en\"").doesNotContain("\"ar\"");
        assertThat(json(settings).get("charLimit").asInt()).isEqualTo(2000);
        assertThat(json(settings).get("keyRequired").asBoolean()).isFalse();
        assertThat(json(spec).get("info").get("title").asText()).isEqualTo("LibreTranslate");
    }

    @Test
    void should_answer_unknown_paths_and_methods_without_a_stack_trace() {
        assertThat(server.get("/nope").statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = server.get("/translate");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).get("error").asText()).isEqualTo("Method Not Allowed");
    }
}

package dev.dragoman.serve;

import static dev.dragoman.serve.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimTranslation;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DragomanApiTest {

    @TempDir
    static Path out;

    static TestServer server;
    static String sample;

    @BeforeAll
    static void start() throws Exception {
        Path digests = Files.createDirectories(out.resolve("digests"));
        try (var in = DragomanApiTest.class.getResourceAsStream("digest-20240625T070000Z.json")) {
            Files.copy(in, digests.resolve("digest-20240625T070000Z.json"));
        }
        Files.writeString(digests.resolve("notes.txt"), "not a digest");
        sample = Files.readString(WebPageTest.SAMPLE, StandardCharsets.UTF_8);
        server = TestServer.start(ServeOptions.builder().digests(out).build(), SimConfig.defaults(), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String request(String... pairs) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("text", sample);
        for (int i = 0; i < pairs.length; i += 2) {
            o.put(pairs[i], pairs[i + 1]);
        }
        return o.toString();
    }

    @Test
    void should_translate_an_article_keeping_its_structure() {
        HttpResponse<String> r = server.postJson("/api/v1/translate", request("to", "en"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        JsonNode article = body.get("article");
        JsonNode translation = body.get("translation");
        assertThat(article.get("language").asText()).isEqualTo("ar");
        assertThat(translation.get("language").asText()).isEqualTo("en");
        assertThat(translation.get("headline").asText())
                .isEqualTo(SimTranslation.translate(article.get("headline").asText(), "EN-US"));
        assertThat(translation.get("paragraphs")).hasSameSizeAs(article.get("paragraphs"));
        assertThat(translation.get("related")).hasSameSizeAs(article.get("related"));
        assertThat(body.get("warnings")).isEmpty();
        assertThat(body.get("backend").asText()).isEqualTo("sim");
    }

    @Test
    void should_summarize_and_brief_through_the_pipeline_step() {
        HttpResponse<String> summary = server.postJson("/api/v1/summarize", request("sentences", "2"));
        HttpResponse<String> brief = server.postJson("/api/v1/brief", request("to", "en", "sentences", "2"));

        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        assertThat(json(summary).get("summary").get("sentences")).hasSize(2);
        assertThat(json(summary).get("summary").get("language").asText()).isEqualTo("ar");
        assertThat(brief.statusCode()).as(brief.body()).isEqualTo(200);
        JsonNode b = json(brief).get("brief");
        assertThat(b.get("language").asText()).isEqualTo("en");
        assertThat(b.get("text").asText()).contains("[EN-US] ");
    }

    @Test
    void should_parse_without_a_backend_and_refuse_bad_requests_with_their_status() {
        HttpResponse<String> parsed = server.postJson("/api/v1/parse", request());
        HttpResponse<String> noText = server.postJson("/api/v1/translate", "{\"to\":\"en\"}");
        HttpResponse<String> badLanguage = server.postJson("/api/v1/translate", request("to", "xx"));
        HttpResponse<String> noTo = server.postJson("/api/v1/brief", request());
        HttpResponse<String> malformed = server.postJson("/api/v1/translate", "{\"text\":");

        assertThat(json(parsed).get("articles").get(0).get("headline").asText()).isNotBlank();
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(json(noText).get("error").asText()).startsWith("missing 'text'");
        assertThat(badLanguage.statusCode()).isEqualTo(400);
        assertThat(json(badLanguage).get("error").asText()).isEqualTo("xx is not supported");
        assertThat(noTo.statusCode()).isEqualTo(400);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("error").asText()).isEqualTo("Invalid JSON format");
    }

    @Test
    void should_fetch_an_article_by_url_and_refuse_other_schemes() throws Exception {
        com.sun.net.httpserver.HttpServer site =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/story.txt", h -> {
            byte[] b = sample.getBytes(StandardCharsets.UTF_8);
            h.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            h.sendResponseHeaders(200, b.length);
            h.getResponseBody().write(b);
            h.close();
        });
        site.start();
        try {
            String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/story.txt";
            HttpResponse<String> r = server.postJson("/api/v1/translate", "{\"url\":\"" + url + "\",\"to\":\"en\"}");
            HttpResponse<String> file = server.postJson("/api/v1/parse", "{\"url\":\"file:///etc/passwd\"}");
            HttpResponse<String> missing = server.postJson(
                    "/api/v1/parse",
                    "{\"url\":\"http://127.0.0.1:" + site.getAddress().getPort() + "/gone\"}");

            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(json(r).get("translation").get("language").asText()).isEqualTo("en");
            assertThat(file.statusCode()).isEqualTo(400);
            assertThat(missing.statusCode()).isEqualTo(502);
        } finally {
            site.stop(0);
        }
    }

    @Test
    void should_list_and_serve_digests_but_nothing_else_from_the_folder() {
        HttpResponse<String> list = server.get("/api/v1/digests");
        HttpResponse<String> one = server.get("/api/v1/digests/digest-20240625T070000Z.json");
        HttpResponse<String> other = server.get("/api/v1/digests/notes.txt");
        HttpResponse<String> escape = server.get("/api/v1/digests/..%2F..%2Fetc%2Fpasswd");

        assertThat(json(list).get("digests").get(0).get("name").asText()).isEqualTo("digest-20240625T070000Z");
        assertThat(json(list).get("digests")).hasSize(1);
        assertThat(json(one).get("stories").get(0).get("sources")).hasSize(2);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(escape.statusCode()).isIn(400, 404);
    }

    @Test
    void should_describe_itself_and_serve_the_openapi_document_and_the_page() {
        JsonNode info = json(server.get("/api/v1/info"));
        JsonNode openapi = json(server.get("/api/v1/openapi.json"));
        HttpResponse<String> page = server.get("/");

        assertThat(info.get("backends").get(0).asText()).isEqualTo("sim");
        assertThat(info.get("summaries").asBoolean()).isTrue();
        assertThat(openapi.get("openapi").asText()).startsWith("3.");
        assertThat(openapi.get("paths").has("/api/v1/translate")).isTrue();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.body()).contains("<script src=\"/app.js\"");
        assertThat(server.get("/app.js").statusCode()).isEqualTo(200);
    }
}

package dev.dragoman.pipeline.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Language-model backends built from specs, as every front end builds them, against MockWebServer answering in each
 * vendor's own shape: what goes over the wire, and that each provider is asked in a form it supports.
 */
@Timeout(60)
class LlmVendorShapesTest {

    private static final String ANTHROPIC_KEY = "sk-ant-test-0123456789abcdef";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static Article article() {
        return Article.builder()
                .language(Language.ENGLISH)
                .headline("Port reopens after storm")
                .paragraph("The port of Valletta reopened on Tuesday after a storm closed it for two days.")
                .paragraph("Ferries to Gozo resumed in the afternoon, the harbour master said.")
                .build();
    }

    private static MockResponse anthropic(String text) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", "msg_01").put("type", "message").put("role", "assistant").put("model", "claude-3-5-haiku");
        body.putArray("content").addObject().put("type", "text").put("text", text);
        body.put("stop_reason", "end_turn");
        body.putObject("usage").put("input_tokens", 420).put("output_tokens", 31);
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body.toString())
                .build();
    }

    @Test
    void should_summarize_as_bullets_through_anthropic_in_one_request_without_a_response_format()
            throws Exception {
        // given: Anthropic's client refuses a JSON response format before sending anything
        server.enqueue(anthropic("{\"bullets\": [\"Valletta's port reopened after a storm.\", \"Gozo ferries resumed.\"]}"));
        Backends backends = Backends.load().withVariables(Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY));
        BackendSpec spec = BackendSpec.of("anthropic").withBaseUrl(server.url("/v1/").toString());

        // when
        Summary summary = backends.summarizer(spec)
                .summarize(article(), SummaryOptions.DEFAULT.withStyle(SummaryOptions.Style.BULLETS));

        // then: asked once, for JSON in words; the bullets are read
        assertThat(summary.sentences())
                .containsExactly("Valletta's port reopened after a storm.", "Gozo ferries resumed.");
        assertThat(server.getRequestCount()).isEqualTo(1);
        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        JsonNode body = Json.mapper().readTree(sent.getBody().utf8());
        assertThat(body.has("response_format")).isFalse();
        assertThat(body.path("system").toString()).contains("Answer with JSON only");
    }
}

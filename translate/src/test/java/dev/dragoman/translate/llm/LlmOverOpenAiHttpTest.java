package dev.dragoman.translate.llm;

import static dev.dragoman.translate.Fakes.translit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.retry.Backoff;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.testing.ManualClock;
import dev.dragoman.core.testing.OpenAiJson;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.translate.Translators;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * {@link LlmTranslator} over LangChain4j's real OpenAI client (as the CLI wires it, {@code maxRetries(0)}) against
 * MockWebServer answering in the chat-completions shape: what goes over the wire, and how the client's failures
 * arrive as Dragoman errors.
 */
class LlmOverOpenAiHttpTest {

    private static final String KEY = "sk-test-abcdefghijklmnop";
    private static final List<String> SEGMENTS = List.of("لوكاشينكو يؤكد دعم بلاده لروسيا", "موسكو-سانا");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private LlmTranslator llm(Duration timeout) {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(server.url("/v1").toString())
                .apiKey(KEY)
                .modelName("gpt-4o-mini")
                .timeout(timeout)
                .maxRetries(0)
                .build();
        return LlmTranslator.builder(model)
                .id("openai")
                .jsonMode(true)
                .keyHint("OPENAI_API_KEY")
                .build();
    }

    private static MockResponse completion(String content) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(OpenAiJson.chatCompletion("gpt-4o-mini", content, 321, 45).toString())
                .build();
    }

    private static TranslationRequest request() {
        return TranslationRequest.of(SEGMENTS, Language.ARABIC, Language.ENGLISH);
    }

    private static MockResponse error(int code, String type, String message) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,"
                        + "\"code\":null}}")
                .build();
    }

    @Test
    void should_send_framed_segments_and_read_the_json_answer_and_token_usage() throws Exception {
        // given
        server.enqueue(completion("{\"translations\":{\"1\":\"" + translit(SEGMENTS.get(0)) + "\",\"2\":\""
                + translit(SEGMENTS.get(1)) + "\"}}"));
        // when
        TranslationResult result = llm(Duration.ofSeconds(10)).translate(request());
        // then
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getTarget()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = Json.mapper().readTree(sent.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        String user = body.path("messages").get(1).path("content").asText();
        assertThat(ScriptedChatModel.segments(user)).isEqualTo(Map.of("1", SEGMENTS.get(0), "2", SEGMENTS.get(1)));
        assertThat(result.texts()).containsExactly(translit(SEGMENTS.get(0)), translit(SEGMENTS.get(1)));
        assertThat(result.usage().inputTokens()).isEqualTo(321);
        assertThat(result.usage().outputTokens()).isEqualTo(45);
    }

    @Test
    void should_retry_a_rate_limit_with_our_backoff() {
        // given
        ManualClock clock = new ManualClock();
        server.enqueue(error(429, "requests", "Rate limit reached for gpt-4o-mini")
                .newBuilder()
                .addHeader("Retry-After", "2")
                .build());
        server.enqueue(
                completion("{\"translations\":{\"1\":\"a b c d e f g h i j k l m n o p\",\"2\":\"Moscow-SANA\"}}"));
        // when
        TranslationResult result = Translators.decorate(
                        llm(Duration.ofSeconds(10)),
                        new Retrier(Backoff.DEFAULT, clock.sleeper(), clock, () -> 0.5, null),
                        null,
                        null)
                .translate(request());
        // then
        assertThat(result.texts()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(clock.sleeps()).hasSize(1);
    }

    @Test
    void should_name_the_key_variable_and_never_the_key_on_401() {
        server.enqueue(error(401, "invalid_request_error", "Incorrect API key provided: " + KEY));
        assertThatThrownBy(() -> llm(Duration.ofSeconds(10)).translate(request()))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
                    assertThat(e.getMessage()).contains("OPENAI_API_KEY").doesNotContain(KEY);
                });
    }

    @Test
    void should_treat_server_errors_as_retriable() {
        server.enqueue(error(500, "server_error", "The server had an error while processing your request."));
        assertThatThrownBy(() -> llm(Duration.ofSeconds(10)).translate(request()))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BACKEND_UNAVAILABLE);
                    assertThat(e.isRetriable()).isTrue();
                });
    }

    @Test
    void should_report_a_stalled_model_as_a_timeout() {
        server.enqueue(
                completion("{}").newBuilder().headersDelay(3, TimeUnit.SECONDS).build());
        assertThatThrownBy(() -> llm(Duration.ofMillis(300)).translate(request()))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.getMessage()).contains("did not answer in time");
                });
    }

    @Test
    void should_report_a_reset_connection_as_retriable() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        assertThatThrownBy(() -> llm(Duration.ofSeconds(10)).translate(request()))
                .isInstanceOfSatisfying(
                        DragomanException.class,
                        e -> assertThat(e.isRetriable()).isTrue());
    }

    @Test
    void should_not_retry_a_used_up_quota() {
        server.enqueue(error(429, "insufficient_quota", "You exceeded your current quota, please check your plan"));
        assertThatThrownBy(() -> llm(Duration.ofSeconds(10)).translate(request()))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e).isNotInstanceOf(RateLimitedException.class);
                    assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
                    assertThat(e.getMessage()).contains("quota exceeded: You exceeded your current quota");
                });
    }

    @Test
    void should_ask_again_without_the_response_format_a_server_rejects_and_remember_it_for_the_run() throws Exception {
        // given: an OpenAI-compatible server (LM Studio) that refuses json_object, then answers normally
        server.enqueue(error(400, "invalid_request_error", "'response_format.type' must be 'json_schema' or 'text'"));
        String ok = "{\"translations\":{\"1\":\"" + translit(SEGMENTS.get(0)) + "\",\"2\":\""
                + translit(SEGMENTS.get(1)) + "\"}}";
        server.enqueue(completion(ok));
        server.enqueue(completion(ok));
        LlmTranslator llm = llm(Duration.ofSeconds(10));

        // when
        TranslationResult first = llm.translate(request());
        TranslationResult second = llm.translate(request());

        // then: one refused request, then every request without the format
        assertThat(first.texts()).hasSize(2);
        assertThat(second.texts()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(Json.mapper().readTree(server.takeRequest().getBody().utf8()).has("response_format"))
                .isTrue();
        assertThat(Json.mapper().readTree(server.takeRequest().getBody().utf8()).has("response_format"))
                .isFalse();
        assertThat(Json.mapper().readTree(server.takeRequest().getBody().utf8()).has("response_format"))
                .isFalse();
    }

    @Test
    void should_report_a_cut_off_body_as_a_retriable_bad_answer_not_as_an_unreachable_server() {
        // given: the server answers 200 with half of a chat completion (an honest Content-Length)
        String whole = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{}\"},"
                + "\"finish_reason\":\"stop\"}]}";
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(whole.substring(0, whole.length() / 2))
                .build());

        // then
        assertThatThrownBy(() -> llm(Duration.ofSeconds(10)).translate(request()))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.getMessage()).contains("could not be read").doesNotContain("is it running");
                });
    }
}

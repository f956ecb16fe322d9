package dev.dragoman.pipeline.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendProvider;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.testing.OpenAiJson;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

    @StartStop
    final MockWebServer other = new MockWebServer();

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
    void should_summarize_as_bullets_through_anthropic_in_one_request_without_a_response_format() throws Exception {
        // given: Anthropic's client refuses a JSON response format before sending anything
        server.enqueue(
                anthropic("{\"bullets\": [\"Valletta's port reopened after a storm.\", \"Gozo ferries resumed.\"]}"));
        Backends backends = Backends.load().withVariables(Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY));
        BackendSpec spec =
                BackendSpec.of("anthropic").withBaseUrl(server.url("/v1/").toString());

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

    /** Ten Arabic paragraphs of about 200 estimated tokens each. */
    private static List<String> longSegments() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            out.add("الفقرة " + i + ": "
                    + "أكد الرئيس أن لدى البلدين مواقف مشتركة بشأن جميع القضايا الدولية. ".repeat(5));
        }
        return out;
    }

    private static String translations(int count) {
        ObjectNode t = Json.mapper().createObjectNode();
        ObjectNode inner = t.putObject("translations");
        for (int i = 1; i <= count; i++) {
            inner.put(Integer.toString(i), "Paragraph " + i + ": the president stressed shared positions.");
        }
        return t.toString();
    }

    @Test
    void should_size_anthropic_max_tokens_from_the_request_within_the_model_limit() throws Exception {
        // given: ~2,000 estimated tokens of Arabic to translate
        List<String> segments = longSegments();
        server.enqueue(anthropic(translations(segments.size())));
        server.enqueue(anthropic(translations(segments.size())));
        Backends backends = Backends.load().withVariables(Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY));
        BackendSpec spec =
                BackendSpec.of("anthropic").withBaseUrl(server.url("/v1/").toString());
        TranslationRequest request = TranslationRequest.of(segments, Language.ARABIC, Language.ENGLISH);

        // when
        TranslationResult result = backends.rawTranslator(spec).translate(request);
        backends.rawTranslator(spec.withOption("max-output", "3000")).translate(request);

        // then: room for the whole answer (not LangChain4j's fixed 1024), and never past the model's limit
        assertThat(result.texts()).hasSize(segments.size());
        int sized = Json.mapper()
                .readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
                .path("max_tokens")
                .asInt();
        int capped = Json.mapper()
                .readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8())
                .path("max_tokens")
                .asInt();
        assertThat(sized).isGreaterThan(4_000).isLessThanOrEqualTo(8_192);
        assertThat(capped).isEqualTo(3_000);
    }

    private static MockResponse ollama(String content) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", "llama3.1").put("created_at", "2024-06-25T10:00:00Z");
        body.putObject("message").put("role", "assistant").put("content", content);
        body.put("done", true)
                .put("done_reason", "stop")
                .put("prompt_eval_count", 900)
                .put("eval_count", 120);
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body.toString())
                .build();
    }

    @Test
    void should_size_ollama_num_ctx_to_the_prompt_and_answer_up_to_the_configured_limit() throws Exception {
        // given
        List<String> segments = longSegments();
        server.enqueue(ollama(translations(segments.size())));
        server.enqueue(ollama(translations(segments.size())));
        Backends backends = Backends.load();
        BackendSpec spec = BackendSpec.of("ollama").withBaseUrl(server.url("/").toString());
        TranslationRequest request = TranslationRequest.of(segments, Language.ARABIC, Language.ENGLISH);

        // when
        backends.rawTranslator(spec).translate(request);
        backends.rawTranslator(spec.withOption("num-ctx", "4096")).translate(request);

        // then: a context that holds the ~2,000-token data, its answer and the prompt (Ollama's 2048 would cut it)
        JsonNode sized = Json.mapper()
                .readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        JsonNode capped = Json.mapper()
                .readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(sized.path("options").path("num_ctx").asInt()).isEqualTo(8_192);
        assertThat(capped.path("options").path("num_ctx").asInt()).isEqualTo(4_096);
        assertThat(sized.path("format").asText()).isEqualTo("json");
    }

    @Test
    void should_suggest_ollama_pull_for_a_model_the_server_lacks() {
        // given: Ollama's answer for a model that is not pulled
        server.enqueue(new MockResponse.Builder()
                .code(404)
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":\"model \\\"llama3.1\\\" not found, try pulling it first\"}")
                .build());
        BackendSpec spec = BackendSpec.of("ollama").withBaseUrl(server.url("/").toString());

        // then
        assertThatThrownBy(() -> Backends.load()
                        .rawTranslator(spec)
                        .translate(TranslationRequest.of(List.of("مرحبا"), Language.ARABIC, Language.ENGLISH)))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DragomanException.Kind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("run: ollama pull llama3.1");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static MockResponse openAi(String content) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(OpenAiJson.chatCompletion("m", content, 300, 40).toString())
                .build();
    }

    @Test
    void should_never_share_cache_entries_between_two_servers_with_the_same_model_name() {
        // given: two OpenAI-compatible servers serving a model of the same name, one cache
        for (MockWebServer s : List.of(server, other)) {
            s.enqueue(openAi(translations(2)));
            s.enqueue(openAi("The port of Valletta reopened on Tuesday after a storm closed it."));
        }
        Backends backends = Backends.load().withCache(new MemoryResultCache());
        BackendSpec a = BackendSpec.of("openai")
                .withModel("qwen2.5")
                .withBaseUrl(server.url("/v1").toString());
        BackendSpec b = BackendSpec.of("openai")
                .withModel("qwen2.5")
                .withBaseUrl(other.url("/v1").toString());
        TranslationRequest request = TranslationRequest.of(
                List.of("مرحبا بكم في المدينة", "وصل الوفد اليوم"), Language.ARABIC, Language.ENGLISH);

        // when
        backends.cachedTranslator(a).translate(request);
        TranslationResult fromB = backends.cachedTranslator(b).translate(request);
        TranslationResult againA = backends.cachedTranslator(a).translate(request);
        backends.summarizer(a).summarize(article(), SummaryOptions.DEFAULT);
        Summary summaryB = backends.summarizer(b).summarize(article(), SummaryOptions.DEFAULT);

        // then: each server is asked once per kind; the same server again is served from the cache
        assertThat(fromB.segments()).noneMatch(t -> t.fromCache());
        assertThat(againA.segments()).allMatch(t -> t.fromCache());
        assertThat(summaryB.fromCache()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(other.getRequestCount()).isEqualTo(2);
    }

    @Test
    void should_key_a_self_hosted_endpoint_without_credentials_or_query_and_keep_default_keys() {
        BackendProvider openai = Backends.load().provider("openai");
        assertThat(Backends.endpoint(
                        BackendSpec.of("openai")
                                .withBaseUrl("https://user:sk-secret-123456@LLM.example:8443/v1/?key=abc"),
                        openai))
                .isEqualTo("https://llm.example:8443/v1")
                .doesNotContain("sk-secret")
                .doesNotContain("abc");
        assertThat(Backends.endpoint(BackendSpec.of("openai").withBaseUrl("https://api.openai.com/v1/"), openai))
                .isEmpty();
        assertThat(Backends.endpoint(BackendSpec.of("openai"), openai)).isEmpty();
    }

    private static MockResponse tooMany(String header, String value, String body) {
        return new MockResponse.Builder()
                .code(429)
                .addHeader("Content-Type", "application/json")
                .addHeader(header, value)
                .body(body)
                .build();
    }

    @Test
    void should_wait_as_long_as_retry_after_asks_for_openai_translations_and_anthropic_summaries() {
        // given: each server refuses once, asking for a wait the backoff would never pick (1 s ± 23 %)
        server.enqueue(
                tooMany(
                        "Retry-After",
                        "2",
                        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));
        server.enqueue(openAi(translations(2)));
        other.enqueue(
                tooMany(
                        "retry-after-ms",
                        "1500",
                        "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}"));
        other.enqueue(anthropic("The port of Valletta reopened on Tuesday after a storm closed it."));
        List<Duration> waits = new CopyOnWriteArrayList<>();
        Backends backends = Backends.load()
                .withVariables(Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY))
                .withRetryListener((what, attempt, delay, failure) -> waits.add(delay));
        BackendSpec gpt = BackendSpec.of("openai")
                .withModel("qwen2.5")
                .withBaseUrl(server.url("/v1").toString());
        BackendSpec claude =
                BackendSpec.of("anthropic").withBaseUrl(other.url("/v1/").toString());

        // when
        TranslationResult t = backends.translator(gpt)
                .translate(TranslationRequest.of(
                        List.of("مرحبا بكم في المدينة", "وصل الوفد اليوم"), Language.ARABIC, Language.ENGLISH));
        Summary s = backends.summarizer(claude).summarize(article(), SummaryOptions.DEFAULT);

        // then
        assertThat(t.texts()).hasSize(2);
        assertThat(s.text()).contains("Valletta");
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(1500));
    }

    @Test
    void should_give_up_at_once_when_the_server_asks_for_longer_than_the_configured_longest_wait() {
        // given
        server.enqueue(
                tooMany(
                        "Retry-After",
                        "30",
                        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));
        BackendSpec gpt = BackendSpec.of("openai")
                .withModel("qwen2.5")
                .withBaseUrl(server.url("/v1").toString())
                .withOption("max-wait", "10s");

        // then
        assertThatThrownBy(() -> Backends.load()
                        .translator(gpt)
                        .translate(TranslationRequest.of(List.of("مرحبا بكم"), Language.ARABIC, Language.ENGLISH)))
                .isInstanceOfSatisfying(
                        DragomanException.class,
                        e -> assertThat(e.kind()).isEqualTo(DragomanException.Kind.RATE_LIMITED))
                .hasMessageContaining("asked to wait 30 s, longer than the 10 s");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_pace_a_backend_by_the_request_budget_its_answers_state() {
        // given: Anthropic's answer stating no request left until a reset a minute away
        MockResponse answer = anthropic(translations(1));
        server.enqueue(answer.newBuilder()
                .addHeader("anthropic-ratelimit-requests-limit", "50")
                .addHeader("anthropic-ratelimit-requests-remaining", "0")
                .addHeader(
                        "anthropic-ratelimit-requests-reset",
                        java.time.Instant.now().plusSeconds(60).toString())
                .build());
        Backends backends = Backends.load().withVariables(Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY));
        BackendSpec spec =
                BackendSpec.of("anthropic").withBaseUrl(server.url("/v1/").toString());
        TranslationRequest request = TranslationRequest.of(List.of("الفقرة الأولى"), Language.ARABIC, Language.ENGLISH);
        long before = backends.limiter(spec).effectiveRequestsPerMinute();

        // when
        backends.translator(spec).translate(request);

        // then: the spec's one limiter (shared with its summaries) took it as a 429: 95 % of the 1 call a second
        assertThat(before).isZero();
        assertThat(backends.limiter(spec).effectiveRequestsPerMinute()).isEqualTo(57);
    }
}

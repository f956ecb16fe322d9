package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.OpenAiJson;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendsCheckTest {

    private static final String KEY = "sk-check-secret-9f8e7d6c5b4a";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path home;

    private CliRunner cli(String yaml) throws Exception {
        CliRunner cli = new CliRunner(home);
        cli.config(yaml);
        return cli;
    }

    private static MockResponse chatCompletion(String content) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(OpenAiJson.chatCompletion("gpt-4o-mini", content, 12, 1).toString())
                .build();
    }

    @Test
    void should_call_an_openai_compatible_server_once_and_report_status_and_latency() throws Exception {
        // given
        server.enqueue(chatCompletion("OK"));
        CliRunner cli = cli("backends:\n  local-gpt:\n    type: openai\n    model: gpt-4o-mini\n    base-url: "
                        + server.url("/v1") + "\n    api-key-env: MY_LLM_KEY\n")
                .env("MY_LLM_KEY", KEY);
        // when
        CliRunner.Result r = cli.run("backends", "--check");
        // then
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .containsPattern("local-gpt\\s+openai\\s+ok\\s+\\d+ ms\\s+model gpt-4o-mini answered \"OK\"")
                .containsPattern("extractive\\s+extractive\\s+ok\\s+-");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getBody().utf8()).containsPattern("\"model\"\\s*:\\s*\"gpt-4o-mini\"");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(r.all()).doesNotContain(KEY);
    }

    @Test
    void should_report_a_rejected_key_without_printing_it_and_exit_69() throws Exception {
        // given: the server echoes the key back in its error, as some proxies do
        server.enqueue(new MockResponse.Builder()
                .code(401)
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"type\":"
                        + "\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
                .build());
        CliRunner cli = cli("backends:\n  gpt:\n    type: openai\n    base-url: " + server.url("/v1") + "\n")
                .env("OPENAI_API_KEY", KEY);
        // when
        CliRunner.Result r = cli.run("backends", "--check", "--verbose");
        // then
        assertThat(r.code()).isEqualTo(69);
        assertThat(r.out()).containsPattern("gpt\\s+openai\\s+FAILED");
        assertThat(r.err()).contains("1 of 2 backends failed the check");
        assertThat(r.all()).doesNotContain(KEY);
        assertThat(server.getRequestCount()).isEqualTo(1); // LangChain4j's own retries are off
    }

    @Test
    void should_say_which_variable_to_set_when_a_key_is_missing() throws Exception {
        CliRunner.Result r = cli("backends:\n  claude:\n    type: anthropic\n").run("backends", "--check");
        assertThat(r.code()).isEqualTo(69);
        assertThat(r.out())
                .containsPattern("claude\\s+anthropic\\s+FAILED\\s+-\\s+Backend 'claude' .* needs an API "
                        + "key: export ANTHROPIC_API_KEY=…");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_check_deepl_with_its_usage_call() throws Exception {
        // given
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults().withApiKey("dk-123456789:fx"))) {
            CliRunner cli = cli("backends:\n  dl:\n    type: deepl\n    base-url: " + sim.baseUrl() + "\n")
                    .env("DEEPL_AUTH_KEY", "dk-123456789:fx");
            // when
            CliRunner.Result r = cli.run("backends", "--check");
            // then
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).containsPattern("dl\\s+deepl\\s+ok\\s+\\d+ ms\\s+usage \\d+ of -?\\d+ characters");
            assertThat(r.all()).doesNotContain("dk-123456789");
        }
    }
}

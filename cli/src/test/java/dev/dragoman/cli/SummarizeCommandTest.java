package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120) // a MockWebServer test waiting for an answer nobody queued fails instead of hanging
class SummarizeCommandTest {

    private static final String SEED = ParseCommandTest.SEED.toString();
    private static final String LEAD = "أكد الرئيس البيلاروسي ألكسندر لوكاشينكو";
    private static final String RELATED = "مصر وروسيا";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path home;

    @Test
    void should_summarize_offline_with_no_configuration_from_the_main_story_only() {
        // when
        CliRunner.Result r = new CliRunner(home).run("summarize", SEED);
        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(LEAD).doesNotContain(RELATED).doesNotContain("المصدر");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void should_write_bullets_as_markdown_and_json_with_provenance() throws Exception {
        // when
        CliRunner.Result md = new CliRunner(home).run("summarize", SEED, "--style", "bullets", "-n", "2", "-f", "md");
        CliRunner.Result json = new CliRunner(home)
                .stdin(Files.readString(ParseCommandTest.SEED))
                .run("summarize", "-", "--format", "json", "--sentences", "1");
        // then
        assertThat(md.out()).startsWith("# " + ParseCommandTest.HEADLINE + "\n\n## ملخص\n\n- " + LEAD);
        assertThat(md.out().lines().filter(l -> l.startsWith("- ")).count()).isEqualTo(2);
        JsonNode node = Json.mapper().readTree(json.out());
        assertThat(node.get("summary").get("backend").asText()).isEqualTo("extractive");
        assertThat(node.get("summary").get("sentences")).hasSize(1);
        assertThat(node.get("headline").asText()).isEqualTo(ParseCommandTest.HEADLINE);
    }

    @Test
    void should_take_the_length_from_env_over_file_and_flag_over_env() throws Exception {
        // given
        CliRunner cli = new CliRunner(home);
        cli.config("summarize:\n  sentences: 3\n  style: bullets\n");
        // then
        assertThat(bullets(cli.run("summarize", SEED))).isEqualTo(3);
        cli.env("DRAGOMAN_SUMMARIZE_SENTENCES", "2");
        assertThat(bullets(cli.run("summarize", SEED))).isEqualTo(2);
        assertThat(bullets(cli.run("summarize", SEED, "--sentences", "1"))).isEqualTo(1);
        assertThat(bullets(cli.run("summarize", SEED, "--sentences", "4"))).isEqualTo(4);
    }

    private static long bullets(CliRunner.Result r) {
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().lines().filter(l -> l.startsWith("- ")).count();
    }

    @Test
    void should_refuse_contradicting_lengths_and_explain_a_foreign_language_request() {
        CliRunner.Result both = new CliRunner(home).run("summarize", SEED, "--words", "20", "--sentences", "2");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("give one of --sentences, --words or --ratio");
        CliRunner.Result english = new CliRunner(home).run("summarize", SEED, "--lang", "en");
        assertThat(english.code()).isEqualTo(78);
        assertThat(english.err()).contains("extractive").contains("brief");
        CliRunner.Result mt =
                new CliRunner(home).env("DEEPL_AUTH_KEY", "k-123456").run("summarize", SEED, "-b", "deepl");
        assertThat(mt.code()).isEqualTo(78);
        assertThat(mt.err()).contains("translates but does not summarize");
    }

    /** An OpenAI chat completion answering {@code content}. */
    private static MockResponse completion(String content) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content
                        + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":900,"
                        + "\"completion_tokens\":20,\"total_tokens\":920}}")
                .build();
    }

    /** A CLI whose configuration summarizes through an OpenAI-type backend at {@link #server}. */
    private CliRunner summarizingThroughTheServer() throws java.io.IOException {
        CliRunner cli = new CliRunner(home).env("OPENAI_API_KEY", "sk-summary-test-555555");
        cli.config("backends:\n  gpt:\n    type: openai\n    base-url: " + server.url("/v1")
                + "\nsummarize:\n  backend: gpt\n");
        return cli;
    }

    @Test
    void should_summarize_through_an_llm_and_flag_a_number_the_article_lacks() throws Exception {
        // given
        String answer = "Lukashenko said Belarus backs Russia in 42 international forums.";
        // two runs, each asking once and once more after the fact-lock rejected the answer
        for (int i = 0; i < 4; i++) {
            server.enqueue(completion(answer));
        }
        CliRunner cli = summarizingThroughTheServer();
        // when
        CliRunner.Result r = cli.run("summarize", SEED, "--lang", "en", "--cache", "memory");
        CliRunner.Result strict = cli.run("summarize", SEED, "--lang", "en", "--strict", "--cache", "memory");
        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(answer).contains("Warning:").contains("42");
        assertThat(r.err()).contains("Warning:");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getBody().utf8()).contains("لوكاشينكو").doesNotContain("مستجدات القضايا الإقليمية");
        assertThat(strict.code()).isEqualTo(65);
        assertThat(strict.err()).contains("fact-lock");
        assertThat(server.getRequestCount())
                .as("each run asked once more with the reason")
                .isEqualTo(4);
    }

    @Test
    void should_wait_as_long_as_the_server_asks_and_say_so_on_stderr() throws Exception {
        // given: an OpenAI-type server that refuses once asking for a 1 s wait, then answers
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Content-Type", "application/json")
                .addHeader("Retry-After", "1")
                .body("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
                        + "\"code\":\"rate_limit_exceeded\"}}")
                .build());
        String answer = "Belarusian President Lukashenko told Russian Foreign Minister Lavrov in Minsk that Moscow can"
                + " always count on the support of Minsk in international forums.";
        for (int i = 0; i < 2; i++) { // a second answer in case a guard asks again
            server.enqueue(completion(answer));
        }
        CliRunner cli = summarizingThroughTheServer();

        // when
        CliRunner.Result r = cli.run("summarize", SEED, "--lang", "en", "--cache", "memory");

        // then: the summary comes after the wait the server asked for, and stderr said how long and why
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(answer);
        assertThat(r.err()).contains("retrying in 1.0 s, as the server asked (Retry-After)");
    }

    @Test
    void should_report_rouge_beside_lead_baselines_and_name_a_missing_data_set() throws Exception {
        // given: a two-item data set in the documented fields
        Path dataset = home.resolve("dev.jsonl");
        String text = String.join(
                "\\n",
                Files.readString(ParseCommandTest.SEED).lines().skip(3).limit(5).toList());
        String item = "{\"id\":\"%s\",\"lang\":\"ar\",\"title\":\"" + ParseCommandTest.HEADLINE + "\",\"text\":\""
                + text.replace("\"", "\\\"") + "\",\"summaries\":[\"" + LEAD
                + " أن لدى روسيا وبيلاروس مواقف مشتركة\"]}\n";
        Files.writeString(dataset, String.format(item, "a") + String.format(item, "b"), StandardCharsets.UTF_8);
        Path scores = home.resolve("scores.jsonl");
        // when
        CliRunner.Result r = new CliRunner(home)
                .run("eval", "summarize", "--dataset", dataset.toString(), "--per-article", scores.toString());
        CliRunner.Result missing = new CliRunner(home).run("eval", "summarize", "--dataset", "nope.jsonl");
        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("2 articles")
                .contains("| summarizer |")
                .contains("| Lead-1 |")
                .contains("| Lead-3 |");
        assertThat(Files.readAllLines(scores)).isNotEmpty();
        assertThat(missing.code()).isEqualTo(65);
        assertThat(missing.err()).contains("data set not found: nope.jsonl").contains("../shared/data/eval/");
    }
}

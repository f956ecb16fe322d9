package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exit code of the README's table, produced by a command line that the table says produces it, against a
 * local server answering in OpenAI's documented shapes (errors: {@code {"error": {"message", "type", "param",
 * "code"}}}; batches: the file and batch objects of the Batch API). The table, {@code --help}'s list and this test's
 * cases are the same codes.
 */
class ExitCodesTest {

    private static final String KEY = "sk-exit-codes-0000000000000000";

    /** A batch object as the Batch API returns it on creation. */
    private static final String BATCH = "{\"id\":\"batch_abc123\",\"object\":\"batch\","
            + "\"endpoint\":\"/v1/chat/completions\",\"errors\":null,\"input_file_id\":\"file-abc123\","
            + "\"completion_window\":\"24h\",\"status\":\"validating\",\"output_file_id\":null,"
            + "\"error_file_id\":null,\"created_at\":1733400000,"
            + "\"request_counts\":{\"total\":1,\"completed\":0,\"failed\":0}}";

    @TempDir
    Path dir;

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** What the server answers to any request, per case. */
    private final AtomicReference<Function<RecordedRequest, MockResponse>> answer = new AtomicReference<>();

    @Test
    void should_produce_every_code_of_the_readmes_table_from_the_command_line_it_names() throws Exception {
        // given the README's codes, a story, and an OpenAI backend on the local server
        List<Integer> table = readmeCodes();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.get().apply(request);
            }
        });
        String story =
                Files.copy(ParseCommandTest.SEED, dir.resolve("story.txt")).toString();
        Path wire = Files.createDirectories(dir.resolve("wire"));
        Files.copy(ParseCommandTest.SEED, wire.resolve("sana.txt"));
        CliRunner configured = new CliRunner(dir.resolve("home")).env("OPENAI_API_KEY", KEY);
        Files.createDirectories(configured.configFile().getParent());
        Files.writeString(
                configured.configFile(),
                "backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    base-url: " + server.url("/v1")
                        + "\ntranslate:\n  backend: gpt\n  to: en\ncache:\n  store: none\n",
                StandardCharsets.UTF_8);
        CliRunner bare = new CliRunner(dir.resolve("bare"));
        Map<Integer, Integer> produced = new LinkedHashMap<>();

        // when / then, code by code
        produced.put(0, expect(0, bare.run("parse", story), 0));

        produced.put(2, expect(2, configured.run("translate", story, "--to", "klingon"), 0));

        answer.set(this::openAiBatchApi); // 3: the batch goes to the provider (upload, create) and is in flight
        String[] deferred = {
            "batch",
            wire.toString(),
            "--out",
            dir + "/news",
            "--translate-to",
            "en",
            "--deferred",
            "--progress",
            "lines"
        };
        produced.put(3, expect(3, configured.run(deferred), 2));
        CliRunner.Result again = configured.run(deferred);
        assertThat(again.err())
                .as("run again while in flight: the same batch, looked at, never a second one")
                .contains("batch_abc123")
                .contains("run the same command again later");
        assertThat(again.code()).isEqualTo(3);
        assertThat(server.getRequestCount() - requestsSoFar)
                .as("one look at the batch")
                .isEqualTo(1);
        requestsSoFar = server.getRequestCount();

        answer.set(r -> error(500, "not expected", "server_error", null)); // 4: nothing is sent
        produced.put(4, expect(4, configured.run("translate", story, "--max-cost", "0.0000001"), 0));

        Path empty = Files.createFile(dir.resolve("empty.txt"));
        produced.put(65, expect(65, bare.run("parse", empty.toString()), 0));

        answer.set(r -> error(
                429,
                "You exceeded your current quota, please check your plan and billing details.",
                "insufficient_quota",
                "insufficient_quota"));
        produced.put(69, expect(69, configured.run("translate", story), 1));

        answer.set(r -> error(400, "Invalid value for 'messages'.", "invalid_request_error", null));
        produced.put(70, expect(70, configured.run("translate", story), 1));

        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "a file where a folder is needed");
        produced.put(74, expect(74, bare.run("parse", story, "-o", notAFolder + "/story.json"), 0));

        answer.set(r -> error(
                        429,
                        "Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3, Used 3.",
                        "requests",
                        "rate_limit_exceeded")
                .newBuilder()
                .setHeader("Retry-After", "3600") // past the longest wait a backend accepts (max-wait, 120 s)
                .build());
        produced.put(75, expect(75, configured.run("translate", story), 1));

        produced.put(78, expect(78, bare.run("translate", story, "--to", "en"), 0));

        assertThat(produced.keySet()).as("the README's table").containsExactlyElementsOf(table);
        assertThat(ExitCodes.documented().keySet().stream()
                        .map(k -> Integer.valueOf(k.replace(":", "").strip()))
                        .toList())
                .as("--help's exit codes")
                .containsExactlyElementsOf(table);
    }

    /** Asserts the code, and that the run sent the server {@code requests} requests; returns the code. */
    private int expect(int code, CliRunner.Result r, int requests) {
        int before = requestsSoFar;
        requestsSoFar = server.getRequestCount();
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ");
        assertThat(requestsSoFar - before).as("requests sent\n" + r.err()).isEqualTo(requests);
        return r.code();
    }

    private int requestsSoFar;

    /** The codes of the README's "Exit codes:" paragraph, in order. */
    static List<Integer> readmeCodes() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String table = readme.substring(readme.indexOf("Exit codes:"));
        table = table.substring(0, table.indexOf("\n\n"));
        List<Integer> codes = new ArrayList<>();
        Matcher m = Pattern.compile("(?:: |, )(\\d+) ").matcher(table.replace('\n', ' '));
        while (m.find()) {
            codes.add(Integer.valueOf(m.group(1)));
        }
        return codes;
    }

    /** OpenAI's error body, as its API documents it. */
    private static MockResponse error(int status, String message, String type, String code) {
        String body = "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** The Batch API: the uploaded input file, then the batch, validating. */
    private MockResponse openAiBatchApi(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (request.getMethod().equals("POST") && path.equals("/v1/files")) {
            return json("{\"id\":\"file-abc123\",\"object\":\"file\",\"bytes\":120000,\"created_at\":1733400000,"
                    + "\"filename\":\"dragoman-batch.jsonl\",\"purpose\":\"batch\"}");
        }
        if (request.getMethod().equals("POST") && path.equals("/v1/batches")) {
            return json(BATCH);
        }
        if (request.getMethod().equals("GET") && path.equals("/v1/batches/batch_abc123")) {
            return json(BATCH.replace("validating", "in_progress"));
        }
        return error(404, "Unexpected " + request.getMethod() + " " + path, "invalid_request_error", null);
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}

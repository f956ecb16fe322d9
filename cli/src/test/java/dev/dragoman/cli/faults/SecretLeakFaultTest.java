package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets: servers that echo the API key back — in an error body and a header (OpenAI type), and inside the
 * translations of a successful answer (DeepL type) — never get it into any sink: stdout, stderr, logs with
 * {@code --verbose}, the batch journal, failures.jsonl, the outputs or the cache.
 */
class SecretLeakFaultTest {

    private static final String OPENAI_KEY = "sk-echoed-openai-key-5f1e2d3c4b";
    private static final String DEEPL_KEY = "echoed-deepl-key-9a8b7c6d5e:fx";
    private static final Path SEED = Path.of("..", "examples", "sana-2024-06-25-lukashenko.ar.txt");

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    private Hostile configured() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String auth = String.valueOf(request.getHeaders().get("Authorization"));
                String key = auth.replaceFirst("^(Bearer|DeepL-Auth-Key) ", "");
                if (request.getUrl().encodedPath().contains("chat/completions")) {
                    return new MockResponse.Builder()
                            .code(400)
                            .addHeader("Content-Type", "application/json")
                            .addHeader("X-Echo-Key", key)
                            .body("{\"error\":{\"message\":\"Bad request made with key " + key + " (" + auth
                                    + ")\",\"type\":\"invalid_request_error\",\"code\":null}}")
                            .build();
                }
                return Hostile.deeplAnswer(request, text -> "Translated with " + key + ": " + text.length())
                        .addHeader("X-Echo-Key", key)
                        .build();
            }
        });
        Hostile h = new Hostile(tmp.resolve("home"));
        h.env.put("OPENAI_API_KEY", OPENAI_KEY);
        h.env.put("DEEPL_AUTH_KEY", DEEPL_KEY);
        h.env.put(
                "DRAGOMAN_CONFIG",
                h.writeConfig("backends:\n"
                                + "  gpt:\n    type: openai\n    model: gpt-sim\n    base-url: " + server.url("/v1")
                                + "\n"
                                + "  dl:\n    type: deepl\n    base-url: " + server.url("/") + "\n"
                                + "cache:\n  store: sqlite\n  path: " + tmp.resolve("cache.db") + "\n")
                        .toString());
        return h;
    }

    private void assertNoKey(String where, String text) {
        assertThat(text).as(where).doesNotContain(OPENAI_KEY).doesNotContain(DEEPL_KEY);
    }

    @Test
    void should_keep_an_echoed_key_out_of_every_sink_of_translate_and_batch() throws Exception {
        // given
        Hostile h = configured();
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(SEED, in.resolve("seed.ar.txt"));

        // when: the OpenAI-type backend rejects the request and echoes the key
        Hostile.Result translate = h.run("translate", SEED.toString(), "--to", "en", "--backend", "gpt", "--verbose");
        Hostile.Result batch = h.run(
                "batch",
                in.toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--translate-to",
                "en",
                "--translate-backend",
                "gpt",
                "--verbose",
                "--progress",
                "lines");
        // and the DeepL-type backend answers, echoing the key inside its translations
        Hostile.Result good = h.run(
                "translate",
                SEED.toString(),
                "--to",
                "en",
                "--backend",
                "dl",
                "-o",
                tmp.resolve("good.md").toString(),
                "--verbose");
        Hostile.Result goodBatch = h.run(
                "batch",
                in.toString(),
                "--out",
                tmp.resolve("out-dl").toString(),
                "--translate-to",
                "en",
                "--translate-backend",
                "dl",
                "--allow-flagged", // its echo is shorter than the source: flagged, and kept here to check the outputs
                "--verbose",
                "--progress",
                "lines");

        // then the runs failed and succeeded as they should, and no sink holds a key
        assertThat(translate.exit()).as(translate.all()).isNotZero();
        assertThat(batch.exit()).as(batch.all()).isNotZero();
        assertThat(Files.readString(tmp.resolve("out").resolve("failures.jsonl")))
                .contains("[REDACTED]");
        assertThat(good.exit()).as(good.all()).isZero();
        assertThat(goodBatch.exit()).as(goodBatch.all()).isZero();
        for (Hostile.Result r : new Hostile.Result[] {translate, batch, good, goodBatch}) {
            assertNoKey("stdout", r.out());
            assertNoKey("stderr", r.err());
            assertNoKey("logs", r.logs());
        }
        assertNoKey("journal, failures and outputs", Hostile.everyFileUnder(tmp.resolve("out")));
        assertNoKey("outputs", Hostile.everyFileUnder(tmp.resolve("out-dl")));
        assertNoKey("-o file", Files.readString(tmp.resolve("good.md")));
        assertNoKey("cache", Hostile.everyFileUnder(tmp));
    }
}

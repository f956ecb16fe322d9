package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch whose backend hands the text back untranslated (a DeepL-type server echoing its input): the item is a
 * retriable failure of stage {@code translate} (exit 75), a lasting one with {@code batch --strict} (exit 65), and
 * kept only with {@code --allow-flagged} — never "done" with Arabic text in an English digest.
 */
class FlaggedTranslationFaultTest {

    private static final Path SEED = Path.of("..", "examples", "sana-2024-06-25-lukashenko.ar.txt");

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    private Hostile echoing() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return Hostile.deeplAnswer(request, text -> text).build(); // handed back untranslated
            }
        });
        Hostile h = new Hostile(tmp.resolve("home"));
        h.env.put("DEEPL_AUTH_KEY", "deepl-echo-key-0123456789:fx");
        h.env.put(
                "DRAGOMAN_CONFIG",
                h.writeConfig("backends:\n  dl:\n    type: deepl\n    attempts: 1\n    base-url: " + server.url("/")
                                + "\ncache:\n  store: none\n")
                        .toString());
        return h;
    }

    private Hostile.Result batch(Hostile h, Path in, String out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "batch",
                in.toString(),
                "--out",
                tmp.resolve(out).toString(),
                "--translate-to",
                "en",
                "--translate-backend",
                "dl",
                "--progress",
                "lines"));
        args.addAll(List.of(extra));
        return h.run(args.toArray(String[]::new));
    }

    @Test
    void should_fail_an_untranslated_item_retriably_for_good_with_strict_and_keep_it_only_when_allowed()
            throws Exception {
        // given
        Hostile h = echoing();
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(SEED, in.resolve("seed.ar.txt"));

        // when
        Hostile.Result plain = batch(h, in, "plain");
        Hostile.Result again = batch(h, in, "plain");
        Hostile.Result strict = batch(h, in, "strict", "--strict");
        Hostile.Result allowed = batch(h, in, "allowed", "--allow-flagged");

        // then: not done, a retriable translate failure that the next run tries again
        assertThat(plain.exit()).as(plain.all()).isEqualTo(75);
        JsonNode failure = Json.mapper()
                .readTree(Files.readAllLines(tmp.resolve("plain").resolve("failures.jsonl"))
                        .get(0));
        assertThat(failure.path("stage").asText()).isEqualTo("translate");
        assertThat(failure.path("retriable").asBoolean()).isTrue();
        assertThat(failure.toString()).contains("--allow-flagged");
        assertThat(tmp.resolve("plain").resolve("articles"))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
        assertThat(again.exit()).as("the next run did not skip it").isEqualTo(75);
        // and with --strict a lasting failure, with --allow-flagged kept
        assertThat(strict.exit()).as(strict.all()).isEqualTo(65);
        assertThat(allowed.exit()).as(allowed.all()).isZero();
        assertThat(tmp.resolve("allowed").resolve("articles")).isNotEmptyDirectory();
    }
}

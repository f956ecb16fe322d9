package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.SimTranslation;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a batch left in its output directory, read back from disk, and the fault suite's checks on it: every
 * article has its correct output or is listed in {@code failures.jsonl} with a reason; no output is wrong or half
 * written; no finished item was sent to the backend twice.
 */
final class BatchOutcome {

    /** Output JSON documents by corpus item name. */
    final Map<String, JsonNode> outputs = new LinkedHashMap<>();
    /** failures.jsonl records by corpus item name. */
    final Map<String, JsonNode> failures = new LinkedHashMap<>();
    /** Files under the output directory that are neither outputs nor state (temporary or stray). */
    final List<Path> strays = new ArrayList<>();

    private BatchOutcome() {}

    static BatchOutcome read(Path out, List<WireCorpus.Item> items) {
        BatchOutcome outcome = new BatchOutcome();
        try {
            Path articles = out.resolve("articles");
            if (Files.isDirectory(articles)) {
                try (Stream<Path> files = Files.list(articles)) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        if (name.endsWith(".json")) {
                            JsonNode doc = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
                            outcome.outputs.put(itemName(doc.path("input").asText(), items), doc);
                        } else if (!name.endsWith(".md")) {
                            outcome.strays.add(file);
                        }
                    }
                }
            }
            Path failures = out.resolve("failures.jsonl");
            if (Files.isRegularFile(failures)) {
                for (String line : Files.readAllLines(failures, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        JsonNode f = Json.mapper().readTree(line);
                        outcome.failures.put(itemName(f.path("input").asText(), items), f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outcome;
    }

    private static String itemName(String input, List<WireCorpus.Item> items) {
        for (WireCorpus.Item item : items) {
            if (input.endsWith(item.name() + ".ar.txt") || input.endsWith(item.name() + ".json")) {
                return item.name();
            }
        }
        throw new AssertionError("an output or failure names an input that is not in the corpus: " + input);
    }

    /** Every item has exactly its correct translation, or is in failures.jsonl with a stage and a reason. */
    BatchOutcome assertEveryItemCorrectOrListed(List<WireCorpus.Item> items, String target) {
        assertThat(strays).as("temporary or stray files left in articles/").isEmpty();
        for (WireCorpus.Item item : items) {
            JsonNode output = outputs.get(item.name());
            JsonNode failure = failures.get(item.name());
            assertThat(output != null || failure != null)
                    .as("%s has neither an output nor a failure record", item.name())
                    .isTrue();
            if (output != null) {
                assertCorrect(item, output, target);
            } else {
                assertThat(failure.path("stage").asText())
                        .as("failure stage of %s", item.name())
                        .isNotBlank();
                assertThat(failure.path("reason").asText())
                        .as("failure reason of %s", item.name())
                        .isNotBlank();
            }
        }
        return this;
    }

    static void assertCorrect(WireCorpus.Item item, JsonNode output, String target) {
        JsonNode translation = output.path("translation");
        assertThat(translation.path("headline").asText())
                .as("translated headline of %s", item.name())
                .isEqualTo(SimTranslation.translate(item.headline(), target));
        List<String> paragraphs = new ArrayList<>();
        translation
                .path("paragraphs")
                .forEach(p -> paragraphs.add(p.path("text").asText()));
        assertThat(paragraphs)
                .as("translated paragraphs of %s", item.name())
                .containsExactlyElementsOf(item.paragraphs().stream()
                        .map(p -> SimTranslation.translate(p, target))
                        .toList());
        // the whole structure is translated in place, not only headline and paragraphs
        assertThat(translation.path("dateline").path("place").asText())
                .as("translated dateline of %s", item.name())
                .isEqualTo(SimTranslation.translate(item.place(), target));
        assertThat(translation.path("source").asText())
                .as("translated source line of %s", item.name())
                .isEqualTo(SimTranslation.translate(item.source(), target));
    }

    /** No segment of an item was received by the backend after a correct answer for it had been delivered. */
    static void assertNothingFinishedSentTwice(SimulatedBackend sim, List<WireCorpus.Item> items) {
        Set<String> unique = new HashSet<>();
        items.forEach(i -> unique.addAll(i.uniqueSegments()));
        assertThat(sim.resentAfterDelivery())
                .as("segments sent again after they were translated")
                .filteredOn(unique::contains)
                .isEmpty();
    }

    int done() {
        return outputs.size();
    }
}

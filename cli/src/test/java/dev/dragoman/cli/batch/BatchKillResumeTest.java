package dev.dragoman.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.Published;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.Latency;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real {@code dragoman batch} child process ({@code dev.dragoman.cli.Main} on the test classpath, configured
 * with a DeepL-type backend at the simulator, no cache) mid-batch ({@code kill -9} via destroyForcibly, and SIGTERM via
 * destroy) and runs the same command again. The translation backend is a simulated DeepL server living in this
 * process, so its per-segment send counts survive the child's death.
 */
class BatchKillResumeTest {

    private static final int ARTICLES = 40;

    @TempDir
    Path tmp;

    private SimulatedBackend sim;
    private Path in;
    private Path out;

    @BeforeEach
    void setUp() throws IOException {
        sim = SimulatedBackend.start(SimConfig.defaults().withLatency(Latency.fixed(Duration.ofMillis(100))));
        in = Files.createDirectories(tmp.resolve("in"));
        out = tmp.resolve("out");
        for (int i = 1; i <= ARTICLES; i++) {
            Files.writeString(
                    in.resolve(String.format("a%03d.json", i)),
                    Json.mapper().writeValueAsString(article(i)),
                    StandardCharsets.UTF_8);
        }
    }

    /** One Arabic article per number, as the pipeline's engine tests write them. */
    static Article article(int n) {
        return Article.builder()
                .language(Language.ARABIC)
                .headline("خبر رقم " + n)
                .published(Published.ofDate("2024-06-25", LocalDate.of(2024, 6, 25)))
                .paragraph("الفقرة الأولى من الخبر رقم " + n + "، وفيها تفاصيل الحدث.")
                .paragraph("الفقرة الثانية من الخبر رقم " + n + ".")
                .source("سانا")
                .build();
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    private Process start() throws IOException {
        Path config = tmp.resolve("config.yaml");
        Files.writeString(
                config,
                "backends:\n  sim:\n    type: deepl\n    base-url: " + sim.baseUrl() + "\n",
                StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(
                java,
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                dev.dragoman.cli.Main.class.getName(),
                "batch",
                in.toString(),
                "--out",
                out.toString(),
                "--translate-to",
                "en",
                "--translate-backend",
                "sim",
                "--summarize",
                "--jobs",
                "4",
                "--progress",
                "lines",
                "--cache",
                "none");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        tmp.resolve("child-" + System.nanoTime() + ".log").toFile());
        pb.environment().put("DRAGOMAN_CONFIG", config.toString());
        pb.environment().put("DEEPL_AUTH_KEY", "test-key:fx");
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("home/config").toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("home/cache").toString());
        return pb.start();
    }

    private String diagnostics() {
        try (Stream<Path> logs = Files.list(tmp)) {
            StringBuilder sb = new StringBuilder();
            Path failures = out.resolve("failures.jsonl");
            if (Files.exists(failures)) {
                sb.append(Files.readString(failures, StandardCharsets.UTF_8));
            }
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .toList()) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                sb.append("\n--- ")
                        .append(log.getFileName())
                        .append('\n')
                        .append(text.length() > 3000 ? text.substring(text.length() - 3000) : text);
            }
            return sb.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private List<JsonNode> doneRecords() throws IOException {
        Path journal = out.resolve(".dragoman/journal.jsonl");
        List<JsonNode> done = new ArrayList<>();
        if (!Files.exists(journal)) {
            return done;
        }
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            if (line.contains("\"type\":\"done\"")) {
                try {
                    done.add(Json.mapper().readTree(line));
                } catch (IOException torn) {
                    // a torn last line written while the child died: not a record
                }
            }
        }
        return done;
    }

    private void awaitDone(int atLeast, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (doneRecords().size() < atLeast) {
            assertThat(child.isAlive()).as("child still running").isTrue();
            assertThat(System.nanoTime()).as("child made progress within 60 s").isLessThan(deadline);
            Thread.sleep(20); // polling for a condition, not timing anything
        }
    }

    private Set<String> outputIds(String ext) throws IOException {
        Path dir = out.resolve("articles");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(ext) && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - ext.length()))
                    .collect(Collectors.toSet());
        }
    }

    private void assertCompleteWithoutDuplicates() throws IOException {
        Set<String> expected = new java.util.HashSet<>();
        for (int i = 1; i <= ARTICLES; i++) {
            expected.add(article(i).id());
        }
        assertThat(outputIds(".json")).isEqualTo(expected);
        assertThat(outputIds(".md")).isEqualTo(expected);
        Map<String, Long> perId = doneRecords().stream()
                .collect(Collectors.groupingBy(n -> n.get("id").asText(), Collectors.counting()));
        assertThat(perId.keySet()).isEqualTo(expected);
        assertThat(perId.values()).as("one done record per article").containsOnly(1L);
        try (Stream<Path> s = Files.list(out.resolve("articles"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        for (String id : expected) {
            JsonNode json = Json.mapper()
                    .readTree(out.resolve("articles").resolve(id + ".json").toFile());
            assertThat(json.at("/translation/headline").asText()).startsWith("[EN");
        }
    }

    @Test
    void should_complete_after_kill_9_with_no_duplicate_no_missing_output_and_no_finished_item_sent_again()
            throws Exception {
        // given a batch killed with SIGKILL after some items finished
        Process first = start();
        awaitDone(8, first);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Set<String> finishedHeadlines = doneRecords().stream()
                .map(n -> n.get("originalHeadline").asText())
                .collect(Collectors.toSet());
        Map<String, Integer> sendsAtKill = new HashMap<>();
        for (String h : finishedHeadlines) {
            sendsAtKill.put(h, sim.sendCount(h));
        }
        assertThat(finishedHeadlines).hasSizeGreaterThanOrEqualTo(8).hasSizeLessThan(ARTICLES);

        // when the same command runs again
        Process second = start();
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();

        // then
        assertThat(second.exitValue()).as(this::diagnostics).isZero();
        assertCompleteWithoutDuplicates();
        for (String h : finishedHeadlines) {
            assertThat(sim.sendCount(h)).as("sends of finished item '%s'", h).isEqualTo(sendsAtKill.get(h));
        }
        for (int i = 1; i <= ARTICLES; i++) {
            assertThat(sim.sendCount("خبر رقم " + i))
                    .as("item %d sent at least once", i)
                    .isPositive();
        }
        try (Stream<Path> digests = Files.list(out.resolve("digests"))) {
            assertThat(digests.map(Path::toString)).anyMatch(p -> p.endsWith(".html"));
        }
    }

    @Test
    void should_finish_and_record_items_in_flight_on_sigterm_then_resume() throws Exception {
        // given
        Process first = start();
        awaitDone(4, first);
        // when SIGTERM arrives mid-batch
        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // then every output written has its journal record (items in flight finished and were checkpointed)
        String journal = Files.readString(out.resolve(".dragoman/journal.jsonl"), StandardCharsets.UTF_8);
        assertThat(journal).endsWith("\n");
        Set<String> journaled =
                doneRecords().stream().map(n -> n.get("id").asText()).collect(Collectors.toSet());
        assertThat(outputIds(".json")).isEqualTo(journaled);
        assertThat(journaled).hasSizeLessThan(ARTICLES);
        // and the same command completes the rest
        Process second = start();
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(this::diagnostics).isZero();
        assertCompleteWithoutDuplicates();
    }
}

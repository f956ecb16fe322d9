package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command line of the README's "Usage" section, run as written (file names resolved in a scratch directory
 * holding {@code story.txt}, {@code wire/} and {@code dev.jsonl}; the configured translation backend is a local
 * simulation of OpenAI's API, as after {@code config init} and {@code export OPENAI_API_KEY}), each with what its
 * comment promises. A line added to the README without a check here fails the test, as does a line that no longer
 * runs.
 */
class ReadmeUsageTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path DEV_SET = Path.of("..", "summarize", "src", "test", "resources", "eval", "tiny.en.jsonl");
    private static final String ENGLISH = """
            Syria and Iraq agree to share Euphrates flow data

            DAMASCUS, June 25 (Reuters) - Syria and Iraq will share daily measurements of the Euphrates river's flow, \
            their foreign ministers said in Damascus on Tuesday.

            The ministers said a joint monitoring station would be set up near the border.
            """;

    /** The README's glossary example, plus a term the seed story holds. */
    private static final String README_GLOSSARY = """
            do-not-translate: [Reuters, AFP]
            terms:
              مجلس الأمن: Security Council
              ar>en: { سانا: SANA, منظمة شنغهاي للتعاون: Shanghai Cooperation Organisation }
            """;

    private final SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults());

    @TempDir
    Path dir;

    /** Requests the simulated backend had received before the line being checked ran. */
    private int requestsBefore;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void should_run_every_command_line_of_the_usage_section_as_its_comment_says() throws Exception {
        // given the files the examples name, and a configured backend
        Files.copy(ParseCommandTest.SEED, dir.resolve("story.txt"));
        Path wire = Files.createDirectories(dir.resolve("wire"));
        Files.copy(ParseCommandTest.SEED, wire.resolve("sana.txt"));
        Files.writeString(wire.resolve("reuters.txt"), ENGLISH, StandardCharsets.UTF_8);
        Files.copy(DEV_SET, dir.resolve("dev.jsonl"));
        Files.writeString(dir.resolve("terms.yaml"), README_GLOSSARY, StandardCharsets.UTF_8);
        CliRunner cli = new CliRunner(dir.resolve("home")).env("OPENAI_API_KEY", "sk-readme-usage-000000");
        Files.createDirectories(cli.configFile().getParent());
        Files.writeString(
                cli.configFile(),
                "backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    base-url: " + sim.openAiBaseUrl()
                        + "\ntranslate:\n  backend: gpt\n",
                StandardCharsets.UTF_8);
        Map<String, Consumer<CliRunner.Result>> checks = checks();
        List<String> lines = usageLines();
        assertThat(lines).as("the Usage section's command lines").hasSizeGreaterThanOrEqualTo(10);
        List<String> unchecked = new ArrayList<>();

        for (String line : lines) {
            // when
            List<String> args = words(line.replaceFirst("\\s+#.*$", ""));
            if (args.get(0).equals("source")) { // source <(dragoman completion bash)
                completes(cli, line);
                continue;
            }
            assertThat(args.get(0)).as(line).isEqualTo("dragoman");
            requestsBefore = sim.stats().requests();
            CliRunner.Result r = cli.run(
                    args.subList(1, args.size()).stream().map(this::resolve).toArray(String[]::new));
            // then
            assertThat(r.code()).as(line + "\n" + r.err()).isZero();
            Consumer<CliRunner.Result> check = checks.get(String.join(" ", args.subList(1, Math.min(3, args.size()))));
            if (check == null) {
                unchecked.add(line);
            } else {
                check.accept(r);
            }
        }
        assertThat(unchecked)
                .as("README Usage lines without a check of what their comment says")
                .isEmpty();
    }

    /** What each line's comment promises, by its first two words. */
    private Map<String, Consumer<CliRunner.Result>> checks() {
        Map<String, Consumer<CliRunner.Result>> c = new LinkedHashMap<>();
        c.put(
                "parse story.txt",
                r -> { // headline, date, dateline, body, "read also" (JSON)
                    JsonNode a = json(r.out());
                    assertThat(a.get("headline").asText()).isEqualTo(ParseCommandTest.HEADLINE);
                    assertThat(a.get("published")).isNotNull();
                    assertThat(a.get("dateline")).isNotNull();
                    assertThat(a.get("paragraphs")).isNotEmpty();
                    assertThat(a.get("related")).isNotEmpty();
                });
        c.put(
                "detect wire/*.txt",
                r -> // language and confidence, one line per input
                assertThat(r.out().lines().toList())
                        .hasSize(2)
                        .anySatisfy(l -> assertThat(l).matches(".*sana\\.txt\tar\t\\d\\.\\d\\d\tArabic"))
                        .anySatisfy(l -> assertThat(l).matches(".*reuters\\.txt\ten\t\\d\\.\\d\\d\tEnglish")));
        c.put(
                "summarize story.txt",
                r -> // extractive, offline, no configuration: 3 bullets
                assertThat(r.out()
                                .lines()
                                .filter(l -> l.startsWith("- ") || l.startsWith("• "))
                                .count())
                        .isEqualTo(3));
        c.put("translate story.txt", r -> {
            if (r.out().isEmpty()) { // the bilingual line writes story.html
                String html = read(dir.resolve("story.html"));
                assertThat(html).contains("<td lang=\"ar\" dir=\"rtl\">").contains("<td lang=\"en\" dir=\"ltr\">");
            } else { // --format md, through the configured backend
                assertThat(r.out()).startsWith("# \\[EN\\] "); // the simulated translation, Markdown-escaped
            }
        });
        c.put(
                "translate --glossary",
                r -> { // the terms reach the backend (the LLM prompt); a miss is flagged
                    String prompt = sim.chatRequests()
                            .get(sim.chatRequests().size() - 1)
                            .toString();
                    assertThat(sim.chatRequests())
                            .anySatisfy(messages -> assertThat(messages.toString())
                                    .contains("سانا => SANA")
                                    .contains("منظمة شنغهاي للتعاون => Shanghai Cooperation Organisation"));
                    assertThat(prompt).doesNotContain("Reuters"); // only the terms the article holds
                    assertThat(r.err()).contains("glossary: 'سانا' should be 'SANA'"); // the simulation ignores it
                });
        c.put(
                "brief story.txt",
                r -> // sentences picked offline, only those translated
                assertThat(r.err()).containsPattern("sent \\d+ of \\d+ characters to translation"));
        c.put(
                "translate wire/",
                r -> { // one file per input
                    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
                        assertThat(files.map(p -> p.getFileName().toString())
                                        .sorted()
                                        .toList())
                                .containsExactly("reuters.fr.txt", "sana.fr.txt");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        c.put(
                "translate --estimate",
                r -> { // the same for translate and summarize, calling no backend
                    assertThat(sim.stats().requests()).isEqualTo(requestsBefore);
                    assertThat(r.out().lines().filter(l -> l.startsWith("translate ")))
                            .singleElement()
                            .satisfies(l -> assertThat(l).containsPattern("gpt-4o-mini +[1-9]"));
                });
        c.put(
                "batch wire/",
                r -> { // the cost first, calling no backend: one row per backend and a total, live and deferred
                    assertThat(sim.stats().requests()).isEqualTo(requestsBefore);
                    assertThat(r.out()).contains("LIVE USD").contains("DEFERRED USD");
                    assertThat(r.out().lines().filter(l -> l.startsWith("translate ")))
                            .singleElement()
                            .satisfies(
                                    l -> assertThat(l).contains("gpt-4o-mini").contains("o200k_base"));
                    assertThat(r.out().lines().filter(l -> l.startsWith("total ")))
                            .hasSize(1);
                    assertThat(dir.resolve("news")).doesNotExist();
                });
        c.put(
                "backends --check",
                r -> // one cheap real call per configured backend: status, latency
                assertThat(r.out()).contains("gpt").containsPattern("\\d+ ms"));
        c.put(
                "cache stats",
                r -> // entries, hit rate, what the cache saved
                assertThat(r.out()).containsIgnoringCase("entries").containsIgnoringCase("hit"));
        c.put(
                "eval summarize",
                r -> // ROUGE beside Lead-1/Lead-3
                assertThat(r.out()).contains("ROUGE").contains("Lead-1").contains("Lead-3"));
        return c;
    }

    /** {@code source <(dragoman completion bash)}: bash accepts the script and then completes dragoman's commands. */
    private void completes(CliRunner cli, String line) throws Exception {
        assertThat(line).contains("dragoman completion bash");
        CliRunner.Result r = cli.run("completion", "bash");
        assertThat(r.code()).as(r.err()).isZero();
        Path script = Files.writeString(dir.resolve("completion.bash"), r.out(), StandardCharsets.UTF_8);
        Process bash = new ProcessBuilder("bash", "-c", "source " + script + " && complete -p dragoman")
                .redirectErrorStream(true)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        assertThat(out).contains("dragoman");
    }

    /** The command lines of the fenced bash block in "## Usage". */
    static List<String> usageLines() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String usage = readme.substring(readme.indexOf("## Usage"));
        usage = usage.substring(0, usage.indexOf("\n## ", 1));
        String block = usage.substring(usage.indexOf("```bash") + 7);
        block = block.substring(0, block.indexOf("```"));
        return block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Shell words: single and double quotes group, nothing else is interpreted. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char ch : line.strip().toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    w.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    /** A file argument ({@code story.txt}, {@code wire/}, {@code out/}) inside the scratch directory. */
    private String resolve(String arg) {
        if (arg.startsWith("-") || !(arg.contains("/") || arg.matches("[\\w-]+\\.\\w+"))) {
            return arg;
        }
        return dir + "/" + arg;
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private CliRunner cli;

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
        CliRunner cli = configured();
        Map<String, Consumer<CliRunner.Result>> checks = checks(cli);
        List<String> lines = usageLines();
        assertThat(lines).as("the Usage section's command lines").hasSizeGreaterThanOrEqualTo(10);
        List<String> unchecked = new ArrayList<>();

        for (String line : variants(lines)) {
            // when
            List<String> args = words(line);
            if (args.get(0).equals("source")) { // source <(dragoman completion bash|zsh)
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

    /**
     * The paragraph above the examples: the commands that read articles take files, directories, globs or {@code -}
     * (stdin, the default when piped) and write to stdout or {@code -o FILE|DIR}; they, and the estimates, take the
     * five formats; {@code --verbose} prints timings on stderr and {@code --quiet} nothing but errors. (The other
     * commands' formats: FormatOptionTest; {@code --help} and {@code --version} everywhere: HelpTest.)
     */
    @Test
    void should_keep_the_promises_of_the_usage_paragraph_for_every_command_that_reads_articles() throws Exception {
        // given
        String text = Files.readString(ParseCommandTest.SEED, StandardCharsets.UTF_8);
        String story =
                Files.copy(ParseCommandTest.SEED, dir.resolve("story.txt")).toString();
        Path wire = Files.createDirectories(dir.resolve("wire"));
        Files.copy(ParseCommandTest.SEED, wire.resolve("sana.txt"));
        Files.writeString(wire.resolve("reuters.txt"), ENGLISH, StandardCharsets.UTF_8);
        CliRunner cli = configured();
        List<List<String>> readers = List.of(
                List.of("parse"),
                List.of("detect"),
                List.of("summarize"),
                List.of("translate", "--to", "en"),
                List.of("brief", "--to", "en"));
        for (List<String> command : readers) {
            String what = command.get(0);
            // when read from a file, from '-' and from piped stdin without an input
            CliRunner.Result file = cli.run(with(command, story));
            CliRunner.Result dash = cli.stdin(text).run(with(command, "-"));
            CliRunner.Result piped = cli.stdin(text).run(with(command));
            // then the same article is read
            assertThat(List.of(file, dash, piped))
                    .as(what)
                    .allSatisfy(r -> assertThat(r.code()).as(r.err()).isZero());
            assertThat(dash.out()).as(what).isNotBlank().isEqualTo(piped.out());
            assertThat(dash.out().replace("stdin", story)).as(what).isEqualTo(file.out());

            // when a directory and a glob go to -o DIR/, and one file to -o FILE
            CliRunner.Result fromDirectory = cli.run(with(command, wire.toString(), "-o", dir + "/" + what + "-d/"));
            CliRunner.Result fromGlob = cli.run(with(command, wire + "/*.txt", "-o", dir + "/" + what + "-g/"));
            Path single = dir.resolve(what + ".out");
            CliRunner.Result toFile = cli.run(with(command, story, "-o", single.toString()));
            // then one file per input, and the file holds what stdout would have
            for (CliRunner.Result r : List.of(fromDirectory, fromGlob, toFile)) {
                assertThat(r.code()).as(what + "\n" + r.err()).isZero();
            }
            assertThat(fileNames(dir.resolve(what + "-d"))).as(what).hasSize(2);
            assertThat(fileNames(dir.resolve(what + "-g"))).as(what).isEqualTo(fileNames(dir.resolve(what + "-d")));
            assertThat(toFile.out()).as(what).isEmpty();
            assertThat(read(single)).as(what).isEqualTo(file.out());

            // when --verbose, --quiet
            CliRunner.Result verbose = cli.run(with(command, story, "--verbose"));
            CliRunner.Result quiet = cli.run(with(command, story, "--quiet"));
            // then timings, or nothing on stderr
            assertThat(verbose.err()).as(what).containsPattern("read .*story\\.txt: \\d+ ms");
            assertThat(quiet.code()).as(quiet.err()).isZero();
            assertThat(quiet.err()).as(what).isEmpty();
            assertThat(quiet.out()).as(what).isEqualTo(file.out());
        }
        List<List<String>> printers = new ArrayList<>(readers);
        printers.add(List.of("translate", "--estimate", "--to", "de"));
        printers.add(List.of("summarize", "--estimate", "--backend", "gpt"));
        printers.add(List.of("brief", "--estimate", "--to", "en"));
        for (List<String> command : printers) {
            for (String format : List.of("text", "json", "jsonl", "md", "html")) {
                // when
                CliRunner.Result r = cli.run(with(command, story, "--format", format));
                // then
                String what = String.join(" ", command) + " --format " + format;
                assertThat(r.code()).as(what + "\n" + r.err()).isZero();
                assertFormat(format, r.out(), what);
            }
        }
    }

    /** What each line's comment promises, by its first two words. */
    private Map<String, Consumer<CliRunner.Result>> checks(CliRunner cli) {
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
                    int estimated = requests(r.out(), "translate");
                    assertThat(estimated).isPositive();
                    // the estimate is what the real run then sends, and what the cache answers is not counted
                    int before = sim.stats().requests();
                    CliRunner.Result real = cli.run("translate", dir + "/story.txt", "--to", "de");
                    assertThat(real.code()).as(real.err()).isZero();
                    assertThat(sim.stats().requests() - before).isEqualTo(estimated);
                    CliRunner.Result again = cli.run("translate", "--estimate", dir + "/story.txt", "--to", "de");
                    assertThat(requests(again.out(), "total")).isZero();
                    // summarize --estimate: the language model's row, and still no call
                    before = sim.stats().requests();
                    CliRunner.Result summary =
                            cli.run("summarize", "--estimate", dir + "/story.txt", "--backend", "gpt");
                    assertThat(summary.code()).as(summary.err()).isZero();
                    assertThat(requests(summary.out(), "summarize")).isPositive();
                    assertThat(sim.stats().requests()).isEqualTo(before);
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
                r -> // entries, hit rate, what the cache saved (the lines above filled it)
                assertThat(r.out())
                        .containsPattern("Entries: +[1-9]")
                        .contains("hit rate")
                        .containsPattern("Saved: +[1-9]\\d* requests"));
        c.put(
                "cache prune",
                r -> { // expired entries only: the fresh ones above stay
                    assertThat(r.out()).startsWith("Pruned 0 entries from ");
                    assertThat(entries()).isPositive();
                });
        c.put(
                "cache path",
                r -> { // the SQLite file the lines above wrote
                    Path db = dir.resolve("home")
                            .resolve("cache")
                            .resolve("dragoman")
                            .resolve("cache.db");
                    assertThat(r.out().strip()).isEqualTo(db.toString());
                    assertThat(db).isRegularFile();
                });
        c.put(
                "cache clear",
                r -> { // everything
                    assertThat(r.out()).containsPattern("Removed [1-9]\\d* entries");
                    assertThat(entries()).isZero();
                });
        c.put(
                "eval summarize",
                r -> // ROUGE beside Lead-1/Lead-3
                assertThat(r.out()).contains("ROUGE").contains("Lead-1").contains("Lead-3"));
        return c;
    }

    /**
     * {@code source <(dragoman completion bash|zsh)}: the shell accepts the script and then completes dragoman's
     * commands. Without zsh the zsh line is skipped on a developer's machine and fails under CI ({@code CI=true}),
     * where {@code .ci/run} installs it.
     */
    private void completes(CliRunner cli, String line) throws Exception {
        String shell = line.contains("completion zsh") ? "zsh" : "bash";
        assertThat(line).contains("dragoman completion " + shell);
        CliRunner.Result r = cli.run("completion", shell);
        assertThat(r.code()).as(r.err()).isZero();
        Path script = Files.writeString(dir.resolve("completion." + shell), r.out(), StandardCharsets.UTF_8);
        // bash: 'complete -F _complete_dragoman dragoman'; zsh (compinit, bashcompinit): the same function in _comps
        String show = shell.equals("bash") ? "complete -p dragoman" : "print -r -- ${_comps[dragoman]}";
        List<String> command = shell.equals("bash")
                ? List.of("bash", "-c", "source " + script + " && " + show)
                : List.of("zsh", "-f", "-c", "source " + script + " && " + show);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", dir.resolve("home").toString());
        Process process;
        try {
            process = builder.start();
        } catch (java.io.IOException e) {
            assertThat("true".equals(System.getenv("CI")))
                    .as("CI=true and no " + shell + " (.ci/run installs it)")
                    .isFalse();
            System.err.println("ReadmeUsageTest: no " + shell + " here, '" + line + "' not run");
            return;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).as(line).contains("_complete_dragoman");
    }

    /**
     * Every line as written, then the alternatives its comment names in place of its last word: {@code cache stats
     * # …; also prune|path|clear} is also {@code cache prune}, {@code cache path} and {@code cache clear}, and
     * {@code source <(dragoman completion bash) # or zsh} is also the zsh line. Comments are dropped.
     */
    static List<String> variants(List<String> lines) {
        List<String> all = new ArrayList<>();
        Pattern alternatives = Pattern.compile("(?:also|or) ([\\w-]+(?:\\|[\\w-]+)*)\\s*$");
        Pattern lastWord = Pattern.compile("[\\w-]+(?=\\)?$)");
        for (String line : lines) {
            String command = line.replaceFirst("\\s+#.*$", "").strip();
            all.add(command);
            int hash = line.indexOf(" #");
            Matcher m = alternatives.matcher(hash < 0 ? "" : line.substring(hash));
            if (m.find()) {
                for (String alternative : m.group(1).split("\\|")) {
                    all.add(lastWord.matcher(command).replaceFirst(alternative));
                }
            }
        }
        return all;
    }

    /** A configuration whose translation backend is the simulation of OpenAI's API, and its key. */
    private CliRunner configured() throws java.io.IOException {
        CliRunner configured = new CliRunner(dir.resolve("home")).env("OPENAI_API_KEY", "sk-readme-usage-000000");
        configured.config("backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    base-url: "
                + sim.openAiBaseUrl() + "\ntranslate:\n  backend: gpt\n");
        this.cli = configured;
        return configured;
    }

    private static String[] with(List<String> command, String... more) {
        return Stream.concat(command.stream(), Stream.of(more)).toArray(String[]::new);
    }

    private static List<String> fileNames(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code out} is what {@code --format FORMAT} promises. */
    static void assertFormat(String format, String out, String what) {
        assertThat(out).as(what).isNotBlank();
        switch (format) {
            case "json" -> assertThat(json(out).isContainerNode()).as(what).isTrue();
            case "jsonl" ->
                assertThat(out.lines().toList())
                        .as(what)
                        .allSatisfy(l -> assertThat(json(l).isObject()).isTrue());
            case "md" -> assertThat(out).as(what).containsPattern("(?m)^(# |\\|)");
            case "html" -> assertThat(out).as(what).startsWith("<!DOCTYPE html>");
            default -> // not JSON ("[EN] …" is a simulated translation's text), not HTML
                assertThat(out.strip())
                        .as(what)
                        .doesNotStartWith("{")
                        .doesNotStartWith("<!DOCTYPE")
                        .doesNotMatch("(?s)\\[\\s*[\\[{\\]].*");
        }
    }

    /** The REQUESTS column of an estimate table's row for ROLE. */
    private static int requests(String table, String role) {
        List<String> header = List.of(table.lines().findFirst().orElseThrow().split(" {2,}"));
        String row = table.lines()
                .filter(l -> l.startsWith(role + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + role + " row in\n" + table));
        return Integer.parseInt(row.split(" {2,}")[header.indexOf("REQUESTS")]);
    }

    /** The cache's entry count, as {@code cache stats --format json} reports it. */
    private long entries() {
        CliRunner.Result stats = cli.run("cache", "stats", "--format", "json");
        assertThat(stats.code()).as(stats.err()).isZero();
        return json(stats.out()).get("entries").asLong();
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

package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every HTML output — parse, summarize, brief, a bilingual translation, a batch digest — in Arabic and English,
 * opened in headless Chromium (Debian's {@code chromium}, driven by playwright-core from {@code src/test/browser})
 * in light, dark, phone and print modes: screenshots in {@code target/html-check/screenshots}, and the layout
 * checked by {@code check.mjs} (measure, no sideways scrolling, right-to-left, Arabic fonts, contrast, print, the
 * date/agency/source line). Without node, chromium or the npm install the test is skipped on a developer's machine
 * and fails under CI ({@code CI=true}), where {@code .ci/run} installs them.
 */
class HtmlOutputsBrowserTest {

    private static final Path BROWSER = Path.of("src", "test", "browser");
    private static final Path CHECK = Path.of("target", "html-check");
    private static final String ENGLISH = """
            Syria and Iraq agree to share Euphrates flow data

            DAMASCUS, June 25 (Reuters) - Syria and Iraq will share daily measurements of the Euphrates river's flow, \
            their foreign ministers said in Damascus on Tuesday, as drought and upstream dams shrink the waters both \
            countries depend on.

            The ministers told reporters a joint monitoring station would be set up near the border, and that they \
            would jointly ask Ankara to release more water in the summer months.

            The flow of the Euphrates into Syria has more than halved in recent years, according to UN figures.
            """;

    private final SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults());

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void should_render_every_html_output_readably_in_chromium() throws Exception {
        // given the tools (skipped locally without them; CI must have them)
        String missing = missingTools();
        if (missing != null) {
            assertThat("true".equals(System.getenv("CI")))
                    .as("CI=true and " + missing + " (.ci/run installs chromium and runs npm ci)")
                    .isFalse();
            Assumptions.abort(missing);
        }
        Path pages = Files.createDirectories(CHECK.resolve("pages").toAbsolutePath());
        try (Stream<Path> old = Files.list(pages)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Path seed = ParseCommandTest.SEED.toAbsolutePath();
        Path english = Files.writeString(home.resolve("euphrates.en.txt"), ENGLISH, StandardCharsets.UTF_8);
        CliRunner cli = configured();

        // when every command writes its HTML
        write(cli, pages.resolve("parse-ar.html"), "parse", seed.toString(), "-f", "html");
        write(cli, pages.resolve("parse-en.html"), "parse", english.toString(), "-f", "html");
        write(cli, pages.resolve("summarize-ar.html"), "summarize", seed.toString(), "-f", "html", "-n", "2");
        write(
                cli,
                pages.resolve("summarize-en-bullets.html"),
                "summarize",
                english.toString(),
                "-f",
                "html",
                "--style",
                "bullets");
        write(
                cli,
                pages.resolve("brief-ar-to-en.html"),
                "brief",
                seed.toString(),
                "--to",
                "en",
                "-f",
                "html",
                "--backend",
                "gpt",
                "--no-cache");
        write(
                cli,
                pages.resolve("translate-bilingual.html"),
                "translate",
                seed.toString(),
                "--to",
                "en",
                "--bilingual",
                "-f",
                "html",
                "--no-cache");
        Path in = Files.createDirectories(home.resolve("in"));
        Files.copy(seed, in.resolve("sana.ar.txt"));
        Files.copy(english, in.resolve("euphrates.en.txt"));
        Files.writeString(in.resolve("broken.txt"), "");
        CliRunner.Result batch = cli.run(
                "batch", in.toString(), "--out", home.resolve("out").toString(), "--summarize", "--progress", "lines");
        assertThat(batch.code()).as(batch.err()).isEqualTo(65);
        Path digest;
        try (Stream<Path> files = Files.list(home.resolve("out").resolve("digests"))) {
            digest = files.filter(p -> p.toString().endsWith(".html"))
                    .findFirst()
                    .orElseThrow();
        }
        Files.copy(digest, pages.resolve("digest.html"));

        // then
        Path shots = CHECK.resolve("screenshots").toAbsolutePath();
        Process node = new ProcessBuilder(
                        "node", BROWSER.resolve("check.mjs").toString(), pages.toString(), shots.toString())
                .redirectErrorStream(true)
                .start();
        String report = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(5, TimeUnit.MINUTES)).as("check.mjs finished").isTrue();
        assertThat(node.exitValue()).as(report).isZero();
        try (Stream<Path> png = Files.list(shots)) {
            assertThat(png.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(7 * 4);
        }
    }

    private CliRunner configured() throws Exception {
        CliRunner cli = new CliRunner(home).env("OPENAI_API_KEY", "sk-html-check-000000");
        cli.config("backends:\n  gpt:\n    type: openai\n    base-url: " + sim.openAiBaseUrl()
                + "\ntranslate:\n  backend: gpt\n");
        return cli;
    }

    private static void write(CliRunner cli, Path page, String... args) throws Exception {
        CliRunner.Result r = cli.run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        assertThat(r.out()).startsWith("<!DOCTYPE html>");
        Files.writeString(page, r.out(), StandardCharsets.UTF_8);
    }

    /** What is missing to run the browser check, or null. */
    private static String missingTools() {
        for (List<String> probe : List.of(List.of("node", "--version"), List.of(chromium(), "--version"))) {
            try {
                Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return probe.get(0) + " does not run";
                }
            } catch (Exception e) {
                return probe.get(0) + " is not installed";
            }
        }
        if (!Files.isDirectory(BROWSER.resolve("node_modules").resolve("playwright-core"))) {
            return "playwright-core is not installed (npm ci --prefix cli/src/test/browser)";
        }
        return null;
    }

    private static String chromium() {
        String c = System.getenv("CHROMIUM");
        return c == null || c.isBlank() ? "/usr/bin/chromium" : c;
    }
}

package dev.dragoman.cli.faults;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.Main;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One fault scenario's fixture: a corpus of generated wire stories written as files, a configuration file whose
 * translation backend is the simulated backend, and {@code dragoman batch} run in process through {@link Main}
 * exactly as a user would run it (only the environment is injected).
 */
final class FaultBatch {

    static final String TARGET = "en";
    /** The target as the DeepL backend sends it (DeepL wants a regional English). */
    static final String DEEPL_TARGET = "EN-US";
    /** The target as the LLM backend's prompt names it ("English (en)"). */
    static final String LLM_TARGET = "en";

    final Path dir;
    final SimulatedBackend sim;
    final List<WireCorpus.Item> corpus;
    final Path in;
    private final Map<String, String> env;

    FaultBatch(Path dir, SimulatedBackend sim, int articles, long seed) {
        this.dir = dir;
        this.sim = sim;
        this.corpus = WireCorpus.generate(articles, seed);
        this.in = dir.resolve("in");
        WireCorpus.writeWire(corpus, in);
        this.env = Map.of(
                "HOME",
                dir.toString(),
                "XDG_CACHE_HOME",
                dir.resolve("xdg-cache").toString(),
                "XDG_CONFIG_HOME",
                dir.resolve("xdg-config").toString(),
                "SIM_KEY",
                "sim-key:fx");
    }

    /** A configuration naming the simulator as backend {@code sim} ({@code deepl} or {@code openai} shape). */
    Path config(String name, String type, String backendExtra, String cacheBlock) {
        List<String> lines = new ArrayList<>(List.of(
                "backends:",
                "  sim:",
                "    type: " + type,
                "    base-url: " + (type.equals("openai") ? sim.openAiBaseUrl() : sim.baseUrl()),
                "    api-key-env: SIM_KEY"));
        if (type.equals("openai")) {
            lines.add("    model: gpt-sim");
        }
        if (backendExtra != null) {
            backendExtra.lines().forEach(l -> lines.add("    " + l));
        }
        lines.add("translate:");
        lines.add("  backend: sim");
        lines.add("cache:");
        cacheBlock.lines().forEach(l -> lines.add("  " + l));
        Path file = dir.resolve(name + ".yaml");
        try {
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** SQLite cache block at {@code file}. */
    static String sqlite(Path file) {
        return "store: sqlite\npath: " + file;
    }

    record Result(int exit, String out, String err) {}

    /** {@code dragoman batch IN --out OUT --translate-to en --jobs N --config CONFIG [extra…]}. */
    Result batch(Path config, Path out, int jobs, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "batch",
                "--config",
                config.toString(),
                in.toString(),
                "--out",
                out.toString(),
                "--translate-to",
                TARGET,
                "--jobs",
                Integer.toString(jobs),
                "--progress",
                "lines"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    /** Any {@code dragoman} command, run in process with this fixture's environment. */
    Result run(String... args) {
        StringWriter out1 = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new CliContext(env, new ByteArrayInputStream(new byte[0]), false),
                new PrintWriter(out1),
                new PrintWriter(err),
                args);
        return new Result(exit, out1.toString(), err.toString());
    }

    /** The environment the batch runs with (for a child process). */
    Map<String, String> env() {
        return env;
    }

    BatchOutcome outcome(Path out) {
        return BatchOutcome.read(out, corpus);
    }
}

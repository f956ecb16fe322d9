package dev.dragoman.cli;

import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@link Main#run(CliContext, PrintWriter, PrintWriter, String...)} with an environment of the test's own
 * (HOME and XDG dirs inside a temporary directory, so the real user's configuration and cache are never touched).
 */
final class CliRunner {

    /** What a run printed and returned. */
    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private byte[] stdin = new byte[0];

    CliRunner(Path home) {
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRunner stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Path configFile() {
        return Path.of(env.get("XDG_CONFIG_HOME"), "dragoman", "config.yaml");
    }

    /** Writes {@code yaml} as the configuration file (making its directory); returns this runner. */
    CliRunner config(String yaml) throws IOException {
        Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), yaml, StandardCharsets.UTF_8);
        return this;
    }

    /** The configuration entry (under {@code backends:}) of a DeepL backend {@code name} at the simulator. */
    static String deeplAt(String name, SimulatedBackend sim) {
        return "  " + name + ":\n    type: deepl\n    base-url: " + sim.baseUrl() + "\n";
    }

    /** The configuration entry (under {@code backends:}) of an OpenAI backend {@code name} at the simulator. */
    static String openAiAt(String name, String model, SimulatedBackend sim) {
        return "  " + name + ":\n    type: openai\n    model: " + model + "\n    base-url: " + sim.openAiBaseUrl()
                + "\n";
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(env, new ByteArrayInputStream(stdin));
        int code = Main.run(context, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}

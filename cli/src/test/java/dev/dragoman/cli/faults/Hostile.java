package dev.dragoman.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.Main;
import dev.dragoman.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Runs {@code dragoman} in process as a careless user or an attacker would, capturing every stream and the logs. */
final class Hostile {

    final Path home;
    final Map<String, String> env = new HashMap<>();

    Hostile(Path home) {
        this.home = home;
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("xdg-config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("xdg-cache").toString());
    }

    /** What one run printed: standard output, the command's stderr, and library logging (System.err). */
    record Result(int exit, String out, String err, String logs) {
        String all() {
            return out + err + logs;
        }
    }

    Result run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    synchronized Result run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream realErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run(new CliContext(env, stdin, false), new PrintWriter(out), new PrintWriter(err), args);
        } finally {
            System.err.flush();
            System.setErr(realErr);
        }
        return new Result(exit, out.toString(), err.toString(), logs.toString(StandardCharsets.UTF_8));
    }

    Path writeConfig(String yaml) {
        Path file = home.resolve("config.yaml");
        try {
            Files.createDirectories(home);
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Every byte of every file under {@code dir} (binary files too, read as Latin-1 so any ASCII key shows). */
    static String everyFileUnder(Path dir) {
        if (!Files.exists(dir)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1))
                        .append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /**
     * A DeepL {@code /v2/translate} answer in its documented shape ({@code {translations: [{detected_source_language,
     * text}]}}) to a JSON request, each of its texts passed through {@code translate}; a 500 naming the problem when
     * the request cannot be read. The builder, so a test can add headers.
     */
    static MockResponse.Builder deeplAnswer(RecordedRequest request, UnaryOperator<String> translate) {
        try {
            JsonNode body = Json.mapper().readTree(request.getBody().utf8());
            ObjectNode answer = Json.mapper().createObjectNode();
            ArrayNode translations = answer.putArray("translations");
            for (JsonNode t : body.path("text")) {
                translations.addObject().put("detected_source_language", "AR").put("text", translate.apply(t.asText()));
            }
            return new MockResponse.Builder()
                    .code(200)
                    .addHeader("Content-Type", "application/json")
                    .body(Json.mapper().writeValueAsString(answer));
        } catch (IOException | RuntimeException e) {
            return new MockResponse.Builder().code(500).body(e.toString());
        }
    }
}

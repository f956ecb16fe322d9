package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One {@code --format} on every command that prints data, the same five values everywhere. */
class FormatOptionTest {

    @TempDir
    Path home;

    @Test
    void should_print_every_data_command_in_all_five_formats() throws Exception {
        // given
        Path dev = Files.copy(
                Path.of("..", "summarize", "src", "test", "resources", "eval", "tiny.en.jsonl"),
                home.resolve("dev.jsonl"));
        List<List<String>> commands = List.of(
                List.of("backends"),
                List.of("cache", "stats"),
                List.of("cache", "path"),
                List.of("eval", "summarize", "--dataset", dev.toString()),
                List.of("config", "show"),
                List.of("detect", ParseCommandTest.SEED.toString()));
        CliRunner cli = new CliRunner(home);
        for (List<String> command : commands) {
            for (String format : List.of("text", "json", "jsonl", "md", "html")) {
                // when
                String[] args = java.util.stream.Stream.concat(
                                command.stream(), java.util.stream.Stream.of("--format", format))
                        .toArray(String[]::new);
                CliRunner.Result r = cli.run(args);
                // then
                String what = String.join(" ", args);
                assertThat(r.code()).as(what + "\n" + r.err()).isZero();
                assertThat(r.out()).as(what).isNotBlank();
                switch (format) {
                    case "json" ->
                        assertThat(Json.mapper().readTree(r.out()).isContainerNode())
                                .as(what)
                                .isTrue();
                    case "jsonl" ->
                        assertThat(r.out().lines().toList())
                                .as(what)
                                .allSatisfy(l -> assertThat(
                                                Json.mapper().readTree(l).isObject())
                                        .isTrue());
                    case "md" -> assertThat(r.out()).as(what).contains("|");
                    case "html" ->
                        assertThat(r.out())
                                .as(what)
                                .startsWith("<!DOCTYPE html>")
                                .contains("<table");
                    default ->
                        assertThat(r.out()).as(what).doesNotStartWith("{").doesNotStartWith("[");
                }
            }
        }
    }

    @Test
    void should_print_config_show_as_json_rather_than_take_format_for_a_setting() throws Exception {
        // when
        CliRunner.Result r = new CliRunner(home).run("config", "show", "--format", "json");
        CliRunner.Result legacy = new CliRunner(home).run("cache", "stats", "--json");
        // then
        JsonNode rows = Json.mapper().readTree(r.out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.findValuesAsText("name")).contains("translate.backend", "format");
        assertThat(Json.mapper().readTree(legacy.out()).has("entries")).isTrue();
        assertThat(new CliRunner(home).run("backends", "--format", "pdf").code())
                .isEqualTo(2);
    }
}

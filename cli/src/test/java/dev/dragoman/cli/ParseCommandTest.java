package dev.dragoman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {

    static final Path SEED = Path.of("..", "examples", "sana-2024-06-25-lukashenko.ar.txt")
            .toAbsolutePath()
            .normalize();
    static final String HEADLINE = "لوكاشينكو يؤكد دعم بلاده لروسيا في المنابر الدولية";

    @TempDir
    Path home;

    private CliRunner cli() {
        return new CliRunner(home);
    }

    @Test
    void should_print_the_seed_as_json_by_default() throws Exception {
        // when
        CliRunner.Result r = cli().run("parse", SEED.toString());
        // then
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("headline").asText()).isEqualTo(HEADLINE);
        assertThat(json.get("published").get("date").asText()).isEqualTo("2024-06-25");
        assertThat(json.get("dateline").get("place").asText()).isEqualTo("موسكو");
        assertThat(json.get("paragraphs")).hasSize(5);
        assertThat(json.get("related").get(0).get("headline").asText())
                .isEqualTo("مصر وروسيا تبحثان مستجدات القضايا الإقليمية والدولية");
    }

    @Test
    void should_write_detects_table_of_every_input_to_the_output_file() throws Exception {
        // given
        Path out = home.resolve("languages.md");
        Path copy = Files.copy(SEED, home.resolve("copy.txt"));
        // when
        CliRunner.Result r = cli().run("detect", SEED.toString(), copy.toString(), "-f", "md", "-o", out.toString());
        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out).lines().filter(l -> l.contains("| ar ")))
                .hasSize(2);
    }

    @Test
    void should_read_standard_input_and_write_each_format() throws Exception {
        String seed = Files.readString(SEED, StandardCharsets.UTF_8);
        // when
        CliRunner.Result text = cli().stdin(seed).run("parse", "-", "--format", "text");
        CliRunner.Result md = cli().stdin(seed).run("parse", "--format", "md");
        CliRunner.Result html = cli().stdin(seed).run("parse", "-", "-f", "html");
        // then
        assertThat(text.code()).isZero();
        assertThat(text.out().lines().toList()).startsWith(HEADLINE, "25th, June 2024 GMT", "موسكو-سانا");
        assertThat(text.out()).contains("المصدر: الوكالة العربية السورية للأنباء\nإقرأ أيضاً:\n");
        assertThat(md.out()).startsWith("# " + HEADLINE + "\n");
        assertThat(html.out()).contains("<html lang=\"ar\" dir=\"rtl\">");
    }

    @Test
    void should_take_the_format_from_the_environment_over_the_file_and_the_flag_over_both() throws Exception {
        // given
        CliRunner cli = cli();
        cli.config("format: md\n");
        // then
        assertThat(cli.run("parse", SEED.toString()).out()).startsWith("# ");
        cli.env("DRAGOMAN_FORMAT", "html");
        assertThat(cli.run("parse", SEED.toString()).out()).startsWith("<!DOCTYPE html>");
        assertThat(cli.run("parse", SEED.toString(), "--format", "text").out()).startsWith(HEADLINE);
    }

    @Test
    void should_refuse_several_documents_on_stdout_but_write_jsonl_or_a_directory() throws Exception {
        // given
        Path in = home.resolve("in");
        Files.createDirectories(in.resolve("sub"));
        Files.copy(SEED, in.resolve("a.txt"));
        Files.copy(SEED, in.resolve("sub/b.txt"));
        Files.writeString(in.resolve(".hidden"), "x", StandardCharsets.UTF_8);
        Path out = home.resolve("out");
        // when
        CliRunner.Result mixed = cli().run("parse", in.toString());
        CliRunner.Result jsonl = cli().run("parse", in.toString(), "--format", "jsonl");
        CliRunner.Result dir = cli().run("parse", in.toString(), "-o", out + "/", "--format", "md");
        CliRunner.Result glob = cli().run("parse", in + "/*.txt", "--format", "jsonl");
        CliRunner.Result deepGlob = cli().run("parse", in + "/**.txt", "--format", "jsonl");
        // then
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).contains("2 inputs: write one file per input with -o DIR, or use --format jsonl");
        assertThat(jsonl.code()).isZero();
        assertThat(jsonl.out().lines().toList())
                .hasSize(2)
                .allSatisfy(line -> assertThat(
                                Json.mapper().readTree(line).get("headline").asText())
                        .isEqualTo(HEADLINE));
        assertThat(dir.code()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("a.md", "b.md");
        }
        assertThat(glob.out().lines().toList()).hasSize(1);
        assertThat(deepGlob.out().lines().toList()).hasSize(2);
    }

    @Test
    void should_keep_going_past_a_bad_input_and_exit_65() throws Exception {
        // given
        Path in = home.resolve("in");
        Files.createDirectories(in);
        Files.write(in.resolve("a-binary.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
        Files.copy(SEED, in.resolve("b.txt"));
        Path out = home.resolve("out");
        // when
        CliRunner.Result r = cli().run("parse", in.toString(), "-o", out + "/");
        // then
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err())
                .contains("a-binary.txt")
                .contains("1 of 2 inputs failed")
                .doesNotContain("\tat ");
        assertThat(Files.exists(out.resolve("b.json"))).isTrue();
    }

    @Test
    void should_refuse_several_inputs_into_one_named_file_and_name_the_fixes() throws Exception {
        // given
        Path in = home.resolve("in");
        Files.createDirectories(in);
        Files.copy(SEED, in.resolve("a.txt"));
        Files.copy(SEED, in.resolve("b.txt"));
        Path named = home.resolve("NAME.md");
        // when
        CliRunner.Result r = cli().run("parse", in.toString(), "-o", named.toString(), "--format", "md");
        CliRunner.Result slash = cli().run("parse", in.toString(), "-o", named + "/", "--format", "md");
        CliRunner.Result jsonl = cli().run(
                        "parse", in.toString(), "-o", home.resolve("all.jsonl").toString(), "-f", "jsonl");
        // then
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("2 inputs and -o " + named + " names one file")
                .contains("-o " + named + "/")
                .contains("--format jsonl");
        assertThat(slash.code()).as(slash.err()).isZero();
        assertThat(named.resolve("a.md")).exists();
        assertThat(jsonl.code()).as(jsonl.err()).isZero();
        assertThat(Files.readAllLines(home.resolve("all.jsonl"))).hasSize(2);
    }

    @Test
    void should_say_in_one_line_that_a_file_is_missing() {
        CliRunner.Result r = cli().run("parse", "no-such-file.txt");
        assertThat(r.code()).isEqualTo(65);
        assertThat(r.err()).isEqualTo("dragoman: no-such-file.txt: no such file or directory" + System.lineSeparator());
    }

    @Test
    void should_print_timings_with_verbose_and_nothing_extra_with_quiet() throws Exception {
        Path out = home.resolve("o.json");
        CliRunner.Result verbose = cli().run("parse", SEED.toString(), "--verbose");
        CliRunner.Result quiet = cli().run("parse", SEED.toString(), SEED.toString(), "-o", home + "/dir/", "--quiet");
        assertThat(verbose.err()).containsPattern("read .*sana-2024-06-25-lukashenko.ar.txt: \\d+ ms");
        assertThat(quiet.err()).isEmpty();
        assertThat(cli().run("parse", SEED.toString(), "-o", out.toString()).out())
                .isEmpty();
        assertThat(Json.mapper().readTree(out.toFile()).get("headline").asText())
                .isEqualTo(HEADLINE);
    }

    @Test
    void should_detect_language_and_confidence_per_input() throws Exception {
        // given
        Path copy = home.resolve("copy.txt");
        Files.copy(SEED, copy);
        // when
        CliRunner.Result text = cli().run("detect", SEED.toString(), copy.toString());
        CliRunner.Result json = cli().stdin("Lukashenko affirmed his country's support for Russia in all "
                        + "international forums, the president said on Tuesday in Minsk.")
                .run("detect", "-", "--format", "json");
        // then
        assertThat(text.code()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).matches(".*\tar\t\\d\\.\\d\\d\tArabic"));
        JsonNode node = Json.mapper().readTree(json.out());
        assertThat(node.get("language").asText()).isEqualTo("en");
        assertThat(node.get("confidence").asDouble()).isGreaterThan(0.9);
        CliRunner.Result html = cli().run("detect", SEED.toString(), copy.toString(), "--format", "html");
        assertThat(html.code()).as(html.err()).isZero();
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<td dir=\"auto\">ar</td>");
    }
}

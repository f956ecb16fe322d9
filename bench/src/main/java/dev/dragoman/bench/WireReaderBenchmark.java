package dev.dragoman.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.read.ArticleReaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The wire reader on real copy from ../shared/data: the 30 SPA wire stories (raw agency copy) and the ANT Arabic
 * and BBC English articles re-assembled as "title, then one paragraph per line" (web copy, no agency layout). For
 * each set: stories read without error, share with a headline, a dateline, a parsed date and a body, paragraph
 * counts kept (ANT/BBC: paragraphs out = lines in, minus marker and rule lines), and read time per story.
 *
 * <p>Usage: {@code WireReaderBenchmark <repo root>}; prints a markdown section, or a "skipped" line without the data.
 */
public final class WireReaderBenchmark {

    private WireReaderBenchmark() {}

    private record Input(String name, byte[] bytes, int lines) {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = DevSets.dataDir(root);
        StringBuilder out = new StringBuilder("## Wire reader on real copy\n\n");
        if (data == null) {
            System.out.print(out.append("SKIPPED: no figures — the public dev data (../shared/data, with wire/ and"
                    + " eval/) was not found beside or above " + root + "; this benchmark measures only that data\n"));
            return;
        }
        ArticleReaders readers = ArticleReaders.standard();
        readers.readArticle("warm up\nPARIS (AFP) - text.".getBytes(StandardCharsets.UTF_8), "warm.txt");
        out.append("| set | stories | read without error | headline | dateline | parsed date | body | paragraphs kept "
                + "| ms per story |\n|---|---|---|---|---|---|---|---|---|\n");
        List<Input> spa = new ArrayList<>();
        Path spaDir = data.resolve("wire/spa");
        if (Files.isDirectory(spaDir)) {
            try (Stream<Path> files = Files.list(spaDir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt"))
                        .sorted()
                        .toList()) {
                    spa.add(new Input(p.getFileName().toString(), Files.readAllBytes(p), -1));
                }
            }
            out.append(row("SPA wire (raw agency copy)", readers, spa));
        }
        for (String set : List.of("ant-arabic-standfirst", "bbc-news-summary-en")) {
            Path file = data.resolve("eval/" + set + ".dev.jsonl");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<Input> inputs = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode j = Json.mapper().readTree(line);
                String text = j.get("text").asText();
                int lines = (int) text.lines().filter(l -> !l.isBlank()).count();
                inputs.add(new Input(
                        j.get("id").asText(),
                        (j.get("title").asText() + "\n" + text).getBytes(StandardCharsets.UTF_8),
                        lines));
            }
            out.append(row(set + " (title + paragraphs)", readers, inputs));
        }
        out.append(FieldsRight.section(data, readers));
        out.append("\nSPA: 3 of the 30 are continuation parts (\"إضافة …\"), which carry no dateline and no date by "
                + "design. ANT/BBC carry no date lines; \"paragraphs kept\" counts articles whose paragraphs equal their"
                + " text lines, where the difference is only rule lines (\"-----\") and link markers kept in"
                + " `unclassified`.\n");
        System.out.print(out);
    }

    private static String row(String label, ArticleReaders readers, List<Input> inputs) {
        int ok = 0;
        int headline = 0;
        int dateline = 0;
        int date = 0;
        int body = 0;
        int kept = 0;
        int withLines = 0;
        long nanos = 0;
        for (Input in : inputs) {
            long t0 = System.nanoTime();
            Article a;
            try {
                a = readers.readArticle(in.bytes(), in.name());
            } catch (InvalidInputException e) {
                continue;
            } finally {
                nanos += System.nanoTime() - t0;
            }
            ok++;
            headline += a.headline() != null && !a.headline().isBlank() ? 1 : 0;
            dateline += a.dateline() != null ? 1 : 0;
            date += a.published() != null && a.published().day() != null ? 1 : 0;
            body += a.paragraphs().isEmpty() ? 0 : 1;
            if (in.lines() >= 0) {
                withLines++;
                int accounted = a.paragraphs().size()
                        + a.unclassified().size()
                        + a.related().size();
                kept += a.paragraphs().size() == in.lines() || accounted >= in.lines() ? 1 : 0;
            }
        }
        int n = inputs.size();
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d/%d | %d/%d | %d/%d | %d/%d | %d/%d | %s | %.2f |%n",
                label,
                n,
                ok,
                n,
                headline,
                n,
                dateline,
                n,
                date,
                n,
                body,
                n,
                withLines == 0 ? "n/a" : kept + "/" + withLines,
                nanos / 1e6 / Math.max(1, n));
    }
}

package dev.dragoman.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.Published;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.read.ArticleJsonReader;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.pipeline.batch.Scripted.ScriptedSummarizer;
import dev.dragoman.pipeline.batch.Scripted.ScriptedTranslator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class BatchEngineTest {

    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2024-06-26T07:00:00Z"), ZoneOffset.UTC);

    public static Article article(int n) {
        return Article.builder()
                .language(Language.ARABIC)
                .headline("خبر رقم " + n)
                .published(Published.ofDate("2024-06-25", LocalDate.of(2024, 6, 25)))
                .paragraph("الفقرة الأولى من الخبر رقم " + n + "، وفيها تفاصيل الحدث.")
                .paragraph("الفقرة الثانية من الخبر رقم " + n + ".")
                .source("سانا")
                .build();
    }

    private Path writeArticles(int count) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (int i = 1; i <= count; i++) {
            Files.writeString(
                    in.resolve(String.format("a%03d.json", i)),
                    Json.mapper().writeValueAsString(article(i)),
                    StandardCharsets.UTF_8);
        }
        return in;
    }

    private BatchEngine engine(Path in, Path out, ScriptedTranslator t, ScriptedSummarizer s, int jobs) {
        return engine(in, out, t, s, jobs, ArticleReaders.standard());
    }

    private BatchEngine engine(
            Path in, Path out, ScriptedTranslator t, ScriptedSummarizer s, int jobs, ArticleReaders readers) {
        BatchOptions options = new BatchOptions(
                List.of(in.toString()), out, Language.ENGLISH, true, null, jobs, null, null, "scripted");
        return BatchEngine.builder(options)
                .translator(Scripted.backend(t))
                .summarizer(s)
                .fetcher(url -> {
                    throw new AssertionError("no fetch expected");
                })
                .readers(readers)
                .clock(clock)
                .build();
    }

    /** The standard readers, with every JSON file's name recorded in {@code reads} as it is parsed. */
    static ArticleReaders counting(List<String> reads) {
        ArticleJsonReader json = new ArticleJsonReader();
        return ArticleReaders.standard().withReader("json", (text, name) -> {
            reads.add(Path.of(name).getFileName().toString());
            return json.read(text, name);
        });
    }

    @Test
    void should_write_outputs_with_the_umasks_mode_and_keep_only_the_journal_private() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews()
                .contains("posix"));
        // given: the mode a plain new file gets under this process's umask (0644 under the usual 022)
        Set<java.nio.file.attribute.PosixFilePermission> umaskMode =
                Files.getPosixFilePermissions(Files.createFile(tmp.resolve("plain")));
        Path in = writeArticles(2);
        Path out = tmp.resolve("out");
        // when
        engine(in, out, new ScriptedTranslator(), new ScriptedSummarizer(), 1).run(BatchListener.NONE, false);
        // then
        List<Path> outputs;
        try (Stream<Path> files = Files.walk(out)) {
            outputs = files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(out.resolve(BatchEngine.STATE_DIR)))
                    .toList();
        }
        assertThat(outputs)
                .anySatisfy(p -> assertThat(p.toString()).contains("articles"))
                .allSatisfy(p -> assertThat(Files.getPosixFilePermissions(p))
                        .as(p.toString())
                        .isEqualTo(umaskMode));
        assertThat(PosixModes.of(out.resolve(BatchEngine.STATE_DIR))).isEqualTo("rwx------");
        assertThat(PosixModes.of(out.resolve(BatchEngine.STATE_DIR).resolve("journal.jsonl")))
                .isEqualTo("rw-------");
    }

    /** Modes as {@code ls} shows them. */
    static final class PosixModes {
        static String of(Path p) throws IOException {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        }
    }

    @Test
    void should_skip_a_finished_unchanged_file_without_reading_it_and_redo_a_modified_one() throws Exception {
        // given a finished batch of 5 files, with every parse counted
        Path in = writeArticles(5);
        Path out = tmp.resolve("out");
        ScriptedTranslator t = new ScriptedTranslator();
        ScriptedSummarizer s = new ScriptedSummarizer();
        List<String> reads = java.util.Collections.synchronizedList(new ArrayList<>());
        ArticleReaders counting = counting(reads);
        RunReport first = engine(in, out, t, s, 2, counting).run(BatchListener.NONE, false);
        assertThat(first.done()).isEqualTo(5);
        assertThat(reads).hasSize(5);
        // and one file replaced by another article afterwards (new size and modification time)
        Path changed = in.resolve("a003.json");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(changed);
        Files.writeString(changed, Json.mapper().writeValueAsString(article(33)), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(
                changed,
                java.nio.file.attribute.FileTime.from(before.toInstant().plusSeconds(10)));
        reads.clear();
        int translatedBefore = t.total();

        // when the same batch runs again
        RunReport second = engine(in, out, t, s, 2, counting).run(BatchListener.NONE, false);

        // then only the modified file is read, and its new article is done; the rest are skipped unread
        assertThat(reads).containsExactly("a003.json");
        assertThat(second.done()).isEqualTo(1);
        assertThat(second.skipped()).isEqualTo(4);
        assertThat(second.failed()).isZero();
        assertThat(t.total()).isEqualTo(translatedBefore + 1);
        assertThat(out.resolve("articles").resolve(article(33).id() + ".json")).exists();
        assertThat(second.entries()).hasSize(5);

        // and a third run reads nothing at all
        reads.clear();
        RunReport third = engine(in, out, t, s, 2, counting).run(BatchListener.NONE, false);
        assertThat(reads).isEmpty();
        assertThat(third.skipped()).isEqualTo(5);
        assertThat(third.done()).isZero();
    }

    @Test
    void should_read_a_file_again_when_only_its_modification_time_changed() throws Exception {
        // given a finished batch of 2 files
        Path in = writeArticles(2);
        Path out = tmp.resolve("out");
        ScriptedTranslator t = new ScriptedTranslator();
        ScriptedSummarizer s = new ScriptedSummarizer();
        List<String> reads = java.util.Collections.synchronizedList(new ArrayList<>());
        ArticleReaders counting = counting(reads);
        engine(in, out, t, s, 1, counting).run(BatchListener.NONE, false);
        Path touched = in.resolve("a002.json");
        Files.setLastModifiedTime(
                touched,
                java.nio.file.attribute.FileTime.from(
                        Files.getLastModifiedTime(touched).toInstant().minusSeconds(3600)));
        reads.clear();
        int translatedBefore = t.total();
        // when
        RunReport second = engine(in, out, t, s, 1, counting).run(BatchListener.NONE, false);
        // then it is read again, but its unchanged content is recognised as done (no backend call)
        assertThat(reads).containsExactly("a002.json");
        assertThat(second.skipped()).isEqualTo(2);
        assertThat(t.total()).isEqualTo(translatedBefore);
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(Json.mapper().readTree(line));
        }
        return out;
    }

    private static long files(Path dir, String ext) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(ext)).count();
        }
    }

    @Test
    void should_have_written_every_items_journal_record_before_it_counts_as_finished() throws Exception {
        // given 40 files and 4 jobs (so journal writes from several workers are grouped into one force), and a
        // listener that, the moment an item is reported finished, copies the journal as a crash then would leave it
        Path in = writeArticles(40);
        Path out = tmp.resolve("out");
        BatchEngine engine = engine(in, out, new ScriptedTranslator(), new ScriptedSummarizer(), 4);
        String fingerprint = engine.options().fingerprint();
        Path journal = out.resolve(BatchEngine.STATE_DIR).resolve("journal.jsonl");
        AtomicInteger snapshots = new AtomicInteger();
        List<String> lost = java.util.Collections.synchronizedList(new ArrayList<>());
        BatchListener crashAtEachItem = new BatchListener() {
            @Override
            public void item(Outcome outcome, String key, String detail) {
                if (outcome != Outcome.DONE) {
                    return;
                }
                try {
                    Path crashed = Files.createDirectories(tmp.resolve("crash-" + snapshots.incrementAndGet()));
                    Files.copy(journal, crashed.resolve("journal.jsonl"));
                    try (BatchJournal replayed = BatchJournal.open(crashed)) {
                        if (replayed.doneKey(key, fingerprint) == null) {
                            lost.add(key);
                        }
                    }
                } catch (IOException e) {
                    lost.add(key + ": " + e);
                }
            }
        };

        // when the batch runs
        RunReport report = engine.run(crashAtEachItem, false);

        // then every item was done, and each one's record was already in the journal when it counted as finished
        assertThat(report.done()).isEqualTo(40);
        assertThat(snapshots).hasValue(40);
        assertThat(lost).isEmpty();
        // and the re-run skips all 40 files unread, by their file records (written with their items' done records)
        List<String> reads = java.util.Collections.synchronizedList(new ArrayList<>());
        RunReport again = engine(in, out, new ScriptedTranslator(), new ScriptedSummarizer(), 4, counting(reads))
                .run(BatchListener.NONE, false);
        assertThat(again.skipped()).isEqualTo(40);
        assertThat(reads).isEmpty();
    }

    @Test
    void should_translate_dateline_source_and_related_story_of_a_batch_article_in_place() throws Exception {
        // given an article with a dateline, a source line and a "read also" story
        Article related = Article.builder()
                .language(Language.ARABIC)
                .headline("خبر ذو صلة")
                .paragraph("فقرة الخبر ذي الصلة.")
                .build();
        Article a = article(1).toBuilder()
                .dateline(dev.dragoman.core.Dateline.of("موسكو", "سانا"))
                .related(List.of(related))
                .build();
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a001.json"), Json.mapper().writeValueAsString(a), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        // when
        engine(in, out, new ScriptedTranslator(), new ScriptedSummarizer(), 1).run(BatchListener.NONE, false);

        // then the output keeps the whole structure, every part translated
        JsonNode translation;
        try (Stream<Path> files = Files.list(out.resolve("articles"))) {
            Path json = files.filter(p -> p.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
            translation = Json.mapper().readTree(json.toFile()).path("translation");
        }
        assertThat(translation.path("headline").asText()).isEqualTo("[en] خبر رقم 1");
        assertThat(translation.path("dateline").path("place").asText()).isEqualTo("[en] موسكو");
        assertThat(translation.path("dateline").path("agency").asText()).isEqualTo("[en] سانا");
        assertThat(translation.path("source").asText()).isEqualTo("[en] سانا");
        assertThat(translation.path("related")).hasSize(1);
        assertThat(translation.path("related").get(0).path("headline").asText()).isEqualTo("[en] خبر ذو صلة");
        assertThat(translation
                        .path("related")
                        .get(0)
                        .path("paragraphs")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("[en] فقرة الخبر ذي الصلة.");
    }

    @Test
    void should_write_every_success_and_list_every_failure_of_a_50_article_batch_with_injected_backend_failures()
            throws Exception {
        // given 50 articles; 5 hit a rate limit, 3 a per-item refusal (400), 2 a broken summarizer; 1 bad file
        // (an exhausted quota is account-wide and stops the batch: see BatchFaultsTest)
        Path in = writeArticles(50);
        Files.writeString(in.resolve("broken.json"), "{\"headline\": ", StandardCharsets.UTF_8);
        Set<Integer> rateLimited = Set.of(3, 11, 19, 27, 35);
        Set<Integer> quota = Set.of(7, 14, 21);
        Set<Integer> summaryFails = Set.of(40, 45);
        ScriptedTranslator t = new ScriptedTranslator();
        t.fault = first -> {
            for (int n : rateLimited) {
                if (first.equals("خبر رقم " + n)) {
                    return new RateLimitedException("scripted 429", Duration.ofSeconds(1));
                }
            }
            for (int n : quota) {
                if (first.equals("خبر رقم " + n)) {
                    return new DragomanException(DragomanException.Kind.BAD_REQUEST, "scripted 400 bad request");
                }
            }
            return null;
        };
        ScriptedSummarizer s = new ScriptedSummarizer();
        // the summarizer sees the translated article ("[en] خبر رقم 40"): its summary is read in English
        s.fault = headline -> headline.endsWith(" خبر رقم 40") || headline.endsWith(" خبر رقم 45")
                ? new DragomanException(DragomanException.Kind.BACKEND_UNAVAILABLE, "scripted 503")
                : null;
        Path out = tmp.resolve("out");

        // when
        RunReport report = engine(in, out, t, s, 6).run(BatchListener.NONE, false);

        // then
        assertThat(report.done()).isEqualTo(40);
        assertThat(report.failed()).isEqualTo(11);
        assertThat(files(out.resolve("articles"), ".json")).isEqualTo(40);
        assertThat(files(out.resolve("articles"), ".md")).isEqualTo(40);
        for (int i = 1; i <= 50; i++) {
            boolean ok = !rateLimited.contains(i) && !quota.contains(i) && !summaryFails.contains(i);
            assertThat(out.resolve("articles")
                            .resolve(article(i).id() + ".json")
                            .toFile()
                            .exists())
                    .isEqualTo(ok);
        }
        List<JsonNode> failures = jsonLines(out.resolve("failures.jsonl"));
        assertThat(failures).hasSize(11);
        assertThat(failures)
                .filteredOn(f -> f.get("stage").asText().equals("translate"))
                .hasSize(8);
        assertThat(failures)
                .filteredOn(f -> f.get("stage").asText().equals("summarize"))
                .hasSize(2);
        assertThat(failures)
                .filteredOn(f -> f.get("stage").asText().equals("read"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.get("input").asText()).endsWith("broken.json");
                    assertThat(f.get("retriable").asBoolean()).isFalse();
                });
        assertThat(failures)
                .filteredOn(f -> f.get("reason").asText().contains("scripted 429"))
                .hasSize(5)
                .allSatisfy(f -> assertThat(f.get("retriable").asBoolean()).isTrue());
        assertThat(failures)
                .filteredOn(f -> f.get("reason").asText().contains("scripted 400"))
                .hasSize(3)
                .allSatisfy(f -> assertThat(f.get("retriable").asBoolean()).isFalse());
        assertThat(report.exitCode()).isNotZero();
        JsonNode one = Json.mapper()
                .readTree(out.resolve("articles")
                        .resolve(article(1).id() + ".json")
                        .toFile());
        assertThat(one.at("/translation/headline").asText()).isEqualTo("[en] خبر رقم 1");
        assertThat(one.at("/summary/text").asText()).startsWith("[en] الفقرة الأولى من الخبر رقم 1");
        assertThat(one.at("/batch/fingerprint").asText()).isNotBlank();
        assertThat(report.usage().characters()).isPositive();
    }

    @Test
    void should_fail_an_item_whose_translation_was_flagged_and_redo_it_on_the_next_run() throws Exception {
        // given: the backend leaves article 2's body untranslated (the guard flagged it)
        Path in = writeArticles(3);
        ScriptedTranslator t = new ScriptedTranslator();
        t.flag = seg -> seg.contains("الخبر رقم 2") ? "still mostly in the source script (arabic)" : null;
        ScriptedSummarizer s = new ScriptedSummarizer();
        Path out = tmp.resolve("out");

        // when
        RunReport first = engine(in, out, t, s, 1).run(BatchListener.NONE, false);
        t.flag = seg -> null;
        RunReport second = engine(in, out, t, s, 1).run(BatchListener.NONE, false);

        // then: not done, not in the digest as a translation; retriable, and redone once the backend behaves
        assertThat(first.done()).isEqualTo(2);
        assertThat(first.failures()).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo("translate");
            assertThat(f.retriable()).isTrue();
            assertThat(f.getMessage()).contains("flagged").contains("--allow-flagged");
        });
        assertThat(first.exitCode()).isEqualTo(75);
        assertThat(second.done()).isEqualTo(1);
        assertThat(second.failed()).isZero();
    }

    @Test
    void should_keep_a_flagged_translation_with_allow_flagged_and_fail_it_for_good_when_strict() throws Exception {
        // given
        Path in = writeArticles(1);
        ScriptedTranslator t = new ScriptedTranslator();
        t.flag = seg -> "returned unchanged (identical to the source)";
        BatchOptions base = new BatchOptions(
                List.of(in.toString()), tmp.resolve("x"), Language.ENGLISH, false, null, 1, null, null, "scripted");

        // when
        RunReport allowed = BatchEngine.builder(base.withAllowFlagged(true))
                .translator(Scripted.backend(t))
                .clock(clock)
                .build()
                .run(BatchListener.NONE, false);
        RunReport strict = BatchEngine.builder(new BatchOptions(
                        List.of(in.toString()),
                        tmp.resolve("y"),
                        Language.ENGLISH,
                        false,
                        null,
                        1,
                        null,
                        dev.dragoman.core.summary.SummaryOptions.DEFAULT.withStrict(true),
                        "scripted"))
                .translator(Scripted.backend(t))
                .clock(clock)
                .build()
                .run(BatchListener.NONE, false);

        // then
        assertThat(allowed.done()).isEqualTo(1);
        assertThat(strict.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.retriable()).isFalse());
        assertThat(strict.exitCode()).isEqualTo(65);
    }

    @Test
    void should_redo_only_failed_and_new_items_on_a_rerun() throws Exception {
        // given a first run where two items fail
        Path in = writeArticles(12);
        ScriptedTranslator t = new ScriptedTranslator();
        t.fault = first -> first.equals("خبر رقم 4") || first.equals("خبر رقم 9")
                ? new DragomanException(DragomanException.Kind.TIMEOUT, "scripted timeout")
                : null;
        ScriptedSummarizer s = new ScriptedSummarizer();
        Path out = tmp.resolve("out");
        RunReport first = engine(in, out, t, s, 3).run(BatchListener.NONE, false);
        assertThat(first.failed()).isEqualTo(2);
        assertThat(first.exitCode()).isEqualTo(75);
        // and a new article arrives, the backend recovers
        Files.writeString(
                in.resolve("a013.json"), Json.mapper().writeValueAsString(article(13)), StandardCharsets.UTF_8);
        t.fault = x -> null;
        t.calls.clear();
        s.calls.clear();

        // when
        RunReport second = engine(in, out, t, s, 3).run(BatchListener.NONE, false);

        // then
        assertThat(second.done()).isEqualTo(3);
        assertThat(second.skipped()).isEqualTo(10);
        assertThat(second.failed()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(t.calls.keySet()).containsExactlyInAnyOrder("خبر رقم 4", "خبر رقم 9", "خبر رقم 13");
        assertThat(s.calls.keySet()).hasSize(3);
        assertThat(Files.readAllLines(out.resolve("failures.jsonl"))).isEmpty();
        assertThat(second.entries()).hasSize(13);
        assertThat(files(out.resolve("articles"), ".json")).isEqualTo(13);
    }

    @Test
    void should_adopt_outputs_written_before_a_crash_without_calling_a_backend_again() throws Exception {
        // given a finished run whose journal is then lost (as if killed between output and journal record)
        Path in = writeArticles(5);
        ScriptedTranslator t = new ScriptedTranslator();
        ScriptedSummarizer s = new ScriptedSummarizer();
        Path out = tmp.resolve("out");
        engine(in, out, t, s, 2).run(BatchListener.NONE, false);
        Files.delete(out.resolve(".dragoman/journal.jsonl"));
        t.calls.clear();

        // when
        RunReport again = engine(in, out, t, s, 2).run(BatchListener.NONE, false);

        // then
        assertThat(t.total()).isZero();
        assertThat(again.skipped()).isEqualTo(5);
        assertThat(again.entries()).hasSize(5);
    }

    @Test
    void should_show_in_the_digest_a_summary_of_the_translation_and_ask_for_no_source_language_summary()
            throws Exception {
        // given: a summarizer whose summary is not the article's first paragraph, and records what it is asked
        Path in = writeArticles(2);
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.dragoman.core.summary.Summarizer s = (article, options) -> {
            asked.add(article.headline());
            String text = "In short: " + article.headline();
            return new dev.dragoman.core.summary.Summary(
                    text,
                    List.of(text),
                    article.language(),
                    "scripted",
                    null,
                    dev.dragoman.core.usage.Usage.ofTokens(1, 100, 20),
                    Instant.parse("2024-06-25T00:00:00Z"),
                    false,
                    List.of());
        };
        Path out = tmp.resolve("out");
        BatchOptions english =
                new BatchOptions(List.of(in.toString()), out, Language.ENGLISH, true, null, 1, null, null, "scripted");

        // when
        RunReport report = BatchEngine.builder(english)
                .translator(Scripted.backend(new ScriptedTranslator()))
                .summarizer(s)
                .clock(clock)
                .build()
                .run(BatchListener.NONE, false);
        List<Path> digest = new dev.dragoman.pipeline.digest.DigestWriter()
                .write(
                        out,
                        dev.dragoman.pipeline.digest.Digest.of(
                                report, new dev.dragoman.core.cluster.MinHashStoryClusterer()));

        // then: one summary per article, of its English translation, and that summary is what the digest shows
        assertThat(asked).containsExactlyInAnyOrder("[en] خبر رقم 1", "[en] خبر رقم 2");
        assertThat(report.entries())
                .extracting(DoneRecord::summary)
                .containsExactlyInAnyOrder("In short: [en] خبر رقم 1", "In short: [en] خبر رقم 2");
        String md = Files.readString(digest.stream()
                .filter(p -> p.toString().endsWith(".md"))
                .findFirst()
                .orElseThrow());
        // (the two look-alike articles are one story: the digest shows its one summary)
        assertThat(md).contains("In short: \\[en\\] خبر رقم ").doesNotContain("الفقرة الأولى");
    }

    @Test
    void should_redo_items_when_the_options_change() throws Exception {
        // given
        Path in = writeArticles(3);
        ScriptedTranslator t = new ScriptedTranslator();
        ScriptedSummarizer s = new ScriptedSummarizer();
        Path out = tmp.resolve("out");
        engine(in, out, t, s, 2).run(BatchListener.NONE, false);
        BatchOptions french =
                new BatchOptions(List.of(in.toString()), out, Language.FRENCH, true, null, 2, null, null, "scripted");
        // when
        RunReport report = BatchEngine.builder(french)
                .translator(Scripted.backend(t))
                .summarizer(s)
                .clock(clock)
                .build()
                .run(BatchListener.NONE, false);
        // then
        assertThat(report.done()).isEqualTo(3);
        assertThat(report.skipped()).isZero();
    }

    @Test
    void should_stop_taking_items_when_asked_and_record_the_ones_in_flight() throws Exception {
        // given
        Path in = writeArticles(30);
        ScriptedTranslator t = new ScriptedTranslator();
        ScriptedSummarizer s = new ScriptedSummarizer();
        Path out = tmp.resolve("out");
        BatchEngine engine = engine(in, out, t, s, 2);
        AtomicInteger seen = new AtomicInteger();
        BatchListener stopAfterFive = new BatchListener() {
            @Override
            public void item(Outcome outcome, String key, String detail) {
                if (seen.incrementAndGet() == 5) {
                    engine.requestStop();
                }
            }
        };
        // when
        RunReport report = engine.run(stopAfterFive, false);
        // then every item that started was finished and recorded, and the rest were never started
        assertThat(report.stopped()).isTrue();
        assertThat(report.done()).isLessThan(30).isGreaterThanOrEqualTo(5);
        assertThat(files(out.resolve("articles"), ".json")).isEqualTo(report.done());
        assertThat(t.total()).isEqualTo(report.done());
        long journalled = Files.readAllLines(out.resolve(".dragoman/journal.jsonl")).stream()
                .filter(l -> l.contains("\"type\":\"done\""))
                .count();
        assertThat(journalled).isEqualTo(report.done());
    }

    @Test
    void should_still_hold_the_output_folder_while_the_run_is_finished() throws Exception {
        // given: a finished batch whose finishing step (the digest) tries to take the folder as a second run would
        Path in = Files.createDirectories(tmp.resolve("lock-in"));
        Files.writeString(in.resolve("a1.json"), Json.mapper().writeValueAsString(article(1)), StandardCharsets.UTF_8);
        Path out = tmp.resolve("lock-out");
        BatchEngine engine = BatchEngine.builder(BatchOptions.of(List.of(in.toString()), out)
                        .withTranslateTo(Language.ENGLISH)
                        .withBackends("scripted"))
                .translator(Scripted.backend(new Scripted.ScriptedTranslator()))
                .build();
        // when
        DragomanException.Kind second = engine.run(BatchListener.NONE, false, report -> {
            try (OutputLock lock = OutputLock.acquire(out, out.resolve(BatchEngine.STATE_DIR), Instant.now())) {
                return null;
            } catch (DragomanException e) {
                return e.kind();
            }
        });
        // then
        assertThat(second).isEqualTo(DragomanException.Kind.BUSY);
    }

    @Test
    void should_keep_at_most_jobs_backend_calls_in_flight_while_more_workers_do_the_local_work() throws Exception {
        // given 24 articles, 2 jobs, and backend calls that hold on until three callers are inside (or 200 ms pass)
        Path in = writeArticles(24);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        java.util.concurrent.CyclicBarrier three = new java.util.concurrent.CyclicBarrier(3);
        ScriptedTranslator scripted = new ScriptedTranslator();
        dev.dragoman.core.translation.Translator holding = request -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                three.await(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception timedOutOrBroken) {
                three.reset(); // no third caller came in: the gate held
            }
            try {
                return scripted.translate(request);
            } finally {
                inside.decrementAndGet();
            }
        };
        BatchOptions options = new BatchOptions(
                List.of(in.toString()), tmp.resolve("out"), Language.ENGLISH, true, null, 2, null, null, "scripted");
        BatchEngine engine = BatchEngine.builder(options)
                .translator(Scripted.backend(holding))
                .summarizer(new ScriptedSummarizer())
                .clock(clock)
                .build();
        // when
        RunReport report = engine.run(BatchListener.NONE, false);
        // then every article was done, never more than 2 translations at once
        assertThat(report.done()).isEqualTo(24);
        assertThat(most.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void should_hold_no_permit_outside_the_backends_requests_when_they_pass_a_jobs_gate() throws Exception {
        // given 1 job, the backends' requests gated by a JobsGate, and a first translation that waits (as one waiting
        // for the cache's lock would) until another article's translation has finished
        Path in = writeArticles(6);
        AtomicInteger calls = new AtomicInteger();
        java.util.concurrent.CountDownLatch another = new java.util.concurrent.CountDownLatch(1);
        ScriptedTranslator scripted = new ScriptedTranslator();
        dev.dragoman.core.translation.Translator waiting = request -> {
            if (calls.getAndIncrement() == 0) {
                try {
                    if (!another.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                        throw new IllegalStateException("no other translation could start: a permit was held");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return scripted.translate(request);
            }
            try {
                return scripted.translate(request);
            } finally {
                another.countDown();
            }
        };
        BatchOptions options = new BatchOptions(
                List.of(in.toString()), tmp.resolve("out"), Language.ENGLISH, true, null, 1, null, null, "scripted");
        BatchEngine engine = BatchEngine.builder(options)
                .translator(Scripted.backend(waiting))
                .summarizer(new ScriptedSummarizer())
                .gate(JobsGate.of(1))
                .clock(clock)
                .build();
        // when
        RunReport report = engine.run(BatchListener.NONE, false);
        // then the other articles went on while the first waited outside a backend request, and all were done
        assertThat(report.failures()).isEmpty();
        assertThat(report.done()).isEqualTo(6);
    }

    @Test
    void should_refuse_a_gate_of_another_size_than_the_jobs() {
        BatchOptions options = BatchOptions.of(List.of(tmp.toString()), tmp.resolve("out"))
                .withTranslateTo(Language.ENGLISH)
                .withJobs(4)
                .withBackends("scripted");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchEngine.builder(options)
                        .translator(Scripted.backend(new ScriptedTranslator()))
                        .gate(JobsGate.of(2))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 jobs");
    }
}

package dev.dragoman.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.usage.Usage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchJournalTest {

    @TempDir
    Path dir;

    private static DoneRecord record(int i) {
        return new DoneRecord(
                "id-" + i,
                "fp",
                "in/" + i + ".txt",
                null,
                "عنوان " + i,
                Language.ARABIC,
                "Headline " + i,
                "Text " + i,
                Language.ENGLISH,
                null,
                null,
                List.of("articles/id-" + i + ".json"),
                Usage.NONE,
                false,
                Instant.parse("2026-12-05T12:00:00Z"),
                List.of(),
                List.of());
    }

    @Test
    void should_keep_every_record_appended_by_many_workers_at_once_across_a_reopen() throws Exception {
        // given a journal and 16 workers released together, 50 appends each (forces grouped between them)
        List<Thread> workers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(16);
        AtomicInteger notVisible = new AtomicInteger();
        try (BatchJournal journal = BatchJournal.open(dir)) {
            for (int w = 0; w < 16; w++) {
                int first = w * 50;
                Thread t = new Thread(() -> {
                    go.countDown();
                    awaitQuietly(go);
                    for (int i = first; i < first + 50; i++) {
                        journal.appendDone(record(i), "in/" + i + ".txt");
                        if (journal.doneKey("in/" + i + ".txt", "fp") == null) {
                            notVisible.incrementAndGet();
                        }
                    }
                });
                workers.add(t);
                t.start();
            }
            for (Thread t : workers) {
                t.join();
            }
        }
        // then an append counts (is visible) as soon as it returns
        assertThat(notVisible).hasValue(0);
        // and when the journal is opened again
        try (BatchJournal reopened = BatchJournal.open(dir)) {
            // then all 800 records were written whole and replay
            for (int i = 0; i < 800; i++) {
                assertThat(reopened.doneArticle("id-" + i, "fp")).isEqualTo(record(i));
            }
        }
    }

    @Test
    void should_lose_only_the_file_record_when_a_crash_tears_the_write_of_an_items_done_and_file_records()
            throws Exception {
        // given two finished items, the second written with its file's record in the same (grouped) write
        ItemSource.FileStamp stamp = new ItemSource.FileStamp("in/story.txt", 120, "2026-12-05T12:00:00Z");
        Path file = dir.resolve("journal.jsonl");
        long afterFirst;
        try (BatchJournal journal = BatchJournal.open(dir)) {
            journal.appendDone(record(1), "in/1.txt");
            afterFirst = java.nio.file.Files.size(file);
            journal.appendDone(
                    record(2), "in/story.txt", BatchJournal.fileRecord(stamp, "fp", List.of("in/story.txt")));
        }
        byte[] whole = java.nio.file.Files.readAllBytes(file);
        int doneEnd = afterFirst(whole, (int) afterFirst);
        assertThat(doneEnd).isLessThan(whole.length - 1); // the file record follows the done record

        // when the process dies with the file record half written (cut inside the second line of the write)
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(whole, doneEnd + 20));
        try (BatchJournal reopened = BatchJournal.open(dir)) {
            // then both items stay done, and the file is merely read again next time (no file record)
            assertThat(reopened.doneKey("in/1.txt", "fp")).isEqualTo(record(1));
            assertThat(reopened.doneKey("in/story.txt", "fp")).isEqualTo(record(2));
            assertThat(reopened.doneFile(stamp, "fp")).isNull();
        }

        // when it dies inside the done record itself
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(whole, (int) afterFirst + 10));
        try (BatchJournal reopened = BatchJournal.open(dir)) {
            // then only that item is redone: the earlier one is kept, and no file record claims the file
            assertThat(reopened.doneKey("in/1.txt", "fp")).isEqualTo(record(1));
            assertThat(reopened.doneKey("in/story.txt", "fp")).isNull();
            assertThat(reopened.doneFile(stamp, "fp")).isNull();
        }

        // and written whole, the pair lets an unchanged file be skipped unread
        java.nio.file.Files.write(file, whole);
        try (BatchJournal reopened = BatchJournal.open(dir)) {
            assertThat(reopened.doneFile(stamp, "fp")).containsOnlyKeys("in/story.txt");
            assertThat(reopened.read(reopened.doneFile(stamp, "fp").get("in/story.txt")))
                    .isEqualTo(record(2));
        }
    }

    @Test
    void should_find_every_record_by_id_key_and_url_and_read_it_back_after_a_reopen_keeping_the_latest()
            throws Exception {
        // given 300 records (more than the indexes' first tables hold), each with a URL, and item 7 redone later
        try (BatchJournal journal = BatchJournal.open(dir)) {
            for (int i = 0; i < 300; i++) {
                journal.appendDone(withUrl(record(i), "https://example.org/" + i), "in/" + i + ".txt");
            }
            journal.appendDone(withUrl(record(7), "https://example.org/7"), "in/7-again.txt");
        }

        // when the journal is opened again
        try (BatchJournal reopened = BatchJournal.open(dir)) {
            // then each record is found under its id, key and URL, and read back whole
            for (int i = 0; i < 300; i++) {
                assertThat(reopened.doneArticle("id-" + i, "fp"))
                        .isEqualTo(withUrl(record(i), "https://example.org/" + i));
                assertThat(reopened.doneKey("in/" + i + ".txt", "fp")).isNotNull();
                assertThat(reopened.doneUrl("https://example.org/" + i, "fp")).isTrue();
            }
            // the id points at the latest record of item 7, both keys still find it
            assertThat(reopened.findArticle("id-7", "fp")).isEqualTo(reopened.findKey("in/7-again.txt", "fp"));
            assertThat(reopened.findKey("in/7.txt", "fp")).isNotNegative();
            // and nothing else is found: other options, unknown ids, keys and URLs
            assertThat(reopened.doneArticle("id-1", "other-fp")).isNull();
            assertThat(reopened.doneArticle("id-300", "fp")).isNull();
            assertThat(reopened.doneKey("in/300.txt", "fp")).isNull();
            assertThat(reopened.doneUrl("https://example.org/300", "fp")).isFalse();
        }
    }

    private static DoneRecord withUrl(DoneRecord r, String url) {
        return new DoneRecord(
                r.id(),
                r.fingerprint(),
                r.input(),
                url,
                r.originalHeadline(),
                r.language(),
                r.headline(),
                r.summary(),
                r.displayLanguage(),
                r.published(),
                r.agency(),
                r.outputs(),
                r.usage(),
                r.fromCache(),
                r.finished(),
                r.warnings(),
                r.anchors());
    }

    /** The end (exclusive, after its newline) of the line that starts at {@code from}. */
    private static int afterFirst(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

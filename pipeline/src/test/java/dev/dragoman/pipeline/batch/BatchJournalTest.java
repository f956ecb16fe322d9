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

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

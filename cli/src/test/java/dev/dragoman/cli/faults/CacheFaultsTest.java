package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.RedisServerExtension;
import dev.dragoman.core.testing.sim.Latency;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimTranslation;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The cache misbehaving under a batch: Redis restarted mid-batch, the SQLite file corrupted between runs. */
class CacheFaultsTest {

    private static final int ARTICLES = 12;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path dir;

    private SimulatedBackend sim;

    @AfterEach
    void stop() throws Exception {
        if (sim != null) {
            sim.close();
        }
        REDIS.start(); // whatever a test did to it
    }

    @Test
    void should_finish_or_list_every_article_when_redis_restarts_mid_batch_and_cache_nothing_wrong() {
        // given: Redis goes down when the 4th request arrives and comes back (empty: no persistence) at the 8th
        sim = SimulatedBackend.start(SimConfig.defaults().withLatency(Latency.fixed(Duration.ofMillis(30))));
        FaultBatch f = new FaultBatch(dir, sim, ARTICLES, 21);
        sim.onRequest(4, () -> run(REDIS::stop));
        sim.onRequest(8, () -> run(REDIS::start));
        Path config = f.config("c", "deepl", null, "store: redis\nurl: redis://127.0.0.1:" + REDIS.port() + "/0");

        // when
        FaultBatch.Result r = f.batch(config, dir.resolve("out"), 2);

        // then: every article correct or listed, nothing finished sent twice within the run
        BatchOutcome first =
                f.outcome(dir.resolve("out")).assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET);
        assertThat(REDIS.ping()).isTrue();
        BatchOutcome.assertNothingFinishedSentTwice(sim, f.corpus);

        // and a healthy re-run into a fresh directory over the same Redis is all correct (nothing wrong was cached)
        FaultBatch.Result again = f.batch(config, dir.resolve("out2"), 2);
        assertThat(again.exit())
                .as("first: %s%nsecond: %s", r.err(), again.err())
                .isZero();
        assertThat(f.outcome(dir.resolve("out2"))
                        .assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET)
                        .done())
                .isEqualTo(ARTICLES);
        assertThat(first.done() + first.failures.size()).isGreaterThanOrEqualTo(ARTICLES);
    }

    @Test
    void should_move_a_corrupted_sqlite_cache_aside_and_still_answer_correctly() throws Exception {
        // given: a finished batch, then garbage over the cache file's b-tree pages
        sim = SimulatedBackend.start(SimConfig.defaults());
        FaultBatch f = new FaultBatch(dir, sim, ARTICLES, 22);
        Path cache = dir.resolve("cache.db");
        Path config = f.config("c", "deepl", null, FaultBatch.sqlite(cache));
        assertThat(f.batch(config, dir.resolve("out"), 4).exit()).isZero();
        try (RandomAccessFile file = new RandomAccessFile(cache.toFile(), "rw")) {
            byte[] garbage = new byte[(int) Math.min(8192, file.length() - 4096)];
            new java.util.Random(1).nextBytes(garbage);
            file.seek(4096);
            file.write(garbage);
        }

        // when
        sim.resetStats();
        FaultBatch.Result r = f.batch(config, dir.resolve("out2"), 4);

        // then
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(f.outcome(dir.resolve("out2"))
                        .assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET)
                        .done())
                .isEqualTo(ARTICLES);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the corrupt file moved aside")
                    .anyMatch(n -> n.startsWith("cache.db") && !n.equals("cache.db") && n.contains("corrupt"));
        }
    }

    @Test
    void should_never_serve_a_cached_translation_whose_bytes_were_altered_on_disk() throws Exception {
        // given: a finished batch, then one letter of one stored translation changed in the file
        sim = SimulatedBackend.start(SimConfig.defaults());
        FaultBatch f = new FaultBatch(dir, sim, ARTICLES, 23);
        Path cache = dir.resolve("cache.db");
        Path config = f.config("c", "deepl", null, FaultBatch.sqlite(cache));
        assertThat(f.batch(config, dir.resolve("out"), 4).exit()).isZero();
        String headline = SimTranslation.translate(f.corpus.get(0).headline(), FaultBatch.DEEPL_TARGET);
        byte[] needle = headline.substring(8, 24).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(cache);
        int at = indexOf(bytes, needle, 0);
        assertThat(at).as("the stored translation is in the file").isNotNegative();
        for (; at >= 0; at = indexOf(bytes, needle, at + 1)) { // every copy: pages may hold stale ones
            bytes[at] = (byte) (bytes[at] == 'x' ? 'y' : 'x');
        }
        Files.write(cache, bytes);

        // when
        sim.resetStats();
        FaultBatch.Result r = f.batch(config, dir.resolve("out2"), 4);

        // then: the altered entry is not served (outputs are all exactly right) and is asked for again
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(f.outcome(dir.resolve("out2"))
                        .assertEveryItemCorrectOrListed(f.corpus, FaultBatch.DEEPL_TARGET)
                        .done())
                .isEqualTo(ARTICLES);
        assertThat(sim.sendCount(f.corpus.get(0).headline())).isEqualTo(1);
        assertThat(sim.sendCount(f.corpus.get(1).headline()))
                .as("intact entries still served")
                .isZero();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void run(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.read.InputDecoder;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Size: standard input, {@code /dev/zero} and FIFOs are read streaming under the same limit as files and refused
 * as soon as they pass it, with one clear line — never read whole, never out of memory.
 */
class SizeLimitFaultTest {

    @TempDir
    Path tmp;

    /** An endless stream of spaces and letters that counts what was read from it. */
    private static final class Endless extends InputStream {
        final AtomicLong read = new AtomicLong();

        @Override
        public int read() {
            read.incrementAndGet();
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'a');
            read.addAndGet(len);
            return len;
        }
    }

    private static void assertRefusedClearly(Hostile.Result r, String name) {
        assertThat(r.exit()).as(r.all()).isEqualTo(65);
        assertThat(r.err()).contains(name, "50 MiB");
        assertThat(r.err().lines()).noneMatch(l -> l.strip().startsWith("at ") || l.contains("OutOfMemoryError"));
    }

    @Test
    void should_refuse_endless_standard_input_once_past_the_limit() {
        // given
        Endless stdin = new Endless();

        // when
        Hostile.Result r = new Hostile(tmp).run(stdin, "parse", "-");

        // then
        assertRefusedClearly(r, "stdin");
        assertThat(stdin.read.get()).isLessThanOrEqualTo(InputDecoder.MAX_INPUT_BYTES + 1024L * 1024);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void should_refuse_dev_zero_as_a_file_and_as_a_batch_input() {
        // when
        Hostile h = new Hostile(tmp);
        Hostile.Result parse = h.run("parse", "/dev/zero");
        Hostile.Result batch =
                h.run("batch", "/dev/zero", "--out", tmp.resolve("out").toString(), "--progress", "lines");

        // then
        assertRefusedClearly(parse, "/dev/zero");
        assertThat(batch.exit()).as(batch.all()).isEqualTo(65);
        assertThat(batch.err()).contains("/dev/zero", "50 MiB");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void should_refuse_a_fifo_fed_past_the_limit() throws Exception {
        // given a FIFO with a writer that would write 80 MiB
        Path fifo = tmp.resolve("feed.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                byte[] chunk = new byte[1024 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'a');
                for (int i = 0; i < 80; i++) {
                    out.write(chunk);
                }
            } catch (Exception e) {
                // the reader stopped reading past the limit: a broken pipe is expected
            }
        });
        writer.setDaemon(true);
        writer.start();

        // when
        Hostile.Result r = new Hostile(tmp).run("parse", fifo.toString());

        // then
        assertRefusedClearly(r, fifo.toString());
    }
}

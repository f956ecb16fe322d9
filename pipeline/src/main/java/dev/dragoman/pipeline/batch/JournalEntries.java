package dev.dragoman.pipeline.batch;

import dev.dragoman.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A run's finished entries ({@link RunReport#entries()}) as the places of their done records in the journal, in the
 * order of their ids: 8 bytes of heap per entry, where the records themselves (headline, summary, outputs, anchors)
 * take one to three kilobytes each. {@link #get} reads the record back from the journal file, so a digest of any
 * size is built and rendered from it a story at a time. Immutable; reads open the file each time, so it outlives the
 * run's journal. The journal is append-only, so a place stays valid while the output folder exists.
 */
final class JournalEntries extends AbstractList<DoneRecord> implements RandomAccess {

    private final Path file;
    private final long[] offsets;

    private JournalEntries(Path file, long[] offsets) {
        this.file = file;
        this.offsets = offsets;
    }

    @Override
    public DoneRecord get(int index) {
        long at = offsets[java.util.Objects.checkIndex(index, offsets.length)];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel, at);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the batch journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int size() {
        return offsets.length;
    }

    /** The record whose line starts at {@code offset}. */
    static DoneRecord read(FileChannel channel, long offset) throws IOException {
        return Json.mapper().readValue(line(channel, offset), DoneRecord.class);
    }

    /** The line (without its newline) that starts at {@code offset}. */
    static byte[] line(FileChannel channel, long offset) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(2048);
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        long position = offset;
        while (true) {
            buffer.clear();
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("the journal ends inside the record at " + offset);
            }
            byte[] bytes = buffer.array();
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, 0, i);
                    return line.toByteArray();
                }
            }
            line.write(bytes, 0, n);
            position += n;
        }
    }

    /**
     * Collects a run's entries as its workers finish items (thread-safe), then {@link #finish()}es them into a
     * {@link JournalEntries} sorted by id. An entry's id is given when known (a content id takes 16 bytes: two longs)
     * or read back from the journal at the end.
     */
    static final class Collector {
        private final Path file;
        private long[] offsets = new long[1024];
        /** Ids as two longs when they are 32 lower-case hexadecimal digits (content ids), else in {@link #other}. */
        private long[] high = new long[1024];

        private long[] low = new long[1024];
        /** Entries whose id is unknown (−1 in {@code known}) or not a content id: index → id. */
        private final Map<Integer, String> other = new HashMap<>();

        private boolean[] known = new boolean[1024];
        private int size;

        Collector(Path file) {
            this.file = file;
        }

        /** Adds the entry whose done record starts at {@code offset}; {@code id} is its id, or null when not at hand. */
        synchronized void add(long offset, String id) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                high = Arrays.copyOf(high, size * 2);
                low = Arrays.copyOf(low, size * 2);
                known = Arrays.copyOf(known, size * 2);
            }
            offsets[size] = offset;
            setId(size, id);
            size++;
        }

        private void setId(int i, String id) {
            known[i] = id != null;
            if (id != null && isContentId(id)) {
                high[i] = Long.parseUnsignedLong(id, 0, 16, 16);
                low[i] = Long.parseUnsignedLong(id, 16, 32, 16);
                other.remove(i);
            } else if (id != null) {
                other.put(i, id);
            }
        }

        /** The entries sorted by id (the ids not given are read from the journal first, in file order). */
        synchronized JournalEntries finish() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Integer[] unknown = Arrays.stream(order).filter(i -> !known[i]).toArray(Integer[]::new);
            if (unknown.length > 0) {
                Arrays.sort(unknown, (a, b) -> Long.compare(offsets[a], offsets[b]));
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    for (int i : unknown) {
                        setId(
                                i,
                                Json.mapper()
                                        .readTree(line(channel, offsets[i]))
                                        .path("id")
                                        .asText());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the batch journal " + file + ": " + e.getMessage(), e);
                }
            }
            Arrays.sort(order, this::compare); // stable: equal ids keep the order they were added in
            long[] sorted = new long[size];
            for (int i = 0; i < size; i++) {
                sorted[i] = offsets[order[i]];
            }
            return new JournalEntries(file, sorted);
        }

        private int compare(int a, int b) {
            String oa = other.get(a);
            String ob = other.get(b);
            if (oa == null && ob == null) {
                int c = Long.compareUnsigned(high[a], high[b]);
                return c != 0 ? c : Long.compareUnsigned(low[a], low[b]);
            }
            return (oa != null ? oa : hex(a)).compareTo(ob != null ? ob : hex(b));
        }

        private String hex(int i) {
            return String.format(java.util.Locale.ROOT, "%016x%016x", high[i], low[i]);
        }

        private static boolean isContentId(String id) {
            if (id.length() != 32) {
                return false;
            }
            for (int i = 0; i < 32; i++) {
                char c = id.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    return false;
                }
            }
            return true;
        }
    }
}

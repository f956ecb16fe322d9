package dev.dragoman.pipeline.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.io.PrivateFiles;
import dev.dragoman.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch's state store: an append-only JSON Lines journal ({@code <out>/.dragoman/journal.jsonl}). Each finished
 * item appends one {@code done} record, each failure a {@code failed} record; every append is forced to disk
 * ({@link FileChannel#force}) before the item counts as finished, so a {@code kill -9} at any point loses at most
 * the items in flight. Forcing is a group commit: appends from many workers that arrive while one force runs are
 * made durable together by the next one (one thread forces for all, the others wait for it), so a batch's items
 * finishing at once cost one {@code fsync}, not one each. On open the journal is replayed; a torn last line (the process died mid-write) is cut off.
 *
 * <p>"Seen" is keyed three ways: by item key (a path, a feed item's guid), by article id (content hash, together
 * with the options fingerprint) and by URL. A file input all of whose items finished also gets a {@code file}
 * record (path, size, modification time, options fingerprint, its item keys), so a re-run skips the unchanged file
 * without reading it; a file whose size or modification time changed is read again. A record whose item a fallback
 * backend helped finish ({@link DoneRecord#fallback()}) is kept apart ({@link #findFallback}): the item is not done,
 * so a later run redoes it — and its file is read again. Thread-safe: appends are serialized.
 *
 * <p>Memory: the indexes hold no records, only where each one starts in the file ({@link KeyIndex}: about 16 bytes
 * of table per key), and a record is read back from the file when asked for ({@link #read}); replay streams the file.
 * So a journal of any length costs a few dozen bytes of heap per finished item, not the item's record.
 */
final class BatchJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJournal.class);

    private final Path file;
    private final FileChannel channel;
    /** id|fingerprint, key|fingerprint, url|fingerprint → the offset of the done record. */
    private final KeyIndex doneById = new KeyIndex();

    private final KeyIndex doneByKey = new KeyIndex();
    private final KeyIndex doneUrls = new KeyIndex();
    /**
     * id|fingerprint → the offset of the last record of an article a fallback backend helped finish (not done: redone);
     * it counts only while no later done record of the article follows it.
     */
    private final KeyIndex byFallback = new KeyIndex();
    /** path|fingerprint → the offset of the file record (size, modified, keys) of its last complete run. */
    private final KeyIndex doneFiles = new KeyIndex();
    /** Bytes appended so far, and how many of them are known to be on disk (group commit, under this lock). */
    private long written;

    private long durable;
    private boolean forcing;

    private BatchJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** The journal's file under {@code stateDir}. */
    static Path file(Path stateDir) {
        return stateDir.resolve("journal.jsonl");
    }

    /** Opens (creating if needed) the journal under {@code stateDir} and replays it, one line at a time. */
    static BatchJournal open(Path stateDir) {
        try {
            PrivateFiles.directory(stateDir);
            Path file = PrivateFiles.file(file(stateDir));
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            BatchJournal journal = new BatchJournal(file, channel);
            long validLength = journal.replay();
            long size = channel.size();
            if (validLength < size) {
                LOG.warn(
                        "journal {}: dropping a torn last record ({} bytes) left by an interrupted run",
                        file,
                        size - validLength);
            }
            channel.truncate(validLength);
            channel.position(validLength);
            journal.written = validLength;
            journal.durable = validLength;
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the batch journal in " + stateDir + ": " + e.getMessage(), e);
        }
    }

    /** Replays every whole line; returns the length up to the last newline (what follows it is a torn write). */
    private long replay() throws IOException {
        long whole = 0; // the length up to the last newline seen
        long position = 0; // of buffer[0] in the file
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(4096);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        while (channel.read(buffer, position) > 0) {
            buffer.flip();
            byte[] bytes = buffer.array();
            int from = 0;
            for (int i = 0; i < buffer.limit(); i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, from, i - from);
                    replay(line.toByteArray(), whole);
                    line.reset();
                    from = i + 1;
                    whole = position + i + 1;
                }
            }
            line.write(bytes, from, buffer.limit() - from);
            position += buffer.limit();
            buffer.clear();
        }
        return whole;
    }

    private void replay(byte[] line, long offset) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (IOException e) {
            LOG.warn("journal {}: skipping an unreadable record", file);
            return;
        }
        if (node != null && node.isObject()) {
            apply(node, offset);
        }
    }

    private void apply(JsonNode node, long offset) {
        String type = node.path("type").asText();
        if (type.equals("done")) {
            applyDone(
                    node.path("id").asText(),
                    node.path("fingerprint").asText(),
                    node.path("key").asText(null),
                    node.path("url").asText(null),
                    node.path("fallback").asBoolean(false),
                    offset);
        } else if (type.equals("file")) {
            doneFiles.put(
                    node.path("path").asText() + "|" + node.path("fingerprint").asText(), offset);
        }
    }

    private void applyDone(String id, String fingerprint, String key, String url, boolean fallback, long offset) {
        if (fallback) {
            // a fallback did some of it: not finished for a later run, which asks the configured backend again
            byFallback.put(id + "|" + fingerprint, offset);
            return;
        }
        doneById.put(id + "|" + fingerprint, offset);
        if (key != null) {
            doneByKey.put(key + "|" + fingerprint, offset);
        }
        if (url != null) {
            doneUrls.put(url + "|" + fingerprint, offset);
        }
    }

    /** The journal's file (for {@link JournalEntries}, which reads records back from it after the run). */
    Path file() {
        return file;
    }

    /** The done record that starts at {@code offset} (an offset this journal gave). */
    DoneRecord read(long offset) {
        try {
            return JournalEntries.read(channel, offset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the batch journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the finished record of an article (by content id) under these options starts, or −1. */
    synchronized long findArticle(String id, String fingerprint) {
        return doneById.get(id + "|" + fingerprint);
    }

    /**
     * Where the record of an article (by content id) a fallback backend helped finish under these options starts, or
     * −1; such an article is not {@link #findArticle done}: it is redone, and the configured backend asked again. A
     * later done record of the article supersedes it.
     */
    synchronized long findFallback(String id, String fingerprint) {
        long at = byFallback.get(id + "|" + fingerprint);
        return at >= 0 && doneById.get(id + "|" + fingerprint) < at ? at : -1;
    }

    /** Where the finished record of an item key under these options starts, or −1. */
    synchronized long findKey(String key, String fingerprint) {
        return doneByKey.get(key + "|" + fingerprint);
    }

    /** The finished record of an article (by content id) under these options, or null. */
    DoneRecord doneArticle(String id, String fingerprint) {
        long at = findArticle(id, fingerprint);
        return at < 0 ? null : read(at);
    }

    /** The finished record of an item key under these options, or null. */
    DoneRecord doneKey(String key, String fingerprint) {
        long at = findKey(key, fingerprint);
        return at < 0 ? null : read(at);
    }

    synchronized boolean doneUrl(String url, String fingerprint) {
        return url != null && doneUrls.get(url + "|" + fingerprint) >= 0;
    }

    /**
     * The finished items (key → where its done record starts) of a file input whose every item finished under these
     * options while the file had this size and modification time, or null when the file must be read (never
     * finished, changed, or a record is missing).
     */
    Map<String, Long> doneFile(ItemSource.FileStamp stamp, String fingerprint) {
        long at;
        synchronized (this) {
            at = doneFiles.get(stamp.path() + "|" + fingerprint);
        }
        if (at < 0) {
            return null;
        }
        JsonNode file;
        try {
            file = Json.mapper().readTree(JournalEntries.line(channel, at));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the batch journal " + this.file + ": " + e.getMessage(), e);
        }
        if (file.path("size").asLong(-1) != stamp.size()
                || !stamp.modified().equals(file.path("modified").asText())) {
            return null;
        }
        Map<String, Long> done = new java.util.LinkedHashMap<>();
        for (JsonNode key : file.path("keys")) {
            long record = findKey(key.asText(), fingerprint);
            if (record < 0) {
                return null;
            }
            done.put(key.asText(), record);
        }
        return done.isEmpty() ? null : done;
    }

    /**
     * The record that every item of a file input finished while the file had this stamp (for {@link #appendFile} or
     * {@link #appendDone(DoneRecord, String, ObjectNode)}); a re-run skips the unchanged file unread.
     */
    static ObjectNode fileRecord(ItemSource.FileStamp stamp, String fingerprint, List<String> keys) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("type", "file");
        node.put("path", stamp.path());
        node.put("size", stamp.size());
        node.put("modified", stamp.modified());
        node.put("fingerprint", fingerprint);
        keys.forEach(node.putArray("keys")::add);
        return node;
    }

    /** Appends a {@link #fileRecord} and forces it to disk. */
    void appendFile(ObjectNode fileRecord) {
        append(fileRecord);
    }

    /** Appends a finished item and forces it to disk; returns where its record starts. */
    long appendDone(DoneRecord record, String key) {
        return appendDone(record, key, null);
    }

    /**
     * Appends a finished item and, when it was the last of its file, the file's {@link #fileRecord} in the same write,
     * so both cost one force; returns where the done record starts. The done line comes first: a torn write can lose
     * only the file record, and a file record whose items are not all recorded done is ignored ({@link #doneFile}).
     */
    long appendDone(DoneRecord record, String key, ObjectNode fileRecord) {
        ObjectNode node = record.toJson();
        node.put("key", key);
        long[] at = write(fileRecord == null ? List.of(node) : List.of(node, fileRecord));
        synchronized (this) {
            applyDone(record.id(), record.fingerprint(), key, record.url(), record.fallback(), at[0]);
            if (fileRecord != null) {
                apply(fileRecord, at[1]);
            }
        }
        return at[0];
    }

    /** Appends a failure and forces it to disk. */
    void appendFailed(ObjectNode failure) {
        ObjectNode node = failure.deepCopy();
        node.put("type", "failed");
        write(List.of(node)); // failures are not indexed: a failed item is simply tried again
    }

    /** Writes the record, waits until it is on disk, then makes it count. */
    private void append(ObjectNode node) {
        long[] at = write(List.of(node));
        synchronized (this) {
            apply(node, at[0]);
        }
    }

    /**
     * Writes the records (one write, one line each) and waits until they are on disk (forcing them, and every record
     * written meanwhile, unless another thread's force already covers them); they do not count yet. Returns where
     * each one starts.
     */
    private long[] write(List<ObjectNode> nodes) {
        long end;
        long[] at = new long[nodes.size()];
        try {
            StringBuilder lines = new StringBuilder();
            int[] lengths = new int[nodes.size()];
            for (int i = 0; i < nodes.size(); i++) {
                String line = Json.mapper().writeValueAsString(nodes.get(i)) + "\n";
                lengths[i] = line.getBytes(StandardCharsets.UTF_8).length;
                lines.append(line);
            }
            byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                long start = written;
                for (int i = 0; i < at.length; i++) {
                    at[i] = start;
                    start += lengths[i];
                }
                written += bytes.length;
                end = written;
            }
            awaitDurable(end);
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the batch journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns once the journal's first {@code end} bytes are forced; at most one thread forces at a time. */
    private void awaitDurable(long end) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                long target;
                synchronized (this) {
                    while (forcing && durable < end) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the record must still reach the disk before the item counts
                        }
                    }
                    if (durable >= end) {
                        return;
                    }
                    forcing = true;
                    target = written;
                }
                boolean forced = false;
                try {
                    channel.force(false);
                    forced = true;
                } finally {
                    synchronized (this) {
                        if (forced) {
                            durable = Math.max(durable, target);
                        }
                        forcing = false;
                        notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing journal {}: {}", file, e.getMessage());
        }
    }
}

package dev.dragoman.pipeline.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.io.PrivateFiles;
import dev.dragoman.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * backend helped finish ({@link DoneRecord#fallback()}) is kept apart ({@link #byFallback}): the item is not done, so
 * a later run redoes it — and its file is read again. Thread-safe: appends are serialized.
 */
final class BatchJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJournal.class);

    private final Path file;
    private final FileChannel channel;
    private final Map<String, DoneRecord> doneById = new HashMap<>();
    private final Map<String, DoneRecord> doneByKey = new HashMap<>();
    private final Set<String> doneUrls = new HashSet<>();
    private final Map<String, JsonNode> failedByKey = new HashMap<>();
    /** id|fingerprint → the last record of an article a fallback backend helped finish (not done: redone). */
    private final Map<String, DoneRecord> byFallback = new HashMap<>();
    /** path|fingerprint → the file record (size, modified, keys) of its last complete run. */
    private final Map<String, JsonNode> doneFiles = new HashMap<>();
    /** Bytes appended so far, and how many of them are known to be on disk (group commit, under this lock). */
    private long written;

    private long durable;
    private boolean forcing;

    private BatchJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (creating if needed) the journal under {@code stateDir} and replays it. */
    static BatchJournal open(Path stateDir) {
        try {
            PrivateFiles.directory(stateDir);
            Path file = PrivateFiles.file(stateDir.resolve("journal.jsonl"));
            long validLength = 0;
            List<String> lines = List.of();
            if (Files.size(file) > 0) {
                byte[] bytes = Files.readAllBytes(file);
                int lastNewline = -1;
                for (int i = bytes.length - 1; i >= 0; i--) {
                    if (bytes[i] == '\n') {
                        lastNewline = i;
                        break;
                    }
                }
                validLength = lastNewline + 1;
                lines = new String(bytes, 0, (int) validLength, StandardCharsets.UTF_8)
                        .lines()
                        .toList();
                if (validLength < bytes.length) {
                    LOG.warn(
                            "journal {}: dropping a torn last record ({} bytes) left by an interrupted run",
                            file,
                            bytes.length - validLength);
                }
            }
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            channel.truncate(validLength);
            channel.position(validLength);
            BatchJournal journal = new BatchJournal(file, channel);
            journal.written = validLength;
            journal.durable = validLength;
            for (String line : lines) {
                journal.replay(line);
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the batch journal in " + stateDir + ": " + e.getMessage(), e);
        }
    }

    private void replay(String line) {
        if (line.isBlank()) {
            return;
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            LOG.warn("journal {}: skipping an unreadable record", file);
            return;
        }
        apply(node);
    }

    private void apply(JsonNode node) {
        String type = node.path("type").asText();
        String key = node.path("key").asText(null);
        if (type.equals("done")) {
            applyDone(DoneRecord.from(node), key);
        } else if (type.equals("file")) {
            doneFiles.put(
                    node.path("path").asText() + "|" + node.path("fingerprint").asText(), node);
        } else if (type.equals("failed") && key != null) {
            failedByKey.put(key, node);
        }
    }

    private void applyDone(DoneRecord done, String key) {
        if (done.fallback()) {
            // a fallback did some of it: not finished for a later run, which asks the configured backend again
            byFallback.put(done.id() + "|" + done.fingerprint(), done);
            if (key != null) {
                failedByKey.remove(key);
            }
            return;
        }
        byFallback.remove(done.id() + "|" + done.fingerprint());
        doneById.put(done.id() + "|" + done.fingerprint(), done);
        if (key != null) {
            doneByKey.put(key + "|" + done.fingerprint(), done);
            failedByKey.remove(key);
        }
        if (done.url() != null) {
            doneUrls.add(done.url() + "|" + done.fingerprint());
        }
    }

    /** The finished record of an article (by content id) under these options, or null. */
    synchronized DoneRecord doneArticle(String id, String fingerprint) {
        return doneById.get(id + "|" + fingerprint);
    }

    /**
     * The record of an article (by content id) a fallback backend helped finish under these options, or null; such an
     * article is not {@link #doneArticle done}: it is redone, and the configured backend asked again.
     */
    synchronized DoneRecord byFallback(String id, String fingerprint) {
        return byFallback.get(id + "|" + fingerprint);
    }

    /** The finished record of an item key under these options, or null. */
    synchronized DoneRecord doneKey(String key, String fingerprint) {
        return doneByKey.get(key + "|" + fingerprint);
    }

    synchronized boolean doneUrl(String url, String fingerprint) {
        return url != null && doneUrls.contains(url + "|" + fingerprint);
    }

    /**
     * The finished items (key → record) of a file input whose every item finished under these options while the
     * file had this size and modification time, or null when the file must be read (never finished, changed, or a
     * record is missing).
     */
    synchronized Map<String, DoneRecord> doneFile(ItemSource.FileStamp stamp, String fingerprint) {
        JsonNode file = doneFiles.get(stamp.path() + "|" + fingerprint);
        if (file == null
                || file.path("size").asLong(-1) != stamp.size()
                || !stamp.modified().equals(file.path("modified").asText())) {
            return null;
        }
        Map<String, DoneRecord> done = new java.util.LinkedHashMap<>();
        for (JsonNode key : file.path("keys")) {
            DoneRecord record = doneByKey.get(key.asText() + "|" + fingerprint);
            if (record == null) {
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
        append(List.of(fileRecord));
    }

    /** Appends a finished item and forces it to disk. */
    void appendDone(DoneRecord record, String key) {
        appendDone(record, key, null);
    }

    /**
     * Appends a finished item and, when it was the last of its file, the file's {@link #fileRecord} in the same write,
     * so both cost one force. The done line comes first: a torn write can lose only the file record, and a file
     * record whose items are not all recorded done is ignored ({@link #doneFile}).
     */
    void appendDone(DoneRecord record, String key, ObjectNode fileRecord) {
        ObjectNode node = record.toJson();
        node.put("key", key);
        write(fileRecord == null ? List.of(node) : List.of(node, fileRecord));
        synchronized (this) {
            applyDone(record, key); // the record itself, not one read back from its JSON
            if (fileRecord != null) {
                apply(fileRecord);
            }
        }
    }

    /** Appends a failure and forces it to disk. */
    void appendFailed(ObjectNode failure) {
        ObjectNode node = failure.deepCopy();
        node.put("type", "failed");
        append(List.of(node));
    }

    /**
     * Writes the records (one write, one line each), waits until they are on disk (forcing them, and every record
     * written meanwhile, unless another thread's force already covers them), then makes them count.
     */
    private void append(List<ObjectNode> nodes) {
        write(nodes);
        synchronized (this) {
            nodes.forEach(this::apply);
        }
    }

    /** Writes the records (one write) and waits until they are on disk; they do not count yet. */
    private void write(List<ObjectNode> nodes) {
        long end;
        try {
            StringBuilder lines = new StringBuilder();
            for (ObjectNode node : nodes) {
                lines.append(Json.mapper().writeValueAsString(node)).append('\n');
            }
            byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                written += bytes.length;
                end = written;
            }
            awaitDurable(end);
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

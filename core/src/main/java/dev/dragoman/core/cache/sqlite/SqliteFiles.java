package dev.dragoman.core.cache.sqlite;

import dev.dragoman.core.io.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** File-level work on the cache file: creating it private, checking its header, moving a corrupt one aside. */
final class SqliteFiles {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SqliteFiles() {}

    /** The system property naming where sqlite-jdbc extracts its native library. */
    static final String NATIVE_DIR_PROPERTY = "org.sqlite.tmpdir";

    /**
     * Creates, private, the directory {@code org.sqlite.tmpdir} names (the CLI points it under Dragoman's cache
     * directory) if it is set and missing: sqlite-jdbc extracts its native library there on the first connection.
     */
    static void prepareNativeDirectory() throws IOException {
        String dir = System.getProperty(NATIVE_DIR_PROPERTY);
        if (dir != null && !dir.isBlank() && !Files.isDirectory(Path.of(dir))) {
            PrivateFiles.directory(Path.of(dir));
        }
    }

    /** Creates the directory (0700) and an empty file (0600) if missing; tightens an existing file to 0600. */
    static void prepare(Path file) throws IOException {
        Path dir = file.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            PrivateFiles.directory(dir);
        }
        PrivateFiles.file(file);
    }

    /**
     * A reason the file is not a sound SQLite database, judged from its first 100 bytes and its length, or null.
     * An empty file is sound (SQLite makes it a database on first write).
     */
    static String headerProblem(Path file) {
        try {
            long length = Files.size(file);
            if (length == 0) {
                return null;
            }
            byte[] header = new byte[100];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(header, 0, header.length);
            }
            if (read < header.length) {
                return "only " + length + " bytes, shorter than an SQLite header";
            }
            for (int i = 0; i < MAGIC.length; i++) {
                if (header[i] != MAGIC[i]) {
                    return "not an SQLite file";
                }
            }
            int pageSize = ((header[16] & 0xFF) << 8) | (header[17] & 0xFF);
            long page = pageSize == 1 ? 65536 : pageSize;
            if (page < 512 || Long.bitCount(page) != 1) {
                return "invalid page size " + pageSize;
            }
            long changeCounter = u32(header, 24);
            long pages = u32(header, 28);
            long validFor = u32(header, 92);
            Path wal = Path.of(file + "-wal");
            boolean walPending = Files.exists(wal) && Files.size(wal) > 0;
            // the page count is valid only when written by the same change; with a WAL pending, a checkpoint may be
            // mid-way and the file legitimately shorter
            if (changeCounter == validFor && pages > 0 && !walPending && length < pages * page) {
                return "truncated: " + length + " bytes, the header says " + pages * page;
            }
            return null;
        } catch (IOException e) {
            return null; // not readable: opening it will say why
        }
    }

    /** Moves the file and its WAL and shared-memory files aside; returns where the file went. */
    static Path moveAside(Path file, Instant now) throws IOException {
        String stamp = STAMP.format(now);
        Path target = Path.of(file + ".corrupt-" + stamp);
        for (int n = 1; Files.exists(target); n++) {
            target = Path.of(file + ".corrupt-" + stamp + "-" + n);
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        for (String suffix : new String[] {"-wal", "-journal"}) {
            Path side = Path.of(file + suffix);
            if (Files.exists(side)) {
                Files.move(side, Path.of(target + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.deleteIfExists(Path.of(file + "-shm"));
        return target;
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24)
                | ((b[at + 1] & 0xFF) << 16)
                | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }
}

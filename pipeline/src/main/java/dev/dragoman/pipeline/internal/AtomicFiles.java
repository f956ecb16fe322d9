package dev.dragoman.pipeline.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Internal: not an API. Writes files so that no reader ever sees half of one: a temporary file beside the target,
 * forced, then moved. The one place the batch's outputs and the CLI's {@code -o FILE}/{@code -o DIR} are written.
 */
public final class AtomicFiles {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final boolean POSIX =
            java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFiles() {}

    public static void write(Path target, String content) throws IOException {
        try (Pending p = begin(target)) {
            p.append(content);
            p.commit();
        }
    }

    /**
     * Starts a file written in pieces: {@link Pending#append} streams into a temporary file beside {@code target};
     * {@link Pending#commit} forces it and moves it over the target; closing without committing removes it and
     * leaves any previous target untouched (a failed or full-disk run never replaces a good file with half of one).
     */
    public static Pending begin(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = createTemporary(dir, target.getFileName().toString());
        if (Files.exists(target) && POSIX) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target)); // a replaced file keeps its mode
        }
        try {
            return new Pending(target, tmp, FileChannel.open(tmp, StandardOpenOption.WRITE));
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * A new empty file {@code .<name>.<random>.tmp} in {@code dir} with the mode the umask gives (0644 by default):
     * outputs are for web servers and colleagues to read. ({@code Files.createTempFile} would make it 0600.)
     */
    private static Path createTemporary(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** A file being written; see {@link #begin}. Not thread-safe. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final FileChannel channel;
        private boolean done;
        private java.io.Writer writer;

        private Pending(Path target, Path tmp, FileChannel channel) {
            this.target = target;
            this.tmp = tmp;
            this.channel = channel;
        }

        public void append(String content) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        /**
         * The file as a buffered UTF-8 {@link java.io.Writer} (one per file; flushed by {@link #commit}), for a text
         * written in many pieces. Closing it is not needed.
         */
        public java.io.Writer writer() {
            if (writer == null) {
                writer = new java.io.BufferedWriter(
                        new java.io.OutputStreamWriter(
                                java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8),
                        1 << 16);
            }
            return writer;
        }

        public void commit() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            channel.force(true);
            channel.close();
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        }

        @Override
        public void close() throws IOException {
            if (channel.isOpen()) {
                channel.close();
            }
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Removes temporary files an interrupted run left in {@code dir} (not recursive). */
    public static void sweep(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}

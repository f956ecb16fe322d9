package dev.dragoman.pipeline.batch;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.io.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One batch at a time per output folder: an exclusive lock on {@code <out>/.dragoman/lock} (an OS file lock, so it
 * holds across processes — cron plus a manual run — and dies with its process, so a {@code kill -9} leaves no stale
 * lock). The holder writes who it is (pid, host, start time) into the file; a second run is refused at once with a
 * message naming it.
 */
public final class OutputLock implements AutoCloseable {

    static final String FILE = "lock";

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the output folder whose state directory is {@code stateDir}.
     *
     * @throws DragomanException of kind BUSY when another run holds it (the message names that run)
     */
    public static OutputLock acquire(Path out, Path stateDir, Instant now) {
        Path file = stateDir.resolve(FILE);
        FileChannel channel = null;
        try {
            PrivateFiles.directory(stateDir); // created private: the journal beside the lock is private
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new DragomanException(
                        DragomanException.Kind.BUSY,
                        "another dragoman batch (" + holder + ") is writing to " + out
                                + "; wait for it to finish, or give this run another --out");
            }
            channel.truncate(0);
            String me = "pid " + ProcessHandle.current().pid() + " on " + host() + ", started " + now;
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new OutputLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the output directory " + out + ": " + e.getMessage(), e);
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer b = ByteBuffer.allocate(512);
            channel.read(b, 0);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "a run that is just starting" : s;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it anyway
        }
        closeQuietly(channel);
    }
}

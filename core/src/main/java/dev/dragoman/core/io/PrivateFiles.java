package dev.dragoman.core.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read: the cache, the batch journal, SQLite's native-library directory. Everything
 * else Dragoman writes (articles, digests, {@code -o} files) follows the umask. A private directory is created
 * private (0700) — never created open and tightened later, so no other user can slip in between — and an existing
 * one is tightened; a private file is created 0600 and an existing one tightened. On file systems without POSIX
 * permissions these are plain creations. Stateless and thread-safe.
 */
public final class PrivateFiles {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /**
     * Creates {@code dir} (and missing parents, which follow the umask) with mode 0700, or tightens it to 0700 when
     * it exists.
     *
     * @return {@code dir}
     * @throws IOException when it cannot be created or is not a directory
     */
    public static Path directory(Path dir) throws IOException {
        if (!POSIX) {
            return Files.createDirectories(dir);
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
            Files.setPosixFilePermissions(dir, DIR); // the umask may have taken bits off: 0700 exactly
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " exists and is not a directory", e);
            }
            if (!Files.getPosixFilePermissions(dir).equals(DIR)) {
                Files.setPosixFilePermissions(dir, DIR);
            }
        }
        return dir;
    }

    /**
     * Creates an empty {@code file} with mode 0600 (its directory must exist), or tightens it to 0600 when it exists.
     *
     * @return {@code file}
     * @throws IOException when it cannot be created, or is a directory
     */
    public static Path file(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory");
        }
        try {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            if (POSIX && !Files.getPosixFilePermissions(file).equals(FILE)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        }
        return file;
    }
}

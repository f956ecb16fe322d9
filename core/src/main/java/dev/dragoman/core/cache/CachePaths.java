package dev.dragoman.core.cache;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the SQLite cache lives by default: {@code $XDG_CACHE_HOME/dragoman/cache.db}, else
 * {@code ~/.cache/dragoman/cache.db} (XDG Base Directory spec: an empty or relative {@code XDG_CACHE_HOME} is
 * ignored). Core never reads the environment itself; the CLI passes it in.
 */
public final class CachePaths {

    /** The file name inside the cache directory. */
    public static final String FILE_NAME = "cache.db";

    private CachePaths() {}

    /**
     * The default cache file.
     *
     * @param env the process environment ({@code System.getenv()} in the CLI)
     * @param home the user's home directory ({@code user.home})
     */
    public static Path defaultPath(Map<String, String> env, Path home) {
        return directory(env, home).resolve(FILE_NAME);
    }

    /**
     * Where SQLite's native library is extracted ({@code <cache dir>/native}, private): not the shared temporary
     * directory, where another JVM's clean-up can delete it between extraction and loading. The CLI points the
     * {@code org.sqlite.tmpdir} property here; {@link dev.dragoman.core.cache.sqlite.SqliteResultCache} creates it.
     */
    public static Path nativeLibraryDirectory(Map<String, String> env, Path home) {
        return directory(env, home).resolve("native");
    }

    /**
     * sqlite-jdbc extracts its native library on first use; in the shared temporary directory another JVM's
     * clean-up can delete it between extraction and loading (a 45-line {@code NoSuchFileException} trace on a first
     * run). This points it ({@code org.sqlite.tmpdir}) at {@link #nativeLibraryDirectory} instead, created private
     * when the cache opens; an explicit {@code -Dorg.sqlite.tmpdir} wins. Call it before the first store opens.
     */
    public static void useNativeLibraryDirectory(Map<String, String> env, Path home) {
        if (System.getProperty("org.sqlite.tmpdir") == null) {
            System.setProperty(
                    "org.sqlite.tmpdir", nativeLibraryDirectory(env, home).toString());
        }
    }

    /** {@code $XDG_CACHE_HOME/dragoman}, else {@code ~/.cache/dragoman}. */
    public static Path directory(Map<String, String> env, Path home) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(home, "home");
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("dragoman");
    }
}

package dev.dragoman.core.cache.sqlite;

import dev.dragoman.core.cache.CacheEntry;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.usage.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A second process for {@link SqliteStoreTest}: waits for a start file, then writes and reads entries in the shared
 * cache file through the raw store (no decorator), so any error surfaces as a non-zero exit.
 * Args: cache-file start-file name count result-file.
 */
public final class SqliteWriterMain {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path start = Path.of(args[1]);
        String name = args[2];
        int count = Integer.parseInt(args[3]);
        try (SqliteResultCache cache = new SqliteResultCache(SqliteOptions.at(file))) {
            while (!Files.exists(start)) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < count; i++) {
                CacheKey own = SqliteStoreTest.key(name + "/" + i);
                CacheEntry entry = new CacheEntry(
                        "value of " + name + "/" + i + " " + "x".repeat(2000),
                        Instant.now(),
                        "deepl",
                        "m",
                        Usage.ofCharacters(1, 10));
                cache.put(own, entry);
                if (!cache.get(own).orElseThrow().equals(entry)) {
                    throw new AssertionError("read back a different entry for " + name + "/" + i);
                }
                CacheKey shared = SqliteStoreTest.key("shared/" + (i % 10));
                cache.put(shared, new CacheEntry("shared " + (i % 10), Instant.EPOCH, "deepl", "m", Usage.NONE));
                cache.get(shared);
            }
        }
        Files.writeString(Path.of(args[4]), "ok " + count, java.nio.charset.StandardCharsets.UTF_8);
    }
}

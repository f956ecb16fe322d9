package dev.dragoman.core.cache.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Language;
import dev.dragoman.core.cache.CacheAdmin;
import dev.dragoman.core.cache.CacheEntry;
import dev.dragoman.core.cache.CacheException;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.usage.Usage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite store does: files, permissions, corruption on open, schema versions, two processes. */
class SqliteStoreTest {

    @TempDir
    Path dir;

    static CacheKey key(String input) {
        return CacheKey.builder("translate")
                .backend("deepl")
                .model("m")
                .source(Language.ARABIC)
                .target(Language.ENGLISH)
                .input(input)
                .build();
    }

    private static CacheEntry entry(String value) {
        return new CacheEntry(value, Instant.parse("2026-03-01T00:00:00Z"), "deepl", "m", Usage.ofCharacters(1, 42));
    }

    private SqliteResultCache fill(Path file, int n) {
        SqliteResultCache cache = SqliteResultCache.open(file);
        for (int i = 0; i < n; i++) {
            cache.put(key("k" + i), entry("value " + i + " " + "y".repeat(500)));
        }
        return cache;
    }

    @Test
    void should_create_a_private_file_in_a_private_directory() throws IOException {
        // given
        Path file = dir.resolve("new/dragoman/cache.db");
        // when
        try (SqliteResultCache cache = SqliteResultCache.open(file)) {
            cache.put(key("a"), entry("a"));
            // then
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(file + "-wal"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void should_tighten_an_existing_file_to_owner_only() throws IOException {
        // given
        Path file = dir.resolve("cache.db");
        Files.createFile(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        // when
        try (SqliteResultCache cache = SqliteResultCache.open(file)) {
            // then
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void should_keep_entries_and_counters_across_reopening() {
        // given
        Path file = dir.resolve("cache.db");
        try (SqliteResultCache cache = SqliteResultCache.open(file)) {
            cache.put(key("a"), entry("a"));
            cache.get(key("a"));
        }
        // when
        try (SqliteResultCache cache = SqliteResultCache.open(file)) {
            Optional<CacheEntry> found = cache.get(key("a"));
            // then
            assertThat(found).contains(entry("a"));
            assertThat(cache.stats().hits()).isEqualTo(2);
            assertThat(cache.stats().saved().characters()).isEqualTo(84);
            assertThat(cache.warnings()).isEmpty();
        }
    }

    @Test
    void should_move_a_file_that_is_not_a_database_aside_and_start_fresh() throws IOException {
        // given
        Path file = dir.resolve("cache.db");
        Files.writeString(file, "this is not a database\n".repeat(200), StandardCharsets.UTF_8);
        // when
        try (SqliteResultCache cache = SqliteResultCache.open(file)) {
            // then
            assertThat(cache.warnings())
                    .singleElement()
                    .asString()
                    .contains("corrupt")
                    .contains("moved aside");
            List<Path> aside = corruptCopies();
            assertThat(aside).hasSize(1);
            assertThat(Files.readString(aside.get(0))).startsWith("this is not a database");
            cache.put(key("a"), entry("a"));
            assertThat(cache.get(key("a"))).contains(entry("a"));
            assertThat(cache.stats().errors()).isEqualTo(1);
        }
    }

    @Test
    void should_detect_a_truncated_file_on_open() throws IOException {
        // given
        Path file = dir.resolve("cache.db");
        fill(file, 300).close();
        long length = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length / 2);
        }
        // when
        try (SqliteResultCache cache = SqliteResultCache.open(file)) {
            // then
            assertThat(cache.warnings()).singleElement().asString().contains("truncated");
            assertThat(corruptCopies()).hasSize(1);
            assertThat(cache.get(key("k1"))).isEmpty();
        }
    }

    @Test
    void should_never_return_a_wrong_value_from_a_file_with_damaged_pages() throws IOException {
        // given
        Path file = dir.resolve("cache.db");
        fill(file, 200).close();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[4096];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            raf.seek(Files.size(file) / 2);
            raf.write(junk);
        }
        // when
        try (SqliteResultCache raw = SqliteResultCache.open(file)) {
            MeteredResultCache cache = MeteredResultCache.of(raw);
            // then: every entry is either the one stored or a miss
            for (int i = 0; i < 200; i++) {
                String expected = "value " + i + " ";
                Optional<CacheEntry> found = cache.get(key("k" + i));
                found.ifPresent(e -> assertThat(e.value()).startsWith(expected));
            }
        }
    }

    @Test
    void should_check_a_file_fully_on_the_next_open_after_a_run_met_corruption() throws IOException {
        // given a damaged file opened without the full check, as a large file would be
        Path file = dir.resolve("cache.db");
        fill(file, 300).close();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[64 * 1024];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            raf.seek(Files.size(file) / 3);
            raf.write(junk);
        }
        int corruptReads = 0;
        try (SqliteResultCache damaged =
                new SqliteResultCache(SqliteOptions.at(file).withCheckOnOpen(false))) {
            for (int i = 0; i < 300; i++) {
                try {
                    damaged.get(key("k" + i));
                } catch (CacheException e) {
                    corruptReads += SqliteResultCache.isCorruption((java.sql.SQLException) e.getCause()) ? 1 : 0;
                }
            }
            assertThat(corruptReads).isPositive();
            assertThat(damaged.warnings()).anySatisfy(w -> assertThat(w).contains("reported corruption"));
        }
        assertThat(Path.of(file + "-check")).exists();
        // when
        try (SqliteResultCache reopened = SqliteResultCache.open(file)) {
            // then
            assertThat(reopened.warnings()).singleElement().asString().contains("moved aside");
            assertThat(Path.of(file + "-check")).doesNotExist();
            assertThat(corruptCopies()).hasSize(1);
        }
    }

    @Test
    void should_refuse_a_file_from_a_newer_schema_with_a_clear_message() throws Exception {
        // given
        Path file = dir.resolve("cache.db");
        SqliteResultCache.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("UPDATE schema_version SET version = 99");
        }
        // when / then
        assertThatThrownBy(() -> SqliteResultCache.open(file))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("newer Dragoman")
                .hasMessageContaining("99");
    }

    @Test
    void should_record_the_schema_version_once() throws Exception {
        // given
        Path file = dir.resolve("cache.db");
        SqliteResultCache.open(file).close();
        // when
        SqliteResultCache.open(file).close();
        // then
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getInt(2)).isEqualTo(SqliteSchema.CURRENT);
        }
    }

    @Test
    void should_throw_a_cache_exception_after_close_which_the_decorator_steps_around() {
        // given
        SqliteResultCache raw = SqliteResultCache.open(dir.resolve("cache.db"));
        raw.close();
        MeteredResultCache metered = MeteredResultCache.of(raw);
        // when / then
        assertThatThrownBy(() -> raw.get(key("a")))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("closed");
        assertThat(metered.get(key("a"))).isEmpty();
        metered.put(key("a"), entry("a"));
        assertThat(metered.counters().errors()).isEqualTo(2);
    }

    @Test
    void should_lose_nothing_when_two_processes_write_the_same_file_at_once() throws Exception {
        // given
        Path file = dir.resolve("shared/cache.db");
        Path start = dir.resolve("go");
        int perProcess = 150;
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            Path log = dir.resolve(name + ".log");
            logs.add(log);
            processes.add(new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            SqliteWriterMain.class.getName(),
                            file.toString(),
                            start.toString(),
                            name,
                            Integer.toString(perProcess),
                            dir.resolve(name + ".result").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start());
        }
        // when
        Files.createFile(start);
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("writer finished").isTrue();
        }
        // then
        for (int i = 0; i < processes.size(); i++) {
            String out = Files.readString(logs.get(i));
            assertThat(processes.get(i).exitValue()).as(out).isZero();
            assertThat(out).as(out).doesNotContain("Exception");
            assertThat(dir.resolve(List.of("first", "second").get(i) + ".result"))
                    .hasContent("ok " + perProcess);
        }
        try (SqliteResultCache cache = SqliteResultCache.open(file)) {
            for (String name : List.of("first", "second")) {
                for (int i = 0; i < perProcess; i++) {
                    assertThat(cache.get(key(name + "/" + i)))
                            .as(name + "/" + i)
                            .isPresent();
                }
            }
            assertThat(CacheAdmin.of(cache).orElseThrow().stats().entries()).isEqualTo(2L * perProcess + 10);
            assertThat(cache.stats().errors()).isZero();
        }
    }

    private List<Path> corruptCopies() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("cache\\.db\\.corrupt-\\d{8}T\\d{6}Z"))
                    .toList();
        }
    }

    @Test
    void should_store_all_of_a_write_of_many_entries_or_none_when_it_fails_half_way() throws Exception {
        // given a file whose third row of a write will be refused (a trigger, as a full disk or a crash would stop it)
        Path file = dir.resolve("torn/cache.db");
        try (SqliteResultCache cache = SqliteResultCache.open(file)) {
            cache.put(key("before"), entry("stored before"));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement st = c.createStatement()) {
                st.execute("CREATE TRIGGER refuse BEFORE INSERT ON entries WHEN NEW.value = 'poison'"
                        + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
            }
            java.util.Map<CacheKey, CacheEntry> article = new java.util.LinkedHashMap<>();
            article.put(key("s1"), entry("first"));
            article.put(key("s2"), entry("second"));
            article.put(key("s3"), entry("poison"));
            // when an article's segments are written in one call
            assertThatThrownBy(() -> cache.putAll(article)).isInstanceOf(CacheException.class);
            // then none of them is stored (one transaction, rolled back), what was there before is intact, and the
            // store goes on working
            assertThat(cache.getAll(List.of(key("s1"), key("s2"), key("s3"), key("before"))))
                    .containsOnlyKeys(key("before"));
            cache.putAll(java.util.Map.of(key("s1"), entry("first")));
            assertThat(cache.get(key("s1"))).contains(entry("first"));
        }
    }
}

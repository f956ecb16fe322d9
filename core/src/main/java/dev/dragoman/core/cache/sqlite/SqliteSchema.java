package dev.dragoman.core.cache.sqlite;

import dev.dragoman.core.cache.CacheException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The cache file's schema and its migrations. {@code schema_version} holds one row with the version; opening a file
 * applies, in one {@code BEGIN IMMEDIATE} transaction, every migration past it (so two processes opening a new file
 * at once migrate it once). A file from a newer Dragoman is refused rather than guessed at.
 *
 * <p>To change the schema: append a migration to {@link #MIGRATIONS}; never edit one that has shipped.
 */
final class SqliteSchema {

    /** Migration {@code i} takes a file from version {@code i} to {@code i + 1}. */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, digest TEXT NOT NULL UNIQUE,"
                    + " operation TEXT NOT NULL, backend TEXT NOT NULL, model TEXT NOT NULL,"
                    + " value TEXT NOT NULL, checksum INTEGER NOT NULL, created_s INTEGER NOT NULL,"
                    + " created_ns INTEGER NOT NULL, stored INTEGER NOT NULL, expires INTEGER,"
                    + " last_access INTEGER NOT NULL, size INTEGER NOT NULL, entry_backend TEXT NOT NULL,"
                    + " requests INTEGER NOT NULL, characters INTEGER NOT NULL,"
                    + " input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL)",
            "CREATE INDEX entries_lru ON entries (last_access)",
            "CREATE INDEX entries_expiry ON entries (expires) WHERE expires IS NOT NULL",
            "CREATE TABLE stats (backend TEXT PRIMARY KEY, hits INTEGER NOT NULL DEFAULT 0,"
                    + " misses INTEGER NOT NULL DEFAULT 0, errors INTEGER NOT NULL DEFAULT 0,"
                    + " saved_requests INTEGER NOT NULL DEFAULT 0, saved_characters INTEGER NOT NULL DEFAULT 0,"
                    + " saved_input_tokens INTEGER NOT NULL DEFAULT 0,"
                    + " saved_output_tokens INTEGER NOT NULL DEFAULT 0)",
            // the payload total, kept by triggers so the size cap needs no scan and holds across processes
            "CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
            "INSERT INTO meta (name, value) VALUES ('total_bytes', 0)",
            "CREATE TRIGGER entries_added AFTER INSERT ON entries BEGIN"
                    + " UPDATE meta SET value = value + NEW.size WHERE name = 'total_bytes'; END",
            "CREATE TRIGGER entries_removed AFTER DELETE ON entries BEGIN"
                    + " UPDATE meta SET value = value - OLD.size WHERE name = 'total_bytes'; END",
            "CREATE TRIGGER entries_resized AFTER UPDATE OF size ON entries BEGIN"
                    + " UPDATE meta SET value = value - OLD.size + NEW.size WHERE name = 'total_bytes'; END"));

    /** The version this code writes. */
    static final int CURRENT = MIGRATIONS.size();

    private SqliteSchema() {}

    static void migrate(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            boolean done = false;
            try {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
                int version = 0;
                boolean hasRow;
                try (ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
                    hasRow = rs.next();
                    if (hasRow) {
                        version = rs.getInt(1);
                    }
                }
                if (version > CURRENT) {
                    throw new CacheException(
                            "the cache file was written by a newer Dragoman (schema " + version + ", this one knows "
                                    + CURRENT + "); use another --cache-path or upgrade",
                            null);
                }
                for (int v = version; v < CURRENT; v++) {
                    for (String sql : MIGRATIONS.get(v)) {
                        st.execute(sql);
                    }
                }
                if (!hasRow) {
                    st.execute("INSERT INTO schema_version (version) VALUES (" + CURRENT + ")");
                } else if (version != CURRENT) {
                    st.execute("UPDATE schema_version SET version = " + CURRENT);
                }
                st.execute("COMMIT");
                done = true;
            } finally {
                if (!done) {
                    try {
                        st.execute("ROLLBACK");
                    } catch (SQLException ignored) {
                        // the transaction is already gone
                    }
                }
            }
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}

package dev.dragoman.core.cache.sqlite;

import dev.dragoman.core.cache.CacheAdmin;
import dev.dragoman.core.cache.CacheEntry;
import dev.dragoman.core.cache.CacheException;
import dev.dragoman.core.cache.CacheFilter;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.CacheStats;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.usage.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * The embedded default store: one SQLite file (by default {@code ~/.cache/dragoman/cache.db}, see
 * {@link dev.dragoman.core.cache.CachePaths}).
 *
 * <ul>
 *   <li><b>Several processes.</b> WAL journal, a busy timeout, and every write in a {@code BEGIN IMMEDIATE}
 *       transaction, so two processes writing at once queue for the write lock instead of failing, and readers never
 *       wait for writers.</li>
 *   <li><b>Private.</b> The file is created with mode 0600 (its directory 0700); SQLite gives its {@code -wal} and
 *       {@code -shm} files the same mode.</li>
 *   <li><b>Never a wrong value.</b> Each row keeps the full key digest, operation and backend, and a CRC-32 of digest
 *       and value; a row that does not match is deleted and reported as a {@link CacheException}.</li>
 *   <li><b>Corruption.</b> On open the header is checked (magic, page count against the file length) and
 *       {@code PRAGMA quick_check} runs (on files up to 64 MiB, or on any file after a run that met
 *       {@code SQLITE_CORRUPT}, which leaves a {@code cache.db-check} marker); a corrupt or truncated file is moved
 *       aside to
 *       {@code cache.db.corrupt-<timestamp>}, a fresh one is created, and {@link #warnings()} says so.</li>
 *   <li><b>Bounded.</b> A time to live per entry (the expiry is stored in the row) and a size cap on the entries'
 *       payload bytes: past the cap, least-recently-used entries (by a {@code last_access} column) are evicted down
 *       to 90 % of it.</li>
 *   <li><b>Schema versioned.</b> A {@code schema_version} table; {@link SqliteSchema} holds the migrations.</li>
 * </ul>
 *
 * <p>Hits, misses and what the hits saved are counted in the file (table {@code stats}), so every process sharing the
 * file adds to the same counters. A hit is a read: its last-access time and counters are written in batches (every
 * 256 look-ups, every 2 s, before any write, and on close), so a crash loses at most those counts, never entries. Thread-safe: one connection, used under a lock held only for the duration of one
 * SQLite statement or transaction (tens of microseconds), never during a backend call. {@link #getAll} reads many keys
 * in one statement and {@link #putAll} writes many in one transaction, so an article's segments cost one hold of the
 * lock each way.
 */
public final class SqliteResultCache implements ResultCache, CacheAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteResultCache.class);
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    /** Row bytes beyond value, model, backend and operation: the digest, numbers and SQLite's per-row overhead. */
    private static final int ROW_OVERHEAD = 128;
    /**
     * {@code PRAGMA quick_check} reads the whole file (about 0.7 s for 430 MB here): on open it runs for files up to
     * this size, and for larger ones only when a previous run saw corruption. The header check always runs.
     */
    static final long QUICK_CHECK_MAX_BYTES = 64L * 1024 * 1024;
    /** Hits and misses are written in batches of this many, or after {@link #FLUSH_EVERY_NANOS}, or on close. */
    private static final int FLUSH_EVERY_OPS = 256;

    private static final long FLUSH_EVERY_NANOS = 2_000_000_000L;
    /** Digests per {@code SELECT … IN (…)}: far below SQLite's host-parameter limit, and more than an article has. */
    static final int IN_CHUNK = 64;

    private static final String SELECT_COLUMNS = "SELECT digest, operation, backend, model, value, checksum, created_s,"
            + " created_ns, expires, entry_backend, requests, characters, input_tokens, output_tokens";

    private final SqliteOptions options;
    private final Path path;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Pending pending = new Pending();
    private long lastFlush = System.nanoTime();
    private Connection connection;
    /** Look-ups of 1 … {@link #IN_CHUNK} digests, by size, prepared on first use. */
    private PreparedStatement[] selects = new PreparedStatement[IN_CHUNK + 1];

    private PreparedStatement touch;
    private PreparedStatement upsert;
    private PreparedStatement deleteDigest;
    private PreparedStatement countAll;
    private PreparedStatement countError;
    private PreparedStatement totalBytes;
    private boolean closed;

    /**
     * Opens (creating if needed) the cache file.
     *
     * @throws CacheException if the file cannot be created or opened (permissions, a directory in the way, a file
     *     written by a newer Dragoman); a corrupt file is not an error: it is replaced and reported in
     *     {@link #warnings()}
     */
    public SqliteResultCache(SqliteOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.path = options.path().toAbsolutePath();
        this.clock = options.clock();
        open();
    }

    /** A cache at {@code path} with the default options. */
    public static SqliteResultCache open(Path path) {
        return new SqliteResultCache(SqliteOptions.at(path));
    }

    /** The cache file. */
    public Path path() {
        return path;
    }

    @Override
    public Optional<CacheEntry> get(CacheKey key) {
        Objects.requireNonNull(key, "key");
        Read read = read(List.of(key));
        if (read.corrupt != null) {
            throw new CacheException(read.corrupt, null);
        }
        return Optional.ofNullable(read.found.get(key));
    }

    /**
     * The keys' entries in one {@code SELECT … WHERE digest IN (…)} (per {@link #IN_CHUNK} keys) under one hold of the
     * lock: an article's segments cost one wait, not one per segment.
     */
    @Override
    public Map<CacheKey, CacheEntry> getAll(Collection<CacheKey> keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            return Map.of();
        }
        Read read = read(keys);
        if (read.corrupt != null) {
            throw CacheException.partly(read.corrupt, null, read.found);
        }
        return read.found;
    }

    /** What one look-up read: the entries found, and why some row failed its check (null when none did). */
    private record Read(Map<CacheKey, CacheEntry> found, String corrupt) {}

    private Read read(Collection<CacheKey> keys) {
        lock.lock();
        try {
            ensureOpen();
            long now = clock.millis();
            Map<String, Row> rows = new HashMap<>();
            List<CacheKey> all = keys instanceof List<CacheKey> l ? l : new ArrayList<>(keys);
            for (int from = 0; from < all.size(); from += IN_CHUNK) {
                List<CacheKey> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
                PreparedStatement select = selectIn(chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i).digest());
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Row row = Row.read(rs);
                        rows.put(row.digest(), row);
                    }
                }
            }
            Map<CacheKey, CacheEntry> found = new LinkedHashMap<>();
            String corrupt = null;
            for (CacheKey key : keys) {
                Row row = rows.get(key.digest());
                if (row == null || (row.expires != null && row.expires <= now)) {
                    if (row != null) {
                        deleteDigest.setString(1, key.digest());
                        deleteDigest.executeUpdate();
                    }
                    pending.miss(key.backend());
                } else if (!row.matches(key)) {
                    deleteDigest.setString(1, key.digest());
                    deleteDigest.executeUpdate();
                    countError.setString(1, key.backend());
                    countError.executeUpdate();
                    corrupt = corrupt != null
                            ? corrupt
                            : "a corrupt row in the SQLite cache " + path + " failed its check and was deleted ("
                                    + row.mismatch(key) + ")";
                } else {
                    CacheEntry entry = row.entry();
                    pending.hit(key.digest(), now, key.backend(), entry.usage());
                    found.put(key, entry);
                }
            }
            flushIfDue();
            return new Read(found, corrupt);
        } catch (SQLException e) {
            throw failure("read", e);
        } finally {
            lock.unlock();
        }
    }

    /** The look-up of {@code n} digests ({@code 1 ≤ n ≤ IN_CHUNK}), prepared once per size; the caller holds the lock. */
    private PreparedStatement selectIn(int n) throws SQLException {
        PreparedStatement ps = selects[n];
        if (ps == null) {
            ps = connection.prepareStatement(SELECT_COLUMNS + " FROM entries WHERE digest IN ("
                    + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")");
            selects[n] = ps;
        }
        return ps;
    }

    @Override
    public void put(CacheKey key, CacheEntry entry) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entry, "entry");
        putAll(Map.of(key, entry));
    }

    /** Stores the entries in one transaction: one commit for an article's segments, not one per segment. */
    @Override
    public void putAll(Map<CacheKey, CacheEntry> entries) {
        Objects.requireNonNull(entries, "entries"); // null keys and entries are MeteredResultCache's to refuse
        if (entries.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            ensureOpen();
            long now = clock.millis();
            inTransaction(() -> {
                writePending();
                for (Map.Entry<CacheKey, CacheEntry> e : entries.entrySet()) {
                    upsert(e.getKey(), e.getValue(), now);
                }
                if (total() > options.maxBytes()) {
                    evict(now);
                }
            });
        } catch (SQLException e) {
            throw failure("write", e);
        } finally {
            lock.unlock();
        }
    }

    /** One row written; the caller holds the lock and a write transaction. */
    private void upsert(CacheKey key, CacheEntry entry, long now) throws SQLException {
        int i = 1;
        upsert.setString(i++, key.digest());
        upsert.setString(i++, key.operation());
        upsert.setString(i++, key.backend());
        upsert.setString(i++, entry.model());
        upsert.setString(i++, entry.value());
        upsert.setLong(i++, checksum(key.digest(), entry.value()));
        upsert.setLong(i++, entry.created().getEpochSecond());
        upsert.setInt(i++, entry.created().getNano());
        upsert.setLong(i++, now);
        if (options.ttl() == null) {
            upsert.setNull(i++, java.sql.Types.INTEGER);
        } else {
            upsert.setLong(i++, now + options.ttl().toMillis());
        }
        upsert.setLong(i++, now);
        upsert.setLong(i++, sizeOf(key, entry));
        upsert.setString(i++, entry.backend());
        Usage u = entry.usage();
        upsert.setLong(i++, u.requests());
        upsert.setLong(i++, u.characters());
        upsert.setLong(i++, u.inputTokens());
        upsert.setLong(i, u.outputTokens());
        upsert.executeUpdate();
    }

    @Override
    public CacheStats stats() {
        lock.lock();
        try {
            ensureOpen();
            flush();
            Map<String, long[]> perBackend = new TreeMap<>();
            try (Statement st = connection.createStatement()) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT backend, COUNT(*), COALESCE(SUM(size), 0) FROM entries GROUP BY backend")) {
                    while (rs.next()) {
                        long[] a = perBackend.computeIfAbsent(rs.getString(1), b -> new long[9]);
                        a[0] = rs.getLong(2);
                        a[1] = rs.getLong(3);
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT backend, hits, misses, errors, saved_requests,"
                        + " saved_characters, saved_input_tokens, saved_output_tokens FROM stats")) {
                    while (rs.next()) {
                        long[] a = perBackend.computeIfAbsent(rs.getString(1), b -> new long[9]);
                        for (int c = 0; c < 7; c++) {
                            a[2 + c] = rs.getLong(2 + c);
                        }
                    }
                }
            }
            List<CacheStats.BackendStats> backends = new ArrayList<>();
            long entries = 0, hits = 0, misses = 0, errors = 0;
            for (Map.Entry<String, long[]> e : perBackend.entrySet()) {
                long[] a = e.getValue();
                entries += a[0];
                hits += a[2];
                misses += a[3];
                errors += a[4];
                if (!e.getKey().isEmpty()) {
                    backends.add(new CacheStats.BackendStats(
                            e.getKey(), a[0], a[1], a[2], a[3], new Usage(a[5], a[6], a[7], a[8])));
                }
            }
            return new CacheStats(entries, fileBytes(), hits, misses, errors, backends);
        } catch (SQLException e) {
            throw failure("read statistics from", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long clear(CacheFilter filter) {
        Objects.requireNonNull(filter, "filter");
        lock.lock();
        try {
            ensureOpen();
            long[] removed = new long[1];
            inTransaction(() -> {
                writePending();
                StringBuilder where = new StringBuilder(" WHERE 1=1");
                List<Object> args = new ArrayList<>();
                if (filter.backend() != null) {
                    where.append(" AND backend = ?");
                    args.add(filter.backend());
                }
                if (filter.olderThan() != null) {
                    Instant cutoff = clock.instant().minus(filter.olderThan());
                    where.append(" AND (created_s < ? OR (created_s = ? AND created_ns < ?))");
                    args.add(cutoff.getEpochSecond());
                    args.add(cutoff.getEpochSecond());
                    args.add((long) cutoff.getNano());
                }
                try (PreparedStatement ps = connection.prepareStatement("DELETE FROM entries" + where)) {
                    for (int i = 0; i < args.size(); i++) {
                        ps.setObject(i + 1, args.get(i));
                    }
                    removed[0] = ps.executeUpdate();
                }
                if (filter.olderThan() == null) {
                    try (PreparedStatement ps = connection.prepareStatement(
                            filter.backend() == null ? "DELETE FROM stats" : "DELETE FROM stats WHERE backend = ?")) {
                        if (filter.backend() != null) {
                            ps.setString(1, filter.backend());
                        }
                        ps.executeUpdate();
                    }
                }
            });
            checkpoint();
            return removed[0];
        } catch (SQLException e) {
            throw failure("clear", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long prune() {
        lock.lock();
        try {
            ensureOpen();
            long[] removed = new long[1];
            long now = clock.millis();
            inTransaction(() -> {
                writePending();
                removed[0] = evict(now);
            });
            checkpoint();
            return removed[0];
        } catch (SQLException e) {
            throw failure("prune", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The options this store was opened with. */
    public SqliteOptions options() {
        return options;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                if (connection != null) {
                    try {
                        flush();
                    } catch (SQLException e) {
                        LOG.warn("the last cache counters could not be written to {}: {}", path, e.getMessage());
                    }
                }
                closeConnection();
            }
        } finally {
            lock.unlock();
        }
    }

    // --- opening, checking, recovering

    private void open() {
        try {
            SqliteFiles.prepareNativeDirectory();
            SqliteFiles.prepare(path);
        } catch (IOException e) {
            throw new CacheException(
                    "cannot create the cache file " + path + ": " + e.getMessage()
                            + " (choose another path with --cache-path or fix the permissions)",
                    e);
        }
        String problem = SqliteFiles.headerProblem(path);
        if (problem == null) {
            try {
                connect();
                if (options.checkOnOpen()
                        && (Files.size(path) <= QUICK_CHECK_MAX_BYTES || Files.exists(checkMarker()))) {
                    problem = quickCheck();
                }
                if (problem == null) {
                    SqliteSchema.migrate(connection);
                    prepareStatements();
                    Files.deleteIfExists(checkMarker());
                    return;
                }
            } catch (SQLException e) {
                if (!isCorruption(e)) {
                    closeConnection();
                    throw failure("open", e);
                }
                problem = e.getMessage();
            } catch (IOException e) {
                closeConnection();
                throw new CacheException("cannot read the cache file " + path + ": " + e.getMessage(), e);
            }
        }
        closeConnection();
        recover(problem);
        try {
            Files.deleteIfExists(checkMarker());
        } catch (IOException e) {
            LOG.debug("could not remove {}: {}", checkMarker(), e.getMessage());
        }
    }

    /** A file whose presence asks the next open for a full quick_check: a run saw SQLITE_CORRUPT. */
    private Path checkMarker() {
        return Path.of(path + "-check");
    }

    private void recover(String problem) {
        Path aside;
        try {
            aside = SqliteFiles.moveAside(path, clock.instant());
            SqliteFiles.prepare(path);
        } catch (IOException e) {
            throw new CacheException(
                    "the cache file " + path + " is corrupt (" + problem + ") and could not be moved aside: "
                            + e.getMessage() + "; delete it by hand",
                    e);
        }
        String warning = "the cache file " + path + " was corrupt (" + problem + "); it was moved aside to " + aside
                + " and a fresh cache was created";
        LOG.warn(warning);
        warnings.add(warning);
        try {
            connect();
            SqliteSchema.migrate(connection);
            prepareStatements();
            countError.setString(1, "");
            countError.executeUpdate();
        } catch (SQLException e) {
            closeConnection();
            throw failure("create a fresh", e);
        }
    }

    /**
     * Opens the connection and applies the pragmas in a fixed order: the busy timeout first, so every later step
     * waits for another process instead of failing. Switching a new file to WAL takes an exclusive lock and SQLite
     * may answer {@code SQLITE_BUSY} without calling the busy handler when another process opens the same new file
     * at that moment, so that step is retried until the busy timeout is spent.
     */
    private void connect() throws SQLException {
        int busyMillis = (int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis());
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyMillis);
        config.setSharedCache(false);
        connection = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + busyMillis);
            long deadline = System.nanoTime() + options.busyTimeout().toNanos();
            for (int attempt = 1; ; attempt++) {
                try {
                    st.execute("PRAGMA journal_mode = WAL");
                    break;
                } catch (SQLException e) {
                    if (!isBusy(e) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    sleepBeforeRetry(attempt);
                }
            }
            st.execute("PRAGMA synchronous = NORMAL");
            // a long run of writes would otherwise leave a WAL file as large as its peak
            st.execute("PRAGMA journal_size_limit = " + 64 * 1024 * 1024);
        } catch (SQLException e) {
            closeConnection();
            throw e;
        }
    }

    static boolean isBusy(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private static void sleepBeforeRetry(int attempt) throws SQLException {
        try {
            Thread.sleep(Math.min(100, 5L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the cache file's lock", e);
        }
    }

    private String quickCheck() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA quick_check(5)")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        return problems.equals(List.of("ok")) ? null : "quick_check: " + String.join("; ", problems);
    }

    private void prepareStatements() throws SQLException {
        selects = new PreparedStatement[IN_CHUNK + 1];
        touch = connection.prepareStatement("UPDATE entries SET last_access = ? WHERE digest = ?");
        upsert = connection.prepareStatement("INSERT INTO entries (digest, operation, backend, model, value,"
                + " checksum, created_s, created_ns, stored, expires, last_access, size, entry_backend, requests,"
                + " characters, input_tokens, output_tokens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (digest) DO UPDATE SET operation = excluded.operation, backend = excluded.backend,"
                + " model = excluded.model, value = excluded.value, checksum = excluded.checksum,"
                + " created_s = excluded.created_s, created_ns = excluded.created_ns, stored = excluded.stored,"
                + " expires = excluded.expires, last_access = excluded.last_access, size = excluded.size,"
                + " entry_backend = excluded.entry_backend, requests = excluded.requests,"
                + " characters = excluded.characters, input_tokens = excluded.input_tokens,"
                + " output_tokens = excluded.output_tokens");
        deleteDigest = connection.prepareStatement("DELETE FROM entries WHERE digest = ?");
        countAll = connection.prepareStatement("INSERT INTO stats (backend, hits, misses, saved_requests,"
                + " saved_characters, saved_input_tokens, saved_output_tokens) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                + " ON CONFLICT (backend) DO UPDATE SET hits = hits + ?2, misses = misses + ?3,"
                + " saved_requests = saved_requests + ?4, saved_characters = saved_characters + ?5,"
                + " saved_input_tokens = saved_input_tokens + ?6, saved_output_tokens = saved_output_tokens + ?7");
        countError = connection.prepareStatement("INSERT INTO stats (backend, errors) VALUES (?, 1)"
                + " ON CONFLICT (backend) DO UPDATE SET errors = errors + 1");
        totalBytes = connection.prepareStatement("SELECT value FROM meta WHERE name = 'total_bytes'");
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the SQLite cache {} failed: {}", path, e.getMessage());
            }
            connection = null;
        }
    }

    // --- hit and miss bookkeeping, batched

    /**
     * Writes the pending last-access times and counters when enough have gathered or enough time has passed. A hit
     * is then a read only; the writes of many hits share one transaction (and one WAL commit).
     */
    private void flushIfDue() throws SQLException {
        if (pending.size() >= FLUSH_EVERY_OPS || System.nanoTime() - lastFlush >= FLUSH_EVERY_NANOS) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (pending.isEmpty()) {
            lastFlush = System.nanoTime();
            return;
        }
        inTransaction(this::writePending);
    }

    /** Writes the pending bookkeeping; the caller holds the lock and a write transaction. */
    private void writePending() throws SQLException {
        lastFlush = System.nanoTime();
        if (pending.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Long> t : pending.touches.entrySet()) {
            touch.setLong(1, t.getValue());
            touch.setString(2, t.getKey());
            touch.addBatch();
        }
        touch.executeBatch();
        for (Map.Entry<String, long[]> c : pending.counters.entrySet()) {
            long[] a = c.getValue();
            countAll.setString(1, c.getKey());
            for (int i = 0; i < a.length; i++) {
                countAll.setLong(i + 2, a[i]);
            }
            countAll.addBatch();
        }
        countAll.executeBatch();
        pending.clear();
    }

    /** Hits and misses not yet written: last access per digest, counters per backend. Guarded by the lock. */
    private static final class Pending {
        final Map<String, Long> touches = new java.util.HashMap<>();
        /** hits, misses, requests, characters, input tokens, output tokens. */
        final Map<String, long[]> counters = new java.util.HashMap<>();

        int ops;

        void hit(String digest, long now, String backend, Usage u) {
            touches.put(digest, now);
            long[] a = counters.computeIfAbsent(backend, b -> new long[6]);
            a[0]++;
            a[2] += u.requests();
            a[3] += u.characters();
            a[4] += u.inputTokens();
            a[5] += u.outputTokens();
            ops++;
        }

        void miss(String backend) {
            counters.computeIfAbsent(backend, b -> new long[6])[1]++;
            ops++;
        }

        int size() {
            return ops;
        }

        boolean isEmpty() {
            return ops == 0;
        }

        void clear() {
            touches.clear();
            counters.clear();
            ops = 0;
        }
    }

    // --- helpers

    private long evict(long now) throws SQLException {
        long removed;
        try (PreparedStatement ps =
                connection.prepareStatement("DELETE FROM entries WHERE expires IS NOT NULL AND expires <= ?")) {
            ps.setLong(1, now);
            removed = ps.executeUpdate();
        }
        long lowWater = options.maxBytes() / 10 * 9;
        if (total() <= options.maxBytes()) {
            return removed;
        }
        // walk the least recently used rows until enough bytes are found, then delete exactly those
        long toFree = total() - lowWater;
        List<Long> victims = new ArrayList<>();
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT id, size FROM entries ORDER BY last_access, id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (toFree > 0 && rs.next()) {
                    victims.add(rs.getLong(1));
                    toFree -= rs.getLong(2);
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM entries WHERE id = ?")) {
            for (long id : victims) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        removed += victims.size();
        return removed;
    }

    private long total() throws SQLException {
        try (ResultSet rs = totalBytes.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void checkpoint() {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            LOG.debug("checkpoint of {} skipped: {}", path, e.getMessage());
        }
    }

    private long fileBytes() {
        long total = 0;
        for (String suffix : new String[] {"", "-wal"}) {
            try {
                total += Files.size(Path.of(path + suffix));
            } catch (IOException e) {
                // no WAL file right now
            }
        }
        return total;
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(SqlWork work) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
        }
        boolean done = false;
        try {
            work.run();
            try (Statement st = connection.createStatement()) {
                st.execute("COMMIT");
            }
            done = true;
        } finally {
            if (!done) {
                try (Statement st = connection.createStatement()) {
                    st.execute("ROLLBACK");
                } catch (SQLException e) {
                    LOG.debug("rollback on {} failed: {}", path, e.getMessage());
                }
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new CacheException("the SQLite cache " + path + " is closed", null);
        }
    }

    private CacheException failure(String what, SQLException e) {
        if (isCorruption(e)) {
            String warning = "the cache file " + path + " reported corruption (" + e.getMessage()
                    + "); it will be checked and replaced when it is next opened";
            if (!warnings.contains(warning)) {
                warnings.add(warning);
                try {
                    Files.writeString(
                            checkMarker(), e.getMessage() == null ? "corrupt" : e.getMessage(), StandardCharsets.UTF_8);
                } catch (IOException io) {
                    LOG.debug("could not write {}: {}", checkMarker(), io.getMessage());
                }
            }
        }
        return new CacheException("cannot " + what + " the SQLite cache " + path + ": " + e.getMessage(), e);
    }

    static boolean isCorruption(SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    static long checksum(String digest, String value) {
        CRC32 crc = new CRC32();
        crc.update(digest.getBytes(StandardCharsets.US_ASCII));
        crc.update(0);
        crc.update(value.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static long sizeOf(CacheKey key, CacheEntry entry) {
        return (long) entry.value().getBytes(StandardCharsets.UTF_8).length
                + entry.model().length()
                + key.backend().length()
                + key.operation().length()
                + entry.backend().length()
                + ROW_OVERHEAD;
    }

    private record Row(
            String digest,
            String operation,
            String backend,
            String model,
            String value,
            long crc,
            long createdS,
            int createdNs,
            Long expires,
            String entryBackend,
            Usage usage) {

        static Row read(ResultSet rs) throws SQLException {
            long expires = rs.getLong(9);
            Long exp = rs.wasNull() ? null : expires;
            return new Row(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getInt(8),
                    exp,
                    rs.getString(10),
                    new Usage(rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14)));
        }

        boolean matches(CacheKey key) {
            return mismatch(key) == null;
        }

        String mismatch(CacheKey key) {
            if (!key.digest().equals(digest)) {
                return "digest differs";
            }
            if (!key.operation().equals(operation) || !key.backend().equals(backend)) {
                return "operation or backend differs";
            }
            if (value == null || SqliteResultCache.checksum(digest, value) != crc) {
                return "checksum differs";
            }
            return null;
        }

        CacheEntry entry() {
            return new CacheEntry(value, Instant.ofEpochSecond(createdS, createdNs), entryBackend, model, usage);
        }
    }
}

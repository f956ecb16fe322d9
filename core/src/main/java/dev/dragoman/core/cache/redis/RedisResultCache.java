package dev.dragoman.core.cache.redis;

import dev.dragoman.core.cache.CacheAdmin;
import dev.dragoman.core.cache.CacheEntry;
import dev.dragoman.core.cache.CacheException;
import dev.dragoman.core.cache.CacheFilter;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.CacheStats;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.usage.Usage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The shared store: a Redis server (standalone) used by several workers and machines at once (Jedis).
 *
 * <p>Layout under the prefix {@code P} (default {@code dragoman:}): {@code P e:<digest>} is a hash with the entry
 * (full digest, operation, backend, value, CRC-32 of digest and value, created time, expiry, usage, payload size), with
 * a Redis expiry of the time to live; {@code P lru} is a sorted set of digests by last access (the size cap: past
 * {@link RedisOptions#maxEntries()} the least recently used are evicted); {@code P stats} is a hash of counters
 * ({@code <backend>|hits}, {@code |misses}, {@code |errors}, {@code |requests}, {@code |characters},
 * {@code |input_tokens}, {@code |output_tokens}), shared by every process. A look-up is one Lua script (read, check
 * expiry, touch, count), a write another (replace, expire, evict): one round trip each, atomic across processes;
 * {@link #getAll} and {@link #putAll} pipeline the scripts of many keys into one round trip.
 *
 * <p>Expiry is checked against the injected clock as well as left to Redis, so tests can move time. A row whose
 * digest, operation, backend or CRC does not match is deleted and reported as a {@link CacheException}: never a
 * wrong value. When the server is unreachable (down, restarted, network) the call throws {@link CacheException} at
 * once; for {@link RedisOptions#retryAfter()} after a connection failure calls fail fast without touching the
 * network, then the store reconnects. Errors seen while the server was down are added to its {@code |errors} counter
 * once it answers again. Scripts build entry keys from the prefix, so the store is for a standalone server, not
 * Redis Cluster. Thread-safe (a connection pool).
 */
public final class RedisResultCache implements ResultCache, CacheAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(RedisResultCache.class);
    private static final int SCAN_COUNT = 500;

    private static final String GET_SCRIPT = """
            local h = redis.call('HMGET', KEYS[1], 'd', 'op', 'b', 'eb', 'm', 'v', 'crc', 'cs', 'cn', 'exp', 'rq', 'ch', 'it', 'ot')
            local b = ARGV[2]
            if not h[1] then
              redis.call('HINCRBY', KEYS[2], b .. '|misses', 1)
              return false
            end
            local exp = tonumber(h[10])
            if exp and exp <= tonumber(ARGV[1]) then
              redis.call('DEL', KEYS[1])
              redis.call('ZREM', KEYS[3], ARGV[3])
              redis.call('HINCRBY', KEYS[2], b .. '|misses', 1)
              return false
            end
            redis.call('ZADD', KEYS[3], ARGV[1], ARGV[3])
            redis.call('HINCRBY', KEYS[2], b .. '|hits', 1)
            redis.call('HINCRBY', KEYS[2], b .. '|requests', math.floor(tonumber(h[11]) or 0))
            redis.call('HINCRBY', KEYS[2], b .. '|characters', math.floor(tonumber(h[12]) or 0))
            redis.call('HINCRBY', KEYS[2], b .. '|input_tokens', math.floor(tonumber(h[13]) or 0))
            redis.call('HINCRBY', KEYS[2], b .. '|output_tokens', math.floor(tonumber(h[14]) or 0))
            return h
            """;

    /** Undoes a hit counted for a row that then failed its check, deletes the row and counts the error. */
    private static final String REJECT_SCRIPT = """
            local b = ARGV[2]
            redis.call('DEL', KEYS[1])
            redis.call('ZREM', KEYS[3], ARGV[1])
            redis.call('HINCRBY', KEYS[2], b .. '|hits', -1)
            redis.call('HINCRBY', KEYS[2], b .. '|requests', 0 - tonumber(ARGV[3]))
            redis.call('HINCRBY', KEYS[2], b .. '|characters', 0 - tonumber(ARGV[4]))
            redis.call('HINCRBY', KEYS[2], b .. '|input_tokens', 0 - tonumber(ARGV[5]))
            redis.call('HINCRBY', KEYS[2], b .. '|output_tokens', 0 - tonumber(ARGV[6]))
            redis.call('HINCRBY', KEYS[2], b .. '|errors', 1)
            return 1
            """;

    private static final String PUT_SCRIPT = """
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, 6))
            if ARGV[2] ~= '' then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            redis.call('ZADD', KEYS[2], ARGV[1], ARGV[4])
            local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
            local evicted = 0
            if over > 0 then
              local victims = redis.call('ZPOPMIN', KEYS[2], over)
              for i = 1, #victims, 2 do
                evicted = evicted + redis.call('DEL', ARGV[5] .. victims[i])
              end
            end
            return evicted
            """;

    private final RedisOptions options;
    private final RedisClient client;
    private final String entryPrefix;
    private final String statsKey;
    private final String lruKey;
    private final AtomicLong downUntil = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong pendingErrors = new AtomicLong();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    /**
     * A store for the server in {@code options}. Connects lazily: a server that is down now is not an error here;
     * each call then fails with {@link CacheException} until it is back.
     */
    public RedisResultCache(RedisOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.client = options.newClient();
        this.entryPrefix = options.prefix() + "e:";
        this.statsKey = options.prefix() + "stats";
        this.lruKey = options.prefix() + "lru";
    }

    /** The options this store was made with. */
    public RedisOptions options() {
        return options;
    }

    @Override
    public Optional<CacheEntry> get(CacheKey key) {
        Objects.requireNonNull(key, "key");
        String entryKey = entryPrefix + key.digest();
        long now = options.clock().millis();
        Object reply = call("read", r -> {
            try {
                return r.eval(GET_SCRIPT, List.of(entryKey, statsKey, lruKey), getArgs(key, now));
            } catch (JedisDataException e) {
                throw notAHash(r, key, e);
            }
        });
        return Optional.ofNullable(decode(key, reply));
    }

    /**
     * The keys' entries in one round trip: the look-up script of every key, pipelined. A corrupt entry among them is
     * deleted and the others are still returned ({@link CacheException#partly}).
     */
    @Override
    public Map<CacheKey, CacheEntry> getAll(Collection<CacheKey> keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<CacheKey> all = new ArrayList<>(keys);
        long now = options.clock().millis();
        List<Object> replies = call("read", r -> {
            List<Response<Object>> responses = new ArrayList<>(all.size());
            try (Pipeline p = r.pipelined()) {
                for (CacheKey key : all) {
                    responses.add(p.eval(
                            GET_SCRIPT, List.of(entryPrefix + key.digest(), statsKey, lruKey), getArgs(key, now)));
                }
                p.sync();
            }
            List<Object> out = new ArrayList<>(all.size());
            for (int i = 0; i < all.size(); i++) {
                try {
                    out.add(responses.get(i).get());
                } catch (JedisDataException e) {
                    out.add(notAHash(r, all.get(i), e));
                }
            }
            return out;
        });
        Map<CacheKey, CacheEntry> found = new LinkedHashMap<>();
        CacheException corrupt = null;
        for (int i = 0; i < all.size(); i++) {
            try {
                if (replies.get(i) instanceof CacheException e) {
                    throw e;
                }
                CacheEntry entry = decode(all.get(i), replies.get(i));
                if (entry != null) {
                    found.put(all.get(i), entry);
                }
            } catch (CacheException e) {
                corrupt = corrupt == null ? e : corrupt;
            }
        }
        if (corrupt != null) {
            throw CacheException.partly(corrupt.getMessage(), corrupt, found);
        }
        return found;
    }

    private static List<String> getArgs(CacheKey key, long now) {
        return List.of(Long.toString(now), key.backend(), key.digest());
    }

    /** An entry that is not a hash: deleted and counted; any other data error is rethrown. */
    private CacheException notAHash(RedisClient r, CacheKey key, JedisDataException e) {
        if (e.getMessage() != null && e.getMessage().contains("WRONGTYPE")) {
            r.del(entryPrefix + key.digest());
            r.hincrBy(statsKey, key.backend() + "|errors", 1);
            return new CacheException("a corrupt Redis entry (not a hash) was deleted", e);
        }
        throw e;
    }

    /** The entry in a look-up script's reply, or null for a miss; a row failing its check is rejected and thrown. */
    private CacheEntry decode(CacheKey key, Object reply) {
        if (reply == null) {
            return null;
        }
        List<?> h = (List<?>) reply;
        String problem = mismatch(key, h);
        long[] usage = {number(h, 10), number(h, 11), number(h, 12), number(h, 13)};
        if (problem != null) {
            call(
                    "reject",
                    r -> r.eval(
                            REJECT_SCRIPT,
                            List.of(entryPrefix + key.digest(), statsKey, lruKey),
                            List.of(
                                    key.digest(),
                                    key.backend(),
                                    Long.toString(usage[0]),
                                    Long.toString(usage[1]),
                                    Long.toString(usage[2]),
                                    Long.toString(usage[3]))));
            throw new CacheException("a corrupt Redis entry failed its check and was deleted (" + problem + ")", null);
        }
        try {
            Instant created = Instant.ofEpochSecond(Long.parseLong(str(h, 7)), Integer.parseInt(str(h, 8)));
            return new CacheEntry(
                    str(h, 5), created, str(h, 3), str(h, 4), new Usage(usage[0], usage[1], usage[2], usage[3]));
        } catch (RuntimeException e) {
            throw new CacheException("a Redis entry could not be read back: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(CacheKey key, CacheEntry entry) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entry, "entry");
        long now = options.clock().millis();
        call("write", r -> r.eval(PUT_SCRIPT, List.of(entryPrefix + key.digest(), lruKey), putArgs(key, entry, now)));
    }

    /** Stores the entries in one round trip (the write script of every entry, pipelined). */
    @Override
    public void putAll(Map<CacheKey, CacheEntry> entries) {
        Objects.requireNonNull(entries, "entries"); // null keys and entries are MeteredResultCache's to refuse
        if (entries.isEmpty()) {
            return;
        }
        long now = options.clock().millis();
        call("write", r -> {
            List<Response<Object>> responses = new ArrayList<>(entries.size());
            try (Pipeline p = r.pipelined()) {
                entries.forEach((key, entry) -> responses.add(
                        p.eval(PUT_SCRIPT, List.of(entryPrefix + key.digest(), lruKey), putArgs(key, entry, now))));
                p.sync();
            }
            responses.forEach(Response::get); // a write the server refused throws here
            return null;
        });
    }

    private List<String> putArgs(CacheKey key, CacheEntry entry, long now) {
        Usage u = entry.usage();
        long size = entry.value().getBytes(StandardCharsets.UTF_8).length
                + entry.model().length()
                + entry.backend().length()
                + key.backend().length()
                + key.operation().length()
                + 160L;
        List<String> args = new ArrayList<>(List.of(
                Long.toString(now),
                options.ttl() == null ? "" : Long.toString(options.ttl().toMillis()),
                Long.toString(options.maxEntries()),
                key.digest(),
                entryPrefix,
                "d",
                key.digest(),
                "op",
                key.operation(),
                "b",
                key.backend(),
                "eb",
                entry.backend(),
                "m",
                entry.model(),
                "v",
                entry.value(),
                "crc",
                Long.toString(checksum(key.digest(), entry.value())),
                "cs",
                Long.toString(entry.created().getEpochSecond()),
                "cn",
                Integer.toString(entry.created().getNano()),
                "exp",
                options.ttl() == null ? "" : Long.toString(now + options.ttl().toMillis()),
                "rq",
                Long.toString(u.requests()),
                "ch",
                Long.toString(u.characters()),
                "it",
                Long.toString(u.inputTokens()),
                "ot",
                Long.toString(u.outputTokens()),
                "sz",
                Long.toString(size)));
        return args;
    }

    @Override
    public CacheStats stats() {
        Map<String, long[]> perBackend = new TreeMap<>();
        long[] totals = new long[1];
        call("read statistics from", r -> {
            scanEntries(
                    r,
                    (keys, fields) -> {
                        for (int i = 0; i < keys.size(); i++) {
                            List<String> f = fields.get(i);
                            if (f.get(0) == null) {
                                continue; // expired or deleted since the scan saw it
                            }
                            long[] a = perBackend.computeIfAbsent(f.get(0), b -> new long[9]);
                            a[0]++;
                            a[1] += parse(f.get(1));
                        }
                    },
                    "b",
                    "sz");
            Map<String, String> counters = r.hgetAll(statsKey);
            for (Map.Entry<String, String> c : counters.entrySet()) {
                int bar = c.getKey().lastIndexOf('|');
                if (bar < 0) {
                    continue;
                }
                String backend = c.getKey().substring(0, bar);
                int slot = switch (c.getKey().substring(bar + 1)) {
                    case "hits" -> 2;
                    case "misses" -> 3;
                    case "errors" -> 4;
                    case "requests" -> 5;
                    case "characters" -> 6;
                    case "input_tokens" -> 7;
                    case "output_tokens" -> 8;
                    default -> -1;
                };
                if (slot > 0) {
                    perBackend.computeIfAbsent(backend, b -> new long[9])[slot] = Math.max(0, parse(c.getValue()));
                }
            }
            return null;
        });
        List<CacheStats.BackendStats> backends = new ArrayList<>();
        long entries = 0, size = 0, hits = 0, misses = 0, errors = 0;
        for (Map.Entry<String, long[]> e : perBackend.entrySet()) {
            long[] a = e.getValue();
            entries += a[0];
            size += a[1];
            hits += a[2];
            misses += a[3];
            errors += a[4];
            if (!e.getKey().isEmpty()) {
                backends.add(new CacheStats.BackendStats(
                        e.getKey(), a[0], a[1], a[2], a[3], new Usage(a[5], a[6], a[7], a[8])));
            }
        }
        totals[0] = entries;
        return new CacheStats(entries, size, hits, misses, errors, backends);
    }

    @Override
    public long clear(CacheFilter filter) {
        Objects.requireNonNull(filter, "filter");
        Instant cutoff =
                filter.age().map(age -> options.clock().instant().minus(age)).orElse(null);
        long[] removed = new long[1];
        call("clear", r -> {
            scanEntries(
                    r,
                    (keys, fields) -> {
                        List<String> doomed = new ArrayList<>();
                        List<String> digests = new ArrayList<>();
                        for (int i = 0; i < keys.size(); i++) {
                            List<String> f = fields.get(i);
                            if (f.get(0) == null) {
                                continue;
                            }
                            boolean match = (filter.backend() == null
                                            || filter.backend().equals(f.get(0)))
                                    && (cutoff == null || createdBefore(f.get(1), f.get(2), cutoff));
                            if (match) {
                                doomed.add(keys.get(i));
                                digests.add(keys.get(i).substring(entryPrefix.length()));
                            }
                        }
                        if (!doomed.isEmpty()) {
                            removed[0] += r.del(doomed.toArray(String[]::new));
                            r.zrem(lruKey, digests.toArray(String[]::new));
                        }
                    },
                    "b",
                    "cs",
                    "cn");
            if (filter.olderThan() == null) {
                if (filter.backend() == null) {
                    r.del(statsKey, lruKey);
                } else {
                    List<String> fields = new ArrayList<>();
                    for (String name : List.of(
                            "hits", "misses", "errors", "requests", "characters", "input_tokens", "output_tokens")) {
                        fields.add(filter.backend() + "|" + name);
                    }
                    r.hdel(statsKey, fields.toArray(String[]::new));
                }
            }
            return null;
        });
        return removed[0];
    }

    @Override
    public long prune() {
        long now = options.clock().millis();
        long[] removed = new long[1];
        call("prune", r -> {
            scanEntries(
                    r,
                    (keys, fields) -> {
                        List<String> doomed = new ArrayList<>();
                        for (int i = 0; i < keys.size(); i++) {
                            String exp = fields.get(i).get(0);
                            if (exp != null && !exp.isEmpty() && parse(exp) <= now) {
                                doomed.add(keys.get(i));
                            }
                        }
                        if (!doomed.isEmpty()) {
                            removed[0] += r.del(doomed.toArray(String[]::new));
                        }
                    },
                    "exp");
            // drop digests whose entries are gone (expired by Redis, deleted above) from the access order
            long start = 0;
            while (true) {
                List<String> digests = r.zrange(lruKey, start, start + SCAN_COUNT - 1);
                if (digests.isEmpty()) {
                    break;
                }
                List<Response<Boolean>> exists = new ArrayList<>();
                try (Pipeline p = r.pipelined()) {
                    for (String d : digests) {
                        exists.add(p.exists(entryPrefix + d));
                    }
                    p.sync();
                }
                List<String> gone = new ArrayList<>();
                for (int i = 0; i < digests.size(); i++) {
                    if (!exists.get(i).get()) {
                        gone.add(digests.get(i));
                    }
                }
                if (!gone.isEmpty()) {
                    r.zrem(lruKey, gone.toArray(String[]::new));
                }
                start += digests.size() - gone.size();
            }
            long over = r.zcard(lruKey) - options.maxEntries();
            if (over > 0) {
                for (var victim : r.zpopmin(lruKey, (int) over)) {
                    removed[0] += r.del(entryPrefix + victim.getElement());
                }
            }
            return null;
        });
        return removed[0];
    }

    @Override
    public String location() {
        return options.describe();
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        client.close();
    }

    // --- helpers

    private <T> T call(String what, Function<RedisClient, T> work) {
        long now = options.clock().millis();
        long until = downUntil.get();
        if (now < until) {
            pendingErrors.incrementAndGet();
            throw new CacheException(
                    "Redis at " + options.describe() + " is unreachable; the cache is skipped until "
                            + Instant.ofEpochMilli(until) + " and then tried again",
                    null);
        }
        try {
            T result = work.apply(client);
            flushPendingErrors();
            return result;
        } catch (JedisConnectionException e) {
            pendingErrors.incrementAndGet();
            downUntil.set(now + options.retryAfter().toMillis());
            // idle pooled connections to a restarted server are all broken: drop them instead of failing on each
            try {
                client.getPool().clear();
            } catch (RuntimeException ignored) {
                // the pool is being closed
            }
            throw new CacheException("cannot " + what + " Redis at " + options.describe() + ": " + e.getMessage(), e);
        } catch (JedisException e) {
            throw new CacheException("cannot " + what + " Redis at " + options.describe() + ": " + e.getMessage(), e);
        }
    }

    private void flushPendingErrors() {
        long n = pendingErrors.getAndSet(0);
        if (n > 0) {
            try {
                client.hincrBy(statsKey, "|errors", n);
            } catch (JedisException e) {
                pendingErrors.addAndGet(n);
            }
        }
    }

    private interface Batch {
        void accept(List<String> keys, List<List<String>> fields);
    }

    private void scanEntries(RedisClient r, Batch batch, String... fieldNames) {
        ScanParams params = new ScanParams().match(entryPrefix + "*").count(SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = r.scan(cursor, params);
            cursor = page.getCursor();
            List<String> keys = page.getResult();
            if (keys.isEmpty()) {
                continue;
            }
            List<Response<List<String>>> responses = new ArrayList<>();
            try (Pipeline p = r.pipelined()) {
                for (String k : keys) {
                    responses.add(p.hmget(k, fieldNames));
                }
                p.sync();
            }
            List<List<String>> fields = new ArrayList<>();
            for (Response<List<String>> resp : responses) {
                fields.add(resp.get());
            }
            batch.accept(keys, fields);
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }

    private static String mismatch(CacheKey key, List<?> h) {
        if (h.size() < 14) {
            return "fields missing";
        }
        if (!key.digest().equals(str(h, 0))) {
            return "digest differs";
        }
        if (!key.operation().equals(str(h, 1)) || !key.backend().equals(str(h, 2))) {
            return "operation or backend differs";
        }
        String value = str(h, 5);
        if (value == null
                || str(h, 3) == null
                || str(h, 4) == null
                || !Long.toString(checksum(key.digest(), value)).equals(str(h, 6))) {
            return "checksum differs";
        }
        return null;
    }

    private static String str(List<?> h, int i) {
        Object o = h.get(i);
        if (o == null) {
            return null;
        }
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : o.toString();
    }

    private static long number(List<?> h, int i) {
        return h.size() > i ? Math.max(0, parse(str(h, i))) : 0;
    }

    private static long parse(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean createdBefore(String seconds, String nanos, Instant cutoff) {
        Instant created = Instant.ofEpochSecond(parse(seconds), parse(nanos));
        return created.isBefore(cutoff);
    }

    static long checksum(String digest, String value) {
        CRC32 crc = new CRC32();
        crc.update(digest.getBytes(StandardCharsets.US_ASCII));
        crc.update(0);
        crc.update(value.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}

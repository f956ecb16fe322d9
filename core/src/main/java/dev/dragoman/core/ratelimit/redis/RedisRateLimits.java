package dev.dragoman.core.ratelimit.redis;

import dev.dragoman.core.cache.redis.RedisOptions;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.ratelimit.SharedRate;
import dev.dragoman.core.ratelimit.SharedRateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Rate budgets in Redis, shared by every process that names the same server: Bucket4j token buckets
 * ({@code bucket4j_jdk17-jedis}, compare-and-swap on one key per bucket), one for requests and one for characters or
 * tokens per backend key, under {@code dragoman:ratelimit:<backend key>:requests|units}. Each bucket holds one
 * second's share of its per-minute rate (at least 1) and refills continuously, so a fresh or idle budget lets about
 * one second's allowance through at once and then the rate holds across all processes: in any window of W seconds
 * at most {@code burst + rate × W} calls are booked. A call books its share at once and waits out any debt
 * ({@link SharedRate#reserve}), so callers across the cluster are served in booking order.
 *
 * <p><b>Adaptive slowdown.</b> A 429 cuts the shared request rate to {@value #CUT_PERCENT} % of itself, at most
 * once per second across all processes (the 429s of calls sent at the old rate say nothing new); while no 429
 * comes the rate creeps back by {@value #PROBE_PER_MILLE} ‰ per second up to the configured one. The rate in force
 * is kept in Redis ({@code …:learned}, with Redis's own clock), so a process that joins later starts at it; a
 * Retry-After holds every process until then. The buckets use the processes' clocks: keep them synchronized (NTP);
 * a skew of d lets up to {@code rate × d} more through.
 *
 * <p>A Redis that cannot be reached fails the booking with a retriable error (the call is retried, then fails):
 * a call is never sent unbooked. Keys expire once their bucket would be full again, so an idle budget leaves no
 * trace. Thread-safe.
 */
public final class RedisRateLimits implements SharedRateLimits {

    /** A 429 cuts the shared request rate to this share of itself. */
    static final int CUT_PERCENT = 80;
    /** The shared request rate's growth per second without a 429, in thousandths. */
    static final int PROBE_PER_MILLE = 5;
    /** The shortest time between two cuts, across all processes. */
    static final long CUT_COOLDOWN_MILLIS = 1000;
    /** How often each process checks the rate in force (and lets it grow). */
    static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    /**
     * KEYS[1] the learned-rate hash; ARGV[1] the configured requests per minute. A new configured rate starts over.
     * Returns {rpm, 1 if this call cut it}.
     */
    private static final String CUT = """
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local configured = tonumber(ARGV[1])
            local h = redis.call('HMGET', KEYS[1], 'rpm', 'configured', 'cut')
            local rpm = tonumber(h[1])
            if rpm == nil or tonumber(h[2]) ~= configured then rpm = configured end
            local cut = tonumber(h[3]) or 0
            if now - cut < tonumber(ARGV[2]) then return {rpm, 0} end
            rpm = math.max(1, math.floor(rpm * tonumber(ARGV[3]) / 100))
            redis.call('HSET', KEYS[1], 'rpm', rpm, 'configured', configured, 'cut', now, 'probe', now)
            redis.call('PEXPIRE', KEYS[1], 3600000)
            return {rpm, 1}
            """;

    /** KEYS[1] the learned-rate hash; ARGV[1] the configured requests per minute. Returns the rpm in force. */
    private static final String READ = """
            local h = redis.call('HMGET', KEYS[1], 'rpm', 'configured')
            if h[1] == false or tonumber(h[2]) ~= tonumber(ARGV[1]) then return tonumber(ARGV[1]) end
            return tonumber(h[1])
            """;

    /**
     * KEYS[1] the learned-rate hash; ARGV[1] the configured requests per minute, ARGV[2] the growth per second in
     * thousandths. Grows a cut rate for each whole second since it last grew; returns the rpm in force.
     */
    private static final String PROBE = """
            local configured = tonumber(ARGV[1])
            local h = redis.call('HMGET', KEYS[1], 'rpm', 'configured', 'probe')
            local rpm = tonumber(h[1])
            if rpm == nil or tonumber(h[2]) ~= configured or rpm >= configured then return configured end
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local last = tonumber(h[3]) or now
            local seconds = math.floor((now - last) / 1000)
            if seconds < 1 then return rpm end
            rpm = math.min(configured, math.ceil(rpm * (1 + tonumber(ARGV[2]) / 1000) ^ math.min(seconds, 3600)))
            redis.call('HSET', KEYS[1], 'rpm', rpm, 'probe', last + seconds * 1000)
            redis.call('PEXPIRE', KEYS[1], 3600000)
            return rpm
            """;

    private final RedisOptions options;
    private final RedisClient client;
    private final ProxyManager<byte[]> buckets;
    private final String prefix;
    private final ConcurrentHashMap<String, Rate> rates = new ConcurrentHashMap<>();

    /** Budgets on the server of {@code options} (its key prefix, timeouts, password); connects lazily. */
    public RedisRateLimits(RedisOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.client = options.newClient();
        this.buckets = Bucket4jJedis.casBasedBuilder(client)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        this.prefix = options.prefix() + "ratelimit:";
    }

    /** Budgets on the server at {@code redis://[:password@]host[:port][/db]}. */
    public static RedisRateLimits open(String url) {
        return new RedisRateLimits(RedisOptions.fromUrl(url, "rate-limit"));
    }

    @Override
    public SharedRate rate(String backendKey, long requestsPerMinute, long unitsPerMinute) {
        Objects.requireNonNull(backendKey, "backendKey");
        if (requestsPerMinute < 0 || unitsPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must not be negative");
        }
        if (requestsPerMinute == 0 && unitsPerMinute == 0) {
            return null;
        }
        return rates.computeIfAbsent(
                backendKey + "|" + requestsPerMinute + "|" + unitsPerMinute,
                k -> new Rate(prefix + backendKey, requestsPerMinute, unitsPerMinute));
    }

    @Override
    public String describe() {
        return options.describe();
    }

    @Override
    public void close() {
        client.close();
    }

    /** The requests per minute in force for {@code backendKey} across all processes (tests, diagnostics). */
    public long requestsPerMinuteInForce(String backendKey, long configured) {
        Object reply = redis(
                "read the rate of",
                () -> client.eval(READ, List.of(prefix + backendKey + ":learned"), List.of(Long.toString(configured))));
        return ((Number) reply).longValue();
    }

    /** A bucket holding one second's share of {@code perMinute} (at least 1), refilled continuously. */
    private static BucketConfiguration perMinute(long perMinute) {
        long burst = Math.max(1, (perMinute + 59) / 60);
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(burst)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    private <T> T redis(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (JedisException e) {
            throw new DragomanException(
                    DragomanException.Kind.BACKEND_UNAVAILABLE,
                    "cannot " + what + " the shared rate limit at " + options.describe() + ": " + e.getMessage()
                            + " (is the rate-limit Redis up and reachable from here?)",
                    e);
        }
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** One backend key's budget, as this process sees it. */
    private final class Rate implements SharedRate {
        private final String key;
        private final long configured;
        private final long unitsPerMinute;
        private final BucketProxy requests;
        private final BucketProxy units;
        /** The request rate this process last applied to the shared bucket. */
        private final AtomicLong applied;

        private final AtomicLong checkedAt = new AtomicLong(System.nanoTime() - 2 * CHECK_EVERY_NANOS);

        Rate(String key, long requestsPerMinute, long unitsPerMinute) {
            this.key = key;
            this.configured = requestsPerMinute;
            this.unitsPerMinute = unitsPerMinute;
            this.applied = new AtomicLong(requestsPerMinute);
            this.requests = requestsPerMinute == 0
                    ? null
                    : buckets.builder().build(bytes(key + ":requests"), () -> perMinute(requestsPerMinute));
            this.units = unitsPerMinute == 0
                    ? null
                    : buckets.builder().build(bytes(key + ":units"), () -> perMinute(unitsPerMinute));
        }

        @Override
        public Duration reserve(long unitCount) {
            if (unitCount < 0) {
                throw new IllegalArgumentException("unit count must not be negative");
            }
            return redis("book a call with", () -> {
                check();
                long wait = 0;
                if (requests != null) {
                    wait = requests.consumeIgnoringRateLimits(1);
                }
                if (units != null && unitCount > 0) {
                    wait = Math.max(wait, units.consumeIgnoringRateLimits(Math.min(unitCount, unitsPerMinute)));
                }
                return Duration.ofNanos(wait);
            });
        }

        @Override
        public void refused(Duration retryAfter) {
            if (requests == null) {
                return;
            }
            redis("slow down", () -> {
                List<?> reply = (List<?>) client.eval(
                        CUT,
                        List.of(key + ":learned"),
                        List.of(
                                Long.toString(configured),
                                Long.toString(CUT_COOLDOWN_MILLIS),
                                Integer.toString(CUT_PERCENT)));
                long rpm = ((Number) reply.get(0)).longValue();
                boolean cutHere = ((Number) reply.get(1)).longValue() == 1;
                apply(rpm);
                if (cutHere && retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero()) {
                    // everyone waits until then: the bucket emptied, then the debt of the calls the rate would have
                    // let through meanwhile
                    requests.tryConsumeAsMuchAsPossible();
                    requests.consumeIgnoringRateLimits(Math.max(1, retryAfter.toMillis() * rpm / 60_000));
                }
                return null;
            });
        }

        /** At most once a second: the rate in force (grown a little if it was cut), applied to the bucket. */
        private void check() {
            if (requests == null) {
                return;
            }
            long now = System.nanoTime();
            long last = checkedAt.get();
            if (now - last < CHECK_EVERY_NANOS || !checkedAt.compareAndSet(last, now)) {
                return;
            }
            Object reply = client.eval(
                    PROBE,
                    List.of(key + ":learned"),
                    List.of(Long.toString(configured), Integer.toString(PROBE_PER_MILLE)));
            apply(((Number) reply).longValue());
        }

        private void apply(long rpm) {
            if (applied.getAndSet(rpm) != rpm) {
                requests.replaceConfiguration(perMinute(rpm), TokensInheritanceStrategy.AS_IS);
            }
        }
    }
}

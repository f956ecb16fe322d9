package dev.dragoman.core.testing.sim;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the {@link SimulatedBackend} behaves. Immutable; variants come from the {@code with*} methods.
 *
 * @param seed drives every random choice (latency draws, which requests get a fault) so runs repeat
 * @param latency delay before each answer
 * @param rateLimitPerSecond accepted requests per rolling second before answering 429 with {@code Retry-After};
 *     0 = unlimited
 * @param faultRates probability of each fault per request (decided from the seed and the request body)
 * @param faultyAttempts rates apply only to the first this-many sends of one identical request body, so that a
 *     client that retries eventually succeeds (0 = every send may fault)
 * @param stall how long a {@link Fault#STALL} holds the connection before closing it
 * @param quotaCharacters characters the account may translate before DeepL answers 456 and chat completions
 *     answer 429 {@code insufficient_quota}; negative = unlimited
 * @param apiKey the key requests must carry ({@code DeepL-Auth-Key K} / {@code Bearer K}); {@code null} = any
 */
public record SimConfig(
        long seed,
        Latency latency,
        int rateLimitPerSecond,
        Map<Fault, Double> faultRates,
        int faultyAttempts,
        Duration stall,
        long quotaCharacters,
        String apiKey) {

    public SimConfig {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(stall, "stall");
        faultRates = Map.copyOf(faultRates);
        faultRates.forEach((fault, rate) -> {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("rate of " + fault + " must be in [0,1]: " + rate);
            }
        });
        if (rateLimitPerSecond < 0 || faultyAttempts < 0) {
            throw new IllegalArgumentException("negative limit");
        }
    }

    /** A well-behaved backend: no latency, no limits, no faults, seed 42. */
    public static SimConfig defaults() {
        return new SimConfig(42, Latency.none(), 0, Map.of(), 1, Duration.ofSeconds(5), -1, null);
    }

    public SimConfig withSeed(long value) {
        return new SimConfig(
                value, latency, rateLimitPerSecond, faultRates, faultyAttempts, stall, quotaCharacters, apiKey);
    }

    public SimConfig withLatency(Latency value) {
        return new SimConfig(
                seed, value, rateLimitPerSecond, faultRates, faultyAttempts, stall, quotaCharacters, apiKey);
    }

    public SimConfig withRateLimitPerSecond(int value) {
        return new SimConfig(seed, latency, value, faultRates, faultyAttempts, stall, quotaCharacters, apiKey);
    }

    /** Adds (or replaces) the rate of one fault. */
    public SimConfig withFaultRate(Fault fault, double rate) {
        Map<Fault, Double> rates = new EnumMap<>(Fault.class);
        rates.putAll(faultRates);
        rates.put(fault, rate);
        return new SimConfig(seed, latency, rateLimitPerSecond, rates, faultyAttempts, stall, quotaCharacters, apiKey);
    }

    public SimConfig withFaultyAttempts(int value) {
        return new SimConfig(seed, latency, rateLimitPerSecond, faultRates, value, stall, quotaCharacters, apiKey);
    }

    public SimConfig withStall(Duration value) {
        return new SimConfig(
                seed, latency, rateLimitPerSecond, faultRates, faultyAttempts, value, quotaCharacters, apiKey);
    }

    public SimConfig withQuotaCharacters(long value) {
        return new SimConfig(seed, latency, rateLimitPerSecond, faultRates, faultyAttempts, stall, value, apiKey);
    }

    public SimConfig withApiKey(String value) {
        return new SimConfig(
                seed, latency, rateLimitPerSecond, faultRates, faultyAttempts, stall, quotaCharacters, value);
    }
}

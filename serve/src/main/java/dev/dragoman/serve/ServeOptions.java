package dev.dragoman.serve;

import dev.dragoman.core.Language;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How {@code dragoman serve} listens and what it accepts. Every default is here ({@link #defaults()}); variants come
 * from the {@code with*} methods. Immutable.
 *
 * @param host the address to bind ({@code 127.0.0.1}); without {@link #keys} only a loopback address is allowed
 * @param port the port, 0 for any free one
 * @param maxBodyBytes the largest request body (413 past it); DeepL's routes also keep DeepL's own 128 KiB
 * @param maxInFlight how many backend-calling requests run at once
 * @param maxQueued how many more may wait for a slot; past that, and after {@link #queueWait}, the answer is 429
 * @param queueWait how long a request waits for a slot before 429 with Retry-After
 * @param idleTimeout a connection idle this long is closed
 * @param stopTimeout on shutdown (SIGTERM), how long requests in flight may take to finish
 * @param charLimit the longest text of one {@code q}/{@code text} item (-1 = none), as LibreTranslate's {@code
 *     --char-limit}
 * @param batchLimit the most items in one request (-1 = none), as LibreTranslate's {@code --batch-limit}
 * @param languages the languages offered (LibreTranslate {@code /languages}, DeepL {@code /v2/languages})
 * @param keys client keys; empty = keyless (loopback only)
 * @param digests the folder scheduled batch runs write to ({@code <out>}, holding {@code digests/}), or null for none
 */
public record ServeOptions(
        String host,
        int port,
        long maxBodyBytes,
        int maxInFlight,
        int maxQueued,
        Duration queueWait,
        Duration idleTimeout,
        Duration stopTimeout,
        int charLimit,
        int batchLimit,
        List<Language> languages,
        List<ApiKey> keys,
        Path digests) {

    /** LibreTranslate's and Dragoman's usual port. */
    public static final int DEFAULT_PORT = 5000;

    /** The languages offered unless configured: the ones news desks ask for most. */
    public static final List<Language> DEFAULT_LANGUAGES = Stream.of(
                    "ar", "de", "en", "es", "fa", "fr", "he", "hi", "it", "ja", "ko", "nl", "pl", "pt", "ru", "sv",
                    "tr", "uk", "ur", "zh")
            .map(Language::of)
            .toList();

    public ServeOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("max-body must be at least 1 KiB");
        }
        if (maxInFlight < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("max-in-flight must be positive and max-queued 0 or positive");
        }
        Objects.requireNonNull(queueWait, "queueWait");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        languages = List.copyOf(languages == null || languages.isEmpty() ? DEFAULT_LANGUAGES : languages);
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** 127.0.0.1:5000, 1 MiB bodies, 32 in flight, 64 queued for up to 2 s, no text limits, keyless. */
    public static ServeOptions defaults() {
        return new ServeOptions(
                "127.0.0.1",
                DEFAULT_PORT,
                1 << 20,
                32,
                64,
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                -1,
                -1,
                DEFAULT_LANGUAGES,
                List.of(),
                null);
    }

    public ServeOptions withHost(String h) {
        return new ServeOptions(
                h,
                port,
                maxBodyBytes,
                maxInFlight,
                maxQueued,
                queueWait,
                idleTimeout,
                stopTimeout,
                charLimit,
                batchLimit,
                languages,
                keys,
                digests);
    }

    public ServeOptions withPort(int p) {
        return new ServeOptions(
                host,
                p,
                maxBodyBytes,
                maxInFlight,
                maxQueued,
                queueWait,
                idleTimeout,
                stopTimeout,
                charLimit,
                batchLimit,
                languages,
                keys,
                digests);
    }

    public ServeOptions withMaxBodyBytes(long n) {
        return new ServeOptions(
                host,
                port,
                n,
                maxInFlight,
                maxQueued,
                queueWait,
                idleTimeout,
                stopTimeout,
                charLimit,
                batchLimit,
                languages,
                keys,
                digests);
    }

    /** The admission limits: {@code inFlight} at once, {@code queued} more waiting up to {@code wait}. */
    public ServeOptions withAdmission(int inFlight, int queued, Duration wait) {
        return new ServeOptions(
                host,
                port,
                maxBodyBytes,
                inFlight,
                queued,
                wait,
                idleTimeout,
                stopTimeout,
                charLimit,
                batchLimit,
                languages,
                keys,
                digests);
    }

    public ServeOptions withTimeouts(Duration idle, Duration stop) {
        return new ServeOptions(
                host,
                port,
                maxBodyBytes,
                maxInFlight,
                maxQueued,
                queueWait,
                idle,
                stop,
                charLimit,
                batchLimit,
                languages,
                keys,
                digests);
    }

    public ServeOptions withTextLimits(int chars, int batch) {
        return new ServeOptions(
                host,
                port,
                maxBodyBytes,
                maxInFlight,
                maxQueued,
                queueWait,
                idleTimeout,
                stopTimeout,
                chars,
                batch,
                languages,
                keys,
                digests);
    }

    public ServeOptions withLanguages(List<Language> l) {
        return new ServeOptions(
                host,
                port,
                maxBodyBytes,
                maxInFlight,
                maxQueued,
                queueWait,
                idleTimeout,
                stopTimeout,
                charLimit,
                batchLimit,
                l,
                keys,
                digests);
    }

    public ServeOptions withKeys(List<ApiKey> k) {
        return new ServeOptions(
                host,
                port,
                maxBodyBytes,
                maxInFlight,
                maxQueued,
                queueWait,
                idleTimeout,
                stopTimeout,
                charLimit,
                batchLimit,
                languages,
                k,
                digests);
    }

    public ServeOptions withDigests(Path dir) {
        return new ServeOptions(
                host,
                port,
                maxBodyBytes,
                maxInFlight,
                maxQueued,
                queueWait,
                idleTimeout,
                stopTimeout,
                charLimit,
                batchLimit,
                languages,
                keys,
                dir);
    }

    /** True when clients must send a key. */
    public boolean keyed() {
        return !keys.isEmpty();
    }

    /**
     * Refuses a keyless server on a non-loopback address: without keys anyone who can reach it spends the backends'
     * quota.
     *
     * @throws IllegalArgumentException naming what to change
     */
    public void check() {
        if (keyed()) {
            return;
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the host '" + host + "' to listen on", e);
        }
        if (!loopback) {
            throw new IllegalArgumentException("without API keys dragoman serve listens only on a loopback address "
                    + "(127.0.0.1, ::1), not " + host + ": add keys under serve.keys or use --host 127.0.0.1");
        }
    }
}

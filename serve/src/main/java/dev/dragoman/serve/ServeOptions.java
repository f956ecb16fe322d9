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
 * How {@code dragoman serve} listens and what it accepts. Every default is in the {@link Builder}; variants come from
 * {@link #toBuilder()}. Immutable.
 *
 * @param host the address to bind ({@code 127.0.0.1}); without {@link #keys} only a loopback address is allowed
 * @param port the port, 0 for any free one
 * @param maxBodyBytes the largest request body (413 past it); DeepL's routes also keep DeepL's own 128 KiB
 * @param maxGlossaryBytes the largest body of a DeepL glossary upload ({@code POST /v2/glossaries}, 413 past it),
 *     which neither {@link #maxBodyBytes} nor DeepL's 128 KiB limits: DeepL allows glossaries of 10 MiB
 * @param maxGlossariesTotalBytes how much all clients' glossaries may hold together, in the TSV bytes of their entries
 *     and names (they are kept in memory); a glossary that would pass it is refused with DeepL's 456 until some are
 *     deleted. At least {@link #maxGlossaryBytes}
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
        long maxGlossaryBytes,
        long maxGlossariesTotalBytes,
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

    /** DeepL's documented limit on one glossary: 10 MiB. */
    public static final long DEEPL_MAX_GLOSSARY = 10L << 20;

    /** What all clients' glossaries may hold together unless configured: 64 MiB, six full-size glossaries. */
    public static final long DEFAULT_MAX_GLOSSARIES_TOTAL = 64L << 20;

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
        if (maxGlossaryBytes < 1024) {
            throw new IllegalArgumentException("max-glossary must be at least 1 KiB");
        }
        if (maxGlossariesTotalBytes < maxGlossaryBytes) {
            throw new IllegalArgumentException(
                    "max-glossaries-total must be at least max-glossary (" + maxGlossaryBytes + " bytes)");
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

    /** 127.0.0.1:5000, 1 MiB bodies (glossary uploads 10 MiB, 64 MiB of glossaries in all), 32 in flight, 64 queued for up to 2 s, no text limits, keyless. */
    public static ServeOptions defaults() {
        return builder().build();
    }

    /** A builder holding every default (see {@link #defaults()}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.maxBodyBytes = maxBodyBytes;
        b.maxGlossaryBytes = maxGlossaryBytes;
        b.maxGlossariesTotalBytes = maxGlossariesTotalBytes;
        b.maxInFlight = maxInFlight;
        b.maxQueued = maxQueued;
        b.queueWait = queueWait;
        b.idleTimeout = idleTimeout;
        b.stopTimeout = stopTimeout;
        b.charLimit = charLimit;
        b.batchLimit = batchLimit;
        b.languages = languages;
        b.keys = keys;
        b.digests = digests;
        return b;
    }

    /** Builds {@link ServeOptions}; every default is set here, once. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private long maxBodyBytes = 1 << 20;
        private long maxGlossaryBytes = DEEPL_MAX_GLOSSARY;
        private long maxGlossariesTotalBytes = DEFAULT_MAX_GLOSSARIES_TOTAL;
        private int maxInFlight = 32;
        private int maxQueued = 64;
        private Duration queueWait = Duration.ofSeconds(2);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private int charLimit = -1;
        private int batchLimit = -1;
        private List<Language> languages = DEFAULT_LANGUAGES;
        private List<ApiKey> keys = List.of();
        private Path digests;

        private Builder() {}

        public Builder host(String h) {
            this.host = h;
            return this;
        }

        public Builder port(int p) {
            this.port = p;
            return this;
        }

        public Builder maxBodyBytes(long n) {
            this.maxBodyBytes = n;
            return this;
        }

        /** The largest glossary upload ({@code POST /v2/glossaries}). */
        public Builder maxGlossaryBytes(long n) {
            this.maxGlossaryBytes = n;
            return this;
        }

        /** How much all clients' glossaries may hold together (TSV bytes). */
        public Builder maxGlossariesTotalBytes(long n) {
            this.maxGlossariesTotalBytes = n;
            return this;
        }

        /** {@code inFlight} at once, {@code queued} more waiting up to {@code wait}. */
        public Builder admission(int inFlight, int queued, Duration wait) {
            this.maxInFlight = inFlight;
            this.maxQueued = queued;
            this.queueWait = wait;
            return this;
        }

        public Builder timeouts(Duration idle, Duration stop) {
            this.idleTimeout = idle;
            this.stopTimeout = stop;
            return this;
        }

        /** Longest text per item and most items per request; -1 = none. */
        public Builder textLimits(int chars, int batch) {
            this.charLimit = chars;
            this.batchLimit = batch;
            return this;
        }

        public Builder languages(List<Language> l) {
            this.languages = l;
            return this;
        }

        public Builder keys(List<ApiKey> k) {
            this.keys = k;
            return this;
        }

        public Builder digests(Path dir) {
            this.digests = dir;
            return this;
        }

        /** @throws IllegalArgumentException for values out of range */
        public ServeOptions build() {
            return new ServeOptions(
                    host,
                    port,
                    maxBodyBytes,
                    maxGlossaryBytes,
                    maxGlossariesTotalBytes,
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

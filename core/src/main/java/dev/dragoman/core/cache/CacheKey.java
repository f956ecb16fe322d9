package dev.dragoman.core.cache;

import dev.dragoman.core.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A deterministic cache key: SHA-256 over a canonical encoding of the operation, backend id, model, every option
 * that changes the output, template and glossary versions, source and target language and the normalized input.
 * Never an API key.
 *
 * <p>The encoding is a sequence of {@code name=value} fields in a fixed order (options sorted by name), each written
 * as its UTF-8 byte length in decimal, a colon, and the bytes — so no two distinct requests can collide by
 * concatenation, and the digest is the same on every machine and JVM. Immutable.
 *
 * @param operation the kind of work ("translate", "summarize"), stored beside the digest for statistics
 * @param backend the backend id, stored beside the digest so entries can be cleared per backend
 * @param digest 64 lower-case hex characters
 */
public record CacheKey(String operation, String backend, String digest) {

    public CacheKey {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(backend, "backend");
        if (!isDigest(digest)) {
            throw new IllegalArgumentException("a cache key digest is 64 lower-case hex characters");
        }
    }

    /** 64 lower-case hex characters; a loop, not a regular expression: every cache look-up builds a key. */
    private static boolean isDigest(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    public static Builder builder(String operation) {
        return new Builder(operation);
    }

    /**
     * One SHA-256 per thread, reset before use: {@code MessageDigest.getInstance} looks the provider up on every call,
     * which a cached server request paid once per segment.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    private static final byte[] V = ascii("v");
    private static final byte[] ONE = ascii("1");
    private static final byte[] OPERATION = ascii("operation");
    private static final byte[] BACKEND = ascii("backend");
    private static final byte[] MODEL = ascii("model");
    private static final byte[] TEMPLATE = ascii("template");
    private static final byte[] GLOSSARY = ascii("glossary");
    private static final byte[] SOURCE = ascii("source");
    private static final byte[] TARGET = ascii("target");
    private static final byte[] INPUT = ascii("input");
    private static final String OPTION = "option.";

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Collects the parts of a key. Not thread-safe. */
    public static final class Builder {
        private final String operation;
        private String backend = "";
        private String model = "";
        private String template = "";
        private String glossary = "";
        private String source = "";
        private String target = "";
        private String input = "";
        private final Map<String, String> options = new TreeMap<>();

        private Builder(String operation) {
            this.operation = Objects.requireNonNull(operation, "operation");
        }

        public Builder backend(String id) {
            this.backend = nz(id);
            return this;
        }

        public Builder model(String name) {
            this.model = nz(name);
            return this;
        }

        public Builder templateVersion(String version) {
            this.template = nz(version);
            return this;
        }

        public Builder glossaryVersion(String version) {
            this.glossary = nz(version);
            return this;
        }

        public Builder source(Language language) {
            this.source = language == null ? "auto" : language.tag();
            return this;
        }

        public Builder target(Language language) {
            this.target = language == null ? "" : language.tag();
            return this;
        }
        /** The input exactly as it will be sent (callers normalize line endings/white space before, if they wish). */
        public Builder input(String text) {
            this.input = nz(text);
            return this;
        }
        /** An option that changes the output; the name must not already be set. */
        public Builder option(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (options.putIfAbsent(name, String.valueOf(value)) != null) {
                throw new IllegalArgumentException("option set twice: " + name);
            }
            return this;
        }

        public CacheKey build() {
            MessageDigest sha = SHA256.get();
            sha.reset();
            part(sha, V);
            part(sha, ONE);
            field(sha, OPERATION, operation);
            field(sha, BACKEND, backend);
            field(sha, MODEL, model);
            field(sha, TEMPLATE, template);
            field(sha, GLOSSARY, glossary);
            field(sha, SOURCE, source);
            field(sha, TARGET, target);
            for (Map.Entry<String, String> o : options.entrySet()) {
                field(sha, (OPTION + o.getKey()).getBytes(StandardCharsets.UTF_8), o.getValue());
            }
            field(sha, INPUT, input);
            return new CacheKey(operation, backend, HexFormat.of().formatHex(sha.digest()));
        }

        private static void field(MessageDigest sha, byte[] name, String value) {
            part(sha, name);
            part(sha, value.getBytes(StandardCharsets.UTF_8));
        }

        /** {@code bytes} as its length in decimal ASCII digits, a colon, and the bytes. */
        private static void part(MessageDigest sha, byte[] bytes) {
            int n = bytes.length;
            if (n < 10) {
                sha.update((byte) ('0' + n));
            } else {
                sha.update(Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
            }
            sha.update((byte) ':');
            sha.update(bytes);
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}

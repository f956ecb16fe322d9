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
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a cache key digest is 64 lower-case hex characters");
        }
    }

    public static Builder builder(String operation) {
        return new Builder(operation);
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
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                field(sha, "v", "1");
                field(sha, "operation", operation);
                field(sha, "backend", backend);
                field(sha, "model", model);
                field(sha, "template", template);
                field(sha, "glossary", glossary);
                field(sha, "source", source);
                field(sha, "target", target);
                for (Map.Entry<String, String> o : options.entrySet()) {
                    field(sha, "option." + o.getKey(), o.getValue());
                }
                field(sha, "input", input);
                return new CacheKey(operation, backend, HexFormat.of().formatHex(sha.digest()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }

        private static void field(MessageDigest sha, String name, String value) {
            for (String part : new String[] {name, value}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}

package dev.dragoman.serve;

import dev.dragoman.core.error.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One client key of the server, as it is stored: its name (what logs and metrics show), the SHA-256 of the key (never
 * the key itself) and its limits per minute (0 = none). Keys are long random strings, so an unsalted digest is enough
 * to keep a leaked configuration file from granting access. Immutable.
 *
 * @param hash {@code sha256:} followed by 64 hex digits, as {@link #hash(String)} writes it
 */
public record ApiKey(String name, String hash, int requestsPerMinute, int charactersPerMinute) {

    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    public ApiKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hash, "hash");
        hash = hash.strip().toLowerCase(Locale.ROOT);
        if (name.isBlank()) {
            throw new IllegalArgumentException("an API key needs a name");
        }
        if (!HASH.matcher(hash).matches()) {
            // most likely the key itself pasted where its digest belongs: never echo it
            throw new IllegalArgumentException("the key '" + name
                    + "' must be stored as its digest, sha256:<64 hex digits> (dragoman serve --hash-key prints it)");
        }
        if (requestsPerMinute < 0 || charactersPerMinute < 0) {
            throw new IllegalArgumentException("limits of key '" + name + "' are 0 (none) or positive");
        }
    }

    /**
     * The keys-file line ("NAME sha256:…") for a client key read from {@code in} ({@code dragoman serve
     * --hash-key}); the key itself is never stored.
     *
     * @throws UsageException when the key is shorter than 16 characters
     */
    public static String keysFileLine(InputStream in) throws IOException {
        String key = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        if (key.length() < 16) {
            throw new UsageException("--hash-key reads the key from standard input: at least 16 characters (e.g."
                    + " head -c 32 /dev/urandom | base64)");
        }
        return "NAME " + hash(key);
    }

    /** {@code sha256:<hex>} of {@code key} (UTF-8, surrounding white space removed). */
    public static String hash(String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(key.strip().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** True when {@code key} is this key (constant-time comparison of the digests). */
    public boolean matches(String key) {
        return key != null
                && MessageDigest.isEqual(
                        hash(key).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ApiKey[" + name + "]";
    }
}

package dev.dragoman.core.cache.store;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Which result-cache store to open and how, in a form any process can hold and send: the type a
 * {@link CacheStoreProvider} offers ({@code sqlite}, {@code redis}, {@code memory}, {@code none}), where it is, and
 * what it keeps. Defaults (the XDG path, 30 days, 512 MB) are resolved by the front end and the stores, never here.
 * Immutable; variants come from the {@code with*} methods.
 *
 * @param type the store type, lower case
 * @param path the file of a file-based store (SQLite), or null
 * @param url the address of a server store ({@code redis://host:6379/0}), or null; it may carry a password, so
 *     {@link #toString()} never shows the part before the host
 * @param ttl how long an entry lives, or null for the store's default
 * @param maxBytes a size cap in bytes, or null for the store's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CacheStoreSpec(
        String type,
        Path path,
        String url,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration ttl,
        Long maxBytes) {

    public CacheStoreSpec {
        Objects.requireNonNull(type, "type");
        type = type.strip().toLowerCase(Locale.ROOT);
        url = url == null || url.isBlank() ? null : url.strip();
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("the cache time to live must be positive, not " + ttl);
        }
        if (maxBytes != null && maxBytes < 1) {
            throw new IllegalArgumentException("the cache size cap must be positive, not " + maxBytes);
        }
    }

    /** A store of {@code type} with every default. */
    public static CacheStoreSpec of(String type) {
        return new CacheStoreSpec(type, null, null, null, null);
    }

    public CacheStoreSpec withPath(Path newPath) {
        return new CacheStoreSpec(type, newPath, url, ttl, maxBytes);
    }

    public CacheStoreSpec withUrl(String newUrl) {
        return new CacheStoreSpec(type, path, newUrl, ttl, maxBytes);
    }

    public CacheStoreSpec withTtl(Duration newTtl) {
        return new CacheStoreSpec(type, path, url, newTtl, maxBytes);
    }

    public CacheStoreSpec withMaxBytes(Long bytes) {
        return new CacheStoreSpec(type, path, url, ttl, bytes);
    }

    @Override
    public String toString() {
        String shown = url;
        if (url != null) {
            int at = url.lastIndexOf('@');
            int scheme = url.indexOf("://");
            if (at > 0 && scheme >= 0 && at > scheme) {
                shown = url.substring(0, scheme + 3) + url.substring(at + 1);
            }
        }
        return "CacheStoreSpec[type=" + type + ", path=" + path + ", url=" + shown + ", ttl=" + ttl + ", maxBytes="
                + maxBytes + "]";
    }
}

package dev.dragoman.pipeline.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A string → offset map that holds no strings: each key is replaced by 88 bits of its SHA-256 and stored with a
 * 40-bit value (a journal offset: up to 1 TiB) in two longs of one open-addressing table (linear probing), so an entry
 * costs 16 bytes of table at most twice over, where a {@code HashMap<String, …>} entry with its key costs about 150.
 * The journal's indexes and the batch's claimed content ids use it, so the memory a batch keeps per article stays a
 * few dozen bytes. Two keys collide with probability about n² ÷ 2⁸⁹ (10⁻¹⁵ at a million keys), and a key cannot be
 * chosen to collide with another without breaking SHA-256 — the same assumption as the 128-bit content ids. Not
 * thread-safe: its owner synchronizes.
 */
final class KeyIndex {

    /** The largest value: 2⁴⁰ − 2 (a stored value is value + 1, so 0 marks a free slot). */
    static final long MAX_VALUE = (1L << 40) - 2;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    /** Two longs per slot: the key's first 64 hash bits, then 24 more hash bits above the value + 1 (40 bits). */
    private long[] table = new long[2 * 64];

    private int size;

    /** The value stored for {@code key}, or −1. */
    long get(String key) {
        long[] h = hash(key);
        int slot = find(h);
        return table[2 * slot + 1] == 0 ? -1 : (table[2 * slot + 1] & MAX_MASK) - 1;
    }

    /** Stores {@code value} (0 … {@link #MAX_VALUE}) for {@code key}, replacing any earlier one. */
    void put(String key, long value) {
        put(hash(key), value, true);
    }

    /** Stores {@code value} unless {@code key} has one; returns the value it already had, or −1. */
    long putIfAbsent(String key, long value) {
        return put(hash(key), value, false);
    }

    int size() {
        return size;
    }

    void clear() {
        table = new long[2 * 64];
        size = 0;
    }

    private long put(long[] h, long value, boolean replace) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("value out of range: " + value);
        }
        int slot = find(h);
        long old = table[2 * slot + 1] == 0 ? -1 : (table[2 * slot + 1] & MAX_MASK) - 1;
        if (old >= 0 && !replace) {
            return old;
        }
        table[2 * slot] = h[0];
        table[2 * slot + 1] = h[1] | (value + 1);
        if (old < 0 && ++size * 4L > (table.length / 2) * 3L) {
            grow();
        }
        return old;
    }

    private static final long MAX_MASK = (1L << 40) - 1;

    /** The slot holding {@code h}, or the free slot where it would go. */
    private int find(long[] h) {
        int mask = table.length / 2 - 1;
        int slot = (int) (h[0] ^ (h[0] >>> 32)) & mask;
        while (true) {
            long tail = table[2 * slot + 1];
            if (tail == 0 || (table[2 * slot] == h[0] && (tail & ~MAX_MASK) == h[1])) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int slot = find(new long[] {old[i], old[i + 1] & ~MAX_MASK});
                table[2 * slot] = old[i];
                table[2 * slot + 1] = old[i + 1];
            }
        }
    }

    /** The key's first 64 SHA-256 bits, and the next 24 in the high bits of the second long (low 40 bits zero). */
    private static long[] hash(String key) {
        MessageDigest sha = SHA256.get();
        byte[] d = sha.digest(key.getBytes(StandardCharsets.UTF_8));
        long a = 0;
        for (int i = 0; i < 8; i++) {
            a = (a << 8) | (d[i] & 0xff);
        }
        long b = 0;
        for (int i = 8; i < 11; i++) {
            b = (b << 8) | (d[i] & 0xff);
        }
        return new long[] {a, b << 40};
    }
}

package dev.dragoman.serve;

import dev.dragoman.core.Language;
import dev.dragoman.core.translation.Glossary;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The glossaries DeepL clients create on this server ({@code POST /v2/glossaries}), each owned by the client key that
 * created it (one owner on a keyless server): a key sees, uses and deletes only its own. Kept in memory: a restart
 * forgets them, as the README says. At most {@link #MAX_PER_OWNER} per key, DeepL's limit per account, and at most
 * {@code maxTotalBytes} for all keys together ({@link ServeOptions#maxGlossariesTotalBytes}, measured by
 * {@link #size}), so that clients cannot fill the server's memory with glossaries of the largest size. Thread-safe.
 */
final class ClientGlossaries {

    static final int MAX_PER_OWNER = 1000;

    /** One glossary: its entries are all limited to its language pair. */
    record Stored(
            String id,
            String owner,
            String name,
            Language source,
            Language target,
            Instant created,
            Glossary glossary) {
        Stored {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(glossary, "glossary");
        }
    }

    private final Map<String, Stored> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long maxTotalBytes;
    /** The {@link #size} of every stored glossary, added up; guarded by {@code this}. */
    private long totalBytes;

    /** @param maxTotalBytes what all glossaries may hold together ({@link #size}) */
    ClientGlossaries(Clock clock, long maxTotalBytes) {
        this.clock = clock;
        this.maxTotalBytes = maxTotalBytes;
    }

    /**
     * Stores a new glossary under a fresh id.
     *
     * @throws ApiError 403 when the owner already holds {@link #MAX_PER_OWNER}; 456 (DeepL's "quota exceeded") when
     *     it would take the glossaries of all keys past {@code maxTotalBytes}
     */
    synchronized Stored create(String owner, String name, Language source, Language target, Glossary glossary) {
        if (byId.values().stream().filter(g -> g.owner().equals(owner)).count() >= MAX_PER_OWNER) {
            throw new ApiError(
                    403, "Too many glossaries: a key may hold " + MAX_PER_OWNER + " on this server; delete one first");
        }
        long size = size(name, glossary);
        if (totalBytes + size > maxTotalBytes) {
            throw new ApiError(
                    456,
                    "Quota exceeded: this server's glossaries may hold " + maxTotalBytes + " bytes in all"
                            + " (serve.max-glossaries-total) and hold " + totalBytes + "; this one needs " + size
                            + ". Delete glossaries no longer used, or ask the operator for a larger limit.");
        }
        Stored g = new Stored(UUID.randomUUID().toString(), owner, name, source, target, clock.instant(), glossary);
        byId.put(g.id(), g);
        totalBytes += size;
        return g;
    }

    /**
     * What a glossary counts against the total: its name and entries as UTF-8 TSV, one "source TAB target" line per
     * entry — the size DeepL's 10 MiB limit on one glossary measures.
     */
    static long size(String name, Glossary glossary) {
        long n = name == null ? 0 : name.getBytes(StandardCharsets.UTF_8).length;
        for (Glossary.Entry e : glossary.entries()) {
            n += e.source().getBytes(StandardCharsets.UTF_8).length
                    + e.target().getBytes(StandardCharsets.UTF_8).length
                    + 2;
        }
        return n;
    }

    /** The owner's glossary with this id, if it has one (another key's glossary is not found). */
    Optional<Stored> find(String owner, String id) {
        Stored g = id == null ? null : byId.get(id.strip());
        return g != null && g.owner().equals(owner) ? Optional.of(g) : Optional.empty();
    }

    /** The owner's glossaries, oldest first. */
    List<Stored> list(String owner) {
        return byId.values().stream()
                .filter(g -> g.owner().equals(owner))
                .sorted(Comparator.comparing(Stored::created).thenComparing(Stored::id))
                .toList();
    }

    /** Deletes the owner's glossary; false when it has none with this id. */
    synchronized boolean delete(String owner, String id) {
        Stored g = find(owner, id).orElse(null);
        if (g == null || byId.remove(g.id()) == null) {
            return false;
        }
        totalBytes -= size(g.name(), g.glossary());
        return true;
    }

    /** Whose glossaries a request sees: its key's name, or the one owner of a keyless server. */
    static String owner(Exchange ex) {
        return ex.key() == null ? "" : ex.key().name();
    }
}

package dev.dragoman.serve;

import dev.dragoman.core.Language;
import dev.dragoman.core.translation.Glossary;
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
 * forgets them, as the README says. At most {@link #MAX_PER_OWNER} per key, DeepL's limit per account. Thread-safe.
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

    ClientGlossaries(Clock clock) {
        this.clock = clock;
    }

    /**
     * Stores a new glossary under a fresh id.
     *
     * @throws ApiError 403 when the owner already holds {@link #MAX_PER_OWNER}
     */
    synchronized Stored create(String owner, String name, Language source, Language target, Glossary glossary) {
        if (byId.values().stream().filter(g -> g.owner().equals(owner)).count() >= MAX_PER_OWNER) {
            throw new ApiError(
                    403, "Too many glossaries: a key may hold " + MAX_PER_OWNER + " on this server; delete one first");
        }
        Stored g = new Stored(UUID.randomUUID().toString(), owner, name, source, target, clock.instant(), glossary);
        byId.put(g.id(), g);
        return g;
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
        return find(owner, id).map(g -> byId.remove(g.id()) != null).orElse(false);
    }

    /** Whose glossaries a request sees: its key's name, or the one owner of a keyless server. */
    static String owner(Exchange ex) {
        return ex.key() == null ? "" : ex.key().name();
    }
}

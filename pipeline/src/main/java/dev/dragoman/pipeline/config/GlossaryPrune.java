package dev.dragoman.pipeline.config;

import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.write.DataTable;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.translate.RemoteGlossaries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The glossaries Dragoman created on vendors' servers (DeepL's, by content hash) that the configuration's glossary no
 * longer uses: listed, and deleted when asked ({@code dragoman glossary prune}). A glossary is in use when the current
 * glossary would give one of its language pairs that very name; anything not named by Dragoman is never touched. Any
 * front end can do the same. Stateless.
 */
public final class GlossaryPrune {

    /**
     * What was found: one row per glossary and how many were unused and deleted.
     *
     * @param table backend, id, name, pairs, created, status ("in use", "unused", "deleted")
     */
    public record Result(DataTable table, int unused, int deleted) {}

    private GlossaryPrune() {}

    /**
     * Lists (and with {@code delete}, deletes the unused of) the Dragoman glossaries of the named backends' accounts.
     *
     * @param names backends by name; empty: every configured backend of a type that keeps glossaries
     * @throws ConfigException when a named backend keeps no glossaries on its server, or none is configured
     * @throws dev.dragoman.core.error.DragomanException as the vendor answers (a missing or rejected key …)
     */
    public static Result run(Settings settings, List<String> names, boolean delete) {
        Backends registry = BackendTypes.registry();
        List<BackendConfig> backends = new ArrayList<>();
        if (names.isEmpty()) {
            settings.configuredBackends().stream()
                    .filter(b -> registry.glossaryTypes().contains(b.type()))
                    .forEach(backends::add);
            if (backends.isEmpty()) {
                throw new ConfigException("No configured backend keeps glossaries on its server (types "
                        + String.join(", ", registry.glossaryTypes()) + "): name one with --backend.");
            }
        } else {
            for (String name : names) {
                BackendConfig b = settings.backend(name);
                if (!registry.glossaryTypes().contains(b.type())) {
                    throw new ConfigException(b.describe() + " is of type " + b.type()
                            + ", which keeps no glossaries on its server; types that do: "
                            + String.join(", ", registry.glossaryTypes()) + ".");
                }
                backends.add(b);
            }
        }
        Glossary current = settings.glossary();
        List<List<Object>> rows = new ArrayList<>();
        int unused = 0;
        int deleted = 0;
        for (BackendConfig b : backends) {
            RemoteGlossaries remote =
                    settings.backends(b).remoteGlossaries(b.spec()).orElseThrow();
            for (RemoteGlossaries.Remote g : remote.created(current)) {
                String status = "in use";
                if (!g.used()) {
                    unused++;
                    status = "unused";
                    if (delete) {
                        remote.delete(g.id());
                        deleted++;
                        status = "deleted";
                    }
                }
                rows.add(Arrays.asList(
                        b.name(),
                        g.id(),
                        g.name(),
                        String.join(", ", g.pairs()),
                        g.created().isEmpty() ? "-" : g.created(),
                        status));
            }
        }
        return new Result(
                new DataTable(
                        "Dragoman's glossaries on the server",
                        List.of("backend", "id", "name", "pairs", "created", "status"),
                        rows),
                unused,
                deleted);
    }
}

package dev.dragoman.translate;

import dev.dragoman.core.translation.Glossary;
import java.util.List;
import java.util.Objects;

/**
 * The glossaries a backend keeps on its vendor's server for Dragoman (DeepL's, created by content hash when a run
 * has a glossary), so that the ones the current glossary no longer uses can be listed and deleted — an account holds a
 * limited number. Only glossaries Dragoman created (by their name) are ever listed or deleted. Implementations are
 * thread-safe.
 */
public interface RemoteGlossaries {

    /**
     * One glossary Dragoman created on the server.
     *
     * @param id the vendor's id
     * @param name its name ({@code dragoman-<hash>})
     * @param created when it was created, as the vendor says it ("" when it does not)
     * @param pairs its language pairs, "ar→en"
     * @param used true when {@code current} (the glossary given to {@link #created}) would use it for one of its pairs
     */
    record Remote(String id, String name, String created, List<String> pairs, boolean used) {
        public Remote {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            created = created == null ? "" : created;
            pairs = List.copyOf(pairs);
        }
    }

    /**
     * The glossaries on the server that Dragoman created, oldest first, each marked used or not by {@code current}.
     *
     * @param current the configuration's glossary; null or empty: none is used
     * @throws dev.dragoman.core.error.DragomanException as the vendor's answer maps (a rejected key, a server error)
     */
    List<Remote> created(Glossary current);

    /**
     * Deletes glossary {@code id}.
     *
     * @throws dev.dragoman.core.error.DragomanException as the vendor's answer maps
     */
    void delete(String id);
}

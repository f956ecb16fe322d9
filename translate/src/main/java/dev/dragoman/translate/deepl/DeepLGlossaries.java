package dev.dragoman.translate.deepl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.translate.RemoteGlossaries;
import dev.dragoman.translate.http.BackendHttp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DeepL glossaries behind a Dragoman glossary, through the v3 glossary endpoints: one DeepL glossary per
 * language pair and content, named {@code dragoman-<hash>} where the hash is a SHA-256 prefix over the pair and the
 * entries (TSV). Before creating one, the account's glossaries are listed ({@code GET /v3/glossaries}) and one of
 * that name with that pair is reused; so an unchanged glossary is created once per account, not once per run, and an
 * edited one gets a new name. In this process each name is looked up or created once, however many threads ask at
 * the same time (the others wait for the first). Two processes creating the same glossary at once both list again
 * after creating: the oldest one is kept by both, and the other process deletes its own copy.
 *
 * <p>Old {@code dragoman-*} glossaries are not deleted by a run (another process may still use them); an account holds
 * up to 1,000. {@link #created} lists them with whether a glossary still uses each one — the name a glossary would
 * give each of its pairs is recomputed — for {@code dragoman glossary prune} to delete the unused. Thread-safe.
 */
final class DeepLGlossaries implements RemoteGlossaries {

    private static final Logger LOG = LoggerFactory.getLogger(DeepLGlossaries.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final String PREFIX = "dragoman-";

    private final BackendHttp http;
    private final HttpUrl baseUrl;
    private final String authKey;
    private final ConcurrentHashMap<String, CompletableFuture<String>> ids = new ConcurrentHashMap<>();

    DeepLGlossaries(BackendHttp http, HttpUrl baseUrl, String authKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authKey = authKey;
    }

    /**
     * The id of the DeepL glossary holding {@code entries} from {@code from} into {@code to}, found or created.
     *
     * @param entries not empty, one per source term ({@link Glossary#entriesFor})
     * @throws dev.dragoman.core.error.DragomanException as {@link BackendHttp#execute} maps DeepL's answer (a pair
     *     DeepL has no glossaries for is a bad request)
     */
    String idFor(Language from, Language to, List<Glossary.Entry> entries) {
        String source = code(from);
        String target = code(to);
        String tsv = tsv(entries);
        String name = name(source, target, tsv);
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> existing = ids.putIfAbsent(name, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            String id = findOrCreate(name, source, target, tsv, entries.size());
            mine.complete(id);
            return id;
        } catch (RuntimeException e) {
            ids.remove(name, mine); // the next call tries again
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private String findOrCreate(String name, String source, String target, String tsv, int count) {
        List<Found> found = list(name, source, target);
        if (!found.isEmpty()) {
            LOG.debug(
                    "DeepL glossary {} ({}→{}) exists: {}",
                    name,
                    source,
                    target,
                    found.get(0).id());
            return found.get(0).id();
        }
        ObjectNode body = Json.mapper().createObjectNode().put("name", name);
        body.putArray("dictionaries")
                .addObject()
                .put("source_lang", source)
                .put("target_lang", target)
                .put("entries", tsv)
                .put("entries_format", "tsv");
        JsonNode created = http.parse(http.execute(request("/v3/glossaries")
                .post(RequestBody.create(body.toString(), JSON))
                .build()));
        String id = created.path("glossary_id").asText("");
        if (id.isEmpty()) {
            throw http.malformed("a created glossary without glossary_id");
        }
        LOG.info("created DeepL glossary {} ({}→{}, {} terms): {}", name, source, target, count, id);
        // another process may have created the same glossary meanwhile: all keep the oldest, each deletes its own
        List<Found> now = list(name, source, target);
        if (!now.isEmpty() && !now.get(0).id().equals(id) && now.stream().anyMatch(f -> f.id().equals(id))) {
            String keeper = now.get(0).id();
            http.execute(request("/v3/glossaries/" + id).delete().build());
            LOG.info("DeepL glossary {} was created twice at once; keeping {}, deleted {}", name, keeper, id);
            return keeper;
        }
        return id;
    }

    /** The DeepL glossary name of a pair's entries: {@code dragoman-} and a hash of the pair and the TSV. */
    private static String name(String source, String target, String tsv) {
        return PREFIX + hash(source + '\t' + target + '\n' + tsv);
    }

    @Override
    public List<Remote> created(Glossary current) {
        List<Remote> mine = new ArrayList<>();
        for (JsonNode g : listAll()) {
            String name = g.path("name").asText("");
            if (!name.startsWith(PREFIX) || !g.path("glossary_id").isTextual()) {
                continue; // not Dragoman's: never listed, never deleted
            }
            List<String> pairs = new ArrayList<>();
            boolean used = false;
            for (JsonNode d : g.path("dictionaries")) {
                String source = d.path("source_lang").asText("").toLowerCase(Locale.ROOT);
                String target = d.path("target_lang").asText("").toLowerCase(Locale.ROOT);
                pairs.add(source + "→" + target);
                used |= usedFor(current, name, source, target);
            }
            mine.add(new Remote(
                    g.path("glossary_id").asText(),
                    name,
                    g.path("creation_time").asText(""),
                    pairs,
                    used));
        }
        mine.sort(Comparator.comparing(Remote::created).thenComparing(Remote::id));
        return mine;
    }

    /** True when {@code current} would name its glossary for this pair {@code name}. */
    private static boolean usedFor(Glossary current, String name, String source, String target) {
        if (current == null || current.isEmpty() || source.isEmpty() || target.isEmpty()) {
            return false;
        }
        List<Glossary.Entry> entries;
        try {
            entries = current.entriesFor(Language.of(source), Language.of(target));
        } catch (RuntimeException e) {
            return false; // a language code this build does not know: no glossary of ours uses it
        }
        return !entries.isEmpty() && name.equals(name(source, target, tsv(entries)));
    }

    @Override
    public void delete(String id) {
        http.execute(request("/v3/glossaries/" + id).delete().build());
        ids.values().removeIf(f -> f.isDone() && !f.isCompletedExceptionally() && id.equals(f.join()));
        LOG.info("deleted DeepL glossary {}", id);
    }

    /** Every glossary of the account ({@code GET /v3/glossaries}). */
    private JsonNode listAll() {
        JsonNode answer =
                http.parse(http.execute(request("/v3/glossaries").get().build()));
        JsonNode glossaries = answer.path("glossaries");
        if (!glossaries.isArray()) {
            throw http.malformed("a glossary list without 'glossaries'");
        }
        return glossaries;
    }

    /** The account's glossaries called {@code name} with a {@code source}→{@code target} dictionary, oldest first. */
    private List<Found> list(String name, String source, String target) {
        List<Found> found = new ArrayList<>();
        for (JsonNode g : listAll()) {
            if (!name.equals(g.path("name").asText()) || !g.path("glossary_id").isTextual()) {
                continue;
            }
            for (JsonNode d : g.path("dictionaries")) {
                if (source.equalsIgnoreCase(d.path("source_lang").asText())
                        && target.equalsIgnoreCase(d.path("target_lang").asText())) {
                    found.add(new Found(
                            g.path("glossary_id").asText(),
                            g.path("creation_time").asText("")));
                    break;
                }
            }
        }
        found.sort(Comparator.comparing(Found::created).thenComparing(Found::id));
        return found;
    }

    private record Found(String id, String created) {}

    private Request.Builder request(String path) {
        return new Request.Builder().url(baseUrl.resolve(path)).header("Authorization", "DeepL-Auth-Key " + authKey);
    }

    /** DeepL glossary languages are bare codes: "ar", "en" (an EN glossary serves EN-US and EN-GB). */
    static String code(Language l) {
        return l.primary().toLowerCase(Locale.ROOT);
    }

    /** One "source TAB target" line per entry (terms hold no tab or line break: {@link Glossary.Entry}). */
    static String tsv(List<Glossary.Entry> entries) {
        StringBuilder sb = new StringBuilder();
        for (Glossary.Entry e : entries) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(e.source().strip()).append('\t').append(e.target().strip());
        }
        return sb.toString();
    }

    private static String hash(String content) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

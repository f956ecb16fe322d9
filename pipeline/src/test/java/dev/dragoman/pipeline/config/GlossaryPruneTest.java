package dev.dragoman.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.translation.TranslationRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GlossaryPrune} against MockWebServer answering as DeepL's v3 glossary endpoints document ({@code GET
 * /v3/glossaries}: {@code glossaries[]} with {@code glossary_id}, {@code name}, {@code dictionaries[]} of
 * {@code source_lang}, {@code target_lang}, {@code entry_count}, and {@code creation_time}; {@code DELETE
 * /v3/glossaries/{id}}: 204): the glossary a run created is kept, an older one of Dragoman's is listed as unused and
 * deleted on request, and one Dragoman did not create is never touched.
 */
class GlossaryPruneTest {

    private static final Map<String, String> KEYS = Map.of("DEEPL_AUTH_KEY", "deepl-prune-key:fx");

    @StartStop
    final MockWebServer deepl = new MockWebServer();

    @TempDir
    Path dir;

    private Settings settings() throws Exception {
        Path terms = dir.resolve("terms.csv");
        Files.writeString(terms, "سانا,SANA\n", StandardCharsets.UTF_8);
        Path file = dir.resolve("dragoman.yaml");
        Files.writeString(
                file,
                "backends:\n  dl:\n    type: deepl\n    base-url: " + deepl.url("/") + "\n"
                        + "  lt:\n    type: libretranslate\n    base-url: http://127.0.0.1:9/\n",
                StandardCharsets.UTF_8);
        return Settings.load(file.toString(), KEYS).withGlossary(terms.toString());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static ObjectNode glossary(String id, String name, String created) {
        ObjectNode g = Json.mapper().createObjectNode().put("glossary_id", id).put("name", name);
        g.putArray("dictionaries")
                .addObject()
                .put("source_lang", "ar")
                .put("target_lang", "en")
                .put("entry_count", 1);
        return g.put("creation_time", created);
    }

    private static MockResponse list(ObjectNode... glossaries) {
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode all = answer.putArray("glossaries");
        for (ObjectNode g : glossaries) {
            all.add(g);
        }
        return json(200, answer.toString());
    }

    /** The name a run gives the current glossary, learned as a translation creates it (POST /v3/glossaries). */
    private String createdByARun(Settings settings) throws Exception {
        deepl.enqueue(list());
        deepl.enqueue(json(
                201,
                glossary("g-current", "ignored", "2026-12-01T10:00:00.000Z").toString()));
        deepl.enqueue(list(glossary("g-current", "ignored", "2026-12-01T10:00:00.000Z")));
        deepl.enqueue(json(
                200,
                "{\"translations\":[{\"detected_source_language\":\"AR\",\"text\":\"SANA reported\","
                        + "\"billed_characters\":11}]}"));
        BackendConfig dl = settings.backend("dl");
        settings.backends(dl)
                .withCache(new MemoryResultCache())
                .cachedTranslator(dl.spec())
                .translate(TranslationRequest.of(List.of("أفادت سانا"), Language.ARABIC, Language.ENGLISH));
        deepl.takeRequest(); // the list
        RecordedRequest create = deepl.takeRequest();
        assertThat(create.getTarget()).isEqualTo("/v3/glossaries");
        JsonNode body = Json.mapper().readTree(create.getBody().utf8());
        deepl.takeRequest(); // the list again
        deepl.takeRequest(); // the translation
        return body.path("name").asText();
    }

    @Test
    void should_list_dragomans_glossaries_the_current_glossary_no_longer_uses_and_delete_only_when_asked()
            throws Exception {
        // given a run created the current glossary's DeepL glossary; the account also holds an older one of
        // Dragoman's (from an edited glossary) and one a person made
        Settings settings = settings();
        String current = createdByARun(settings);
        assertThat(current).startsWith("dragoman-");
        ObjectNode mine = glossary("g-current", current, "2026-12-01T10:00:00.000Z");
        ObjectNode old = glossary("g-old", "dragoman-00112233aabbccdd", "2026-11-02T09:00:00.000Z");
        ObjectNode theirs = glossary("g-theirs", "Marketing terms", "2026-10-01T08:00:00.000Z");
        deepl.enqueue(list(theirs, mine, old));

        // when listed
        GlossaryPrune.Result listed = GlossaryPrune.run(settings, List.of(), false);

        // then the current one is in use, the old one unused, the person's not listed; nothing was deleted
        String table = listed.table().render(dev.dragoman.core.write.OutputFormat.JSON);
        assertThat(listed.unused()).isEqualTo(1);
        assertThat(listed.deleted()).isZero();
        assertThat(listed.table().rows()).hasSize(2);
        assertThat(listed.table().rows().get(0))
                .containsExactly(
                        "dl", "g-old", "dragoman-00112233aabbccdd", "ar→en", "2026-11-02T09:00:00.000Z", "unused");
        assertThat(listed.table().rows().get(1)).contains("g-current", current, "in use");
        assertThat(table).doesNotContain("g-theirs");
        RecordedRequest get = deepl.takeRequest();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getTarget()).isEqualTo("/v3/glossaries");
        assertThat(get.getHeaders().get("Authorization")).isEqualTo("DeepL-Auth-Key deepl-prune-key:fx");

        // when asked to delete
        deepl.enqueue(list(theirs, mine, old));
        deepl.enqueue(new MockResponse.Builder().code(204).build());
        GlossaryPrune.Result pruned = GlossaryPrune.run(settings, List.of("dl"), true);

        // then only the old one of Dragoman's was deleted
        assertThat(pruned.deleted()).isEqualTo(1);
        assertThat(pruned.table().rows().get(0)).contains("g-old", "deleted");
        deepl.takeRequest(); // the list
        RecordedRequest delete = deepl.takeRequest();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getTarget()).isEqualTo("/v3/glossaries/g-old");
        assertThat(deepl.getRequestCount()).isEqualTo(4 + 1 + 2);
    }

    @Test
    void should_list_every_glossary_of_dragomans_as_unused_without_a_glossary() throws Exception {
        // given no glossary in the configuration
        Path file = dir.resolve("plain.yaml");
        Files.writeString(
                file,
                "backends:\n  dl:\n    type: deepl\n    base-url: " + deepl.url("/") + "\n",
                StandardCharsets.UTF_8);
        Settings settings = Settings.load(file.toString(), KEYS);
        deepl.enqueue(list(glossary("g-old", "dragoman-00112233aabbccdd", "2026-11-02T09:00:00.000Z")));

        // when
        GlossaryPrune.Result listed = GlossaryPrune.run(settings, List.of(), false);

        // then
        assertThat(listed.unused()).isEqualTo(1);
        assertThat(listed.table().rows().get(0)).contains("unused");
    }

    @Test
    void should_refuse_a_backend_that_keeps_no_glossaries_on_its_server() throws Exception {
        // when / then
        Settings settings = settings();
        assertThatThrownBy(() -> GlossaryPrune.run(settings, List.of("lt"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("keeps no glossaries on its server")
                .hasMessageContaining("deepl");
        assertThat(deepl.getRequestCount()).isZero();
    }
}

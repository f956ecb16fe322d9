package dev.dragoman.translate.deepl;

import static dev.dragoman.translate.deepl.DeepLTranslatorTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** DeepL glossaries found or created by content, against a server shaped like the v3 glossary endpoints. */
class DeepLGlossariesTest {

    private static final String KEY = "0f5c1d2e-1111-2222-3333-444455556666:fx";
    private static final OkHttpClient CLIENT = new OkHttpClient();
    private static final Glossary GLOSSARY = new Glossary(List.of(
            new Glossary.Entry("سانا", "SANA", Language.ARABIC, Language.ENGLISH),
            Glossary.Entry.keep("Reuters"),
            new Glossary.Entry("دوما", "Douma", Language.ARABIC, Language.FRENCH)));

    @StartStop
    final MockWebServer server = new MockWebServer();

    /**
     * An account: {@code GET /v3/glossaries} lists its glossaries (no entries), {@code POST /v3/glossaries} creates
     * one (201, the documented shape), {@code DELETE /v3/glossaries/ID} removes one (204), {@code POST /v2/translate}
     * translates. Every request is recorded.
     */
    static final class Account extends Dispatcher {
        final List<ObjectNode> glossaries = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<JsonNode> created = new CopyOnWriteArrayList<>();
        final List<JsonNode> translations = new CopyOnWriteArrayList<>();
        /** Runs after a creation, before the answer (another process creating the same glossary meanwhile). */
        volatile Runnable onCreate = () -> {};

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String path = request.getUrl().encodedPath();
            calls.add(request.getMethod() + " " + path);
            try {
                if (path.equals("/v3/glossaries") && request.getMethod().equals("GET")) {
                    ObjectNode answer = Json.mapper().createObjectNode();
                    ArrayNode list = answer.putArray("glossaries");
                    glossaries.forEach(list::add);
                    return json(200, answer.toString());
                }
                if (path.equals("/v3/glossaries") && request.getMethod().equals("POST")) {
                    Thread.sleep(50); // long enough for concurrent callers to pile up
                    JsonNode body = Json.mapper().readTree(request.getBody().utf8());
                    created.add(body);
                    ObjectNode g = add(
                            body.path("name").asText(),
                            body.path("dictionaries").get(0),
                            "2026-12-05T13:00:0" + glossaries.size() + ".000Z");
                    onCreate.run();
                    return json(201, g.toString());
                }
                if (path.startsWith("/v3/glossaries/") && request.getMethod().equals("DELETE")) {
                    String id = path.substring("/v3/glossaries/".length());
                    glossaries.removeIf(g -> g.path("glossary_id").asText().equals(id));
                    return new MockResponse.Builder().code(204).build();
                }
                if (path.equals("/v2/translate")) {
                    JsonNode body = Json.mapper().readTree(request.getBody().utf8());
                    translations.add(body);
                    ObjectNode answer = Json.mapper().createObjectNode();
                    ArrayNode out = answer.putArray("translations");
                    for (JsonNode t : body.path("text")) {
                        out.addObject().put("detected_source_language", "AR").put("text", "SANA: " + t.asText());
                    }
                    return json(200, answer.toString());
                }
            } catch (java.io.IOException e) {
                return json(400, "{\"message\":\"Bad request\"}");
            }
            return json(404, "{\"message\":\"Not found\"}");
        }

        ObjectNode add(String name, JsonNode dictionary, String created) {
            ObjectNode g = Json.mapper()
                    .createObjectNode()
                    .put("glossary_id", UUID.randomUUID().toString())
                    .put("name", name);
            g.putArray("dictionaries")
                    .addObject()
                    .put("source_lang", dictionary.path("source_lang").asText().toUpperCase(java.util.Locale.ROOT))
                    .put("target_lang", dictionary.path("target_lang").asText().toUpperCase(java.util.Locale.ROOT))
                    .put("entry_count", dictionary.path("entries").asText().split("\n").length);
            g.put("creation_time", created);
            glossaries.add(g);
            return g;
        }

        long count(String call) {
            return calls.stream().filter(call::equals).count();
        }
    }

    private final Account account = new Account();

    private DeepLTranslator deepl() {
        server.setDispatcher(account);
        return DeepLTranslator.builder(CLIENT, KEY)
                .baseUrl(server.url("/").toString())
                .build();
    }

    private static TranslationRequest request(Glossary glossary, Language source) {
        return new TranslationRequest(
                List.of("موسكو-سانا"), source, Language.ENGLISH, TranslationOptions.DEFAULT.withGlossary(glossary));
    }

    @Test
    void should_create_the_glossary_once_and_pass_its_id_on_every_translation() {
        // given
        DeepLTranslator deepl = deepl();
        // when
        deepl.translate(request(GLOSSARY, Language.ARABIC));
        deepl.translate(request(GLOSSARY, Language.ARABIC));
        // then: looked up, not found, created with the pair's entries as TSV; the second call asks nothing
        assertThat(account.calls)
                .containsExactly(
                        "GET /v3/glossaries",
                        "POST /v3/glossaries",
                        "GET /v3/glossaries",
                        "POST /v2/translate",
                        "POST /v2/translate");
        JsonNode body = account.created.get(0);
        assertThat(body.path("name").asText()).startsWith("dragoman-");
        JsonNode dictionary = body.path("dictionaries").get(0);
        assertThat(dictionary.path("source_lang").asText()).isEqualTo("ar");
        assertThat(dictionary.path("target_lang").asText()).isEqualTo("en");
        assertThat(dictionary.path("entries").asText()).isEqualTo("سانا\tSANA\nReuters\tReuters");
        assertThat(dictionary.path("entries_format").asText()).isEqualTo("tsv");
        String id = account.glossaries.get(0).path("glossary_id").asText();
        assertThat(account.translations).allSatisfy(t -> {
            assertThat(t.path("glossary_id").asText()).isEqualTo(id);
            assertThat(t.path("source_lang").asText()).isEqualTo("AR");
        });
    }

    @Test
    void should_reuse_a_glossary_an_earlier_run_created() {
        // given: the glossary an earlier process created is in the account
        deepl().translate(request(GLOSSARY, Language.ARABIC));
        account.calls.clear();
        // when: a new process (a new translator) translates with the same glossary
        deepl().translate(request(GLOSSARY, Language.ARABIC));
        // then
        assertThat(account.calls).containsExactly("GET /v3/glossaries", "POST /v2/translate");
        assertThat(account.glossaries).hasSize(1);
    }

    @Test
    void should_create_another_glossary_when_the_glossary_changes() {
        // given
        DeepLTranslator deepl = deepl();
        Glossary edited = new Glossary(List.of(new Glossary.Entry("سانا", "Syrian Arab News Agency", null, null)));
        // when
        deepl.translate(request(GLOSSARY, Language.ARABIC));
        deepl.translate(request(edited, Language.ARABIC));
        // then
        assertThat(account.count("POST /v3/glossaries")).isEqualTo(2);
        assertThat(account.translations.get(0).path("glossary_id").asText())
                .isNotEqualTo(account.translations.get(1).path("glossary_id").asText());
    }

    @Test
    void should_create_it_once_when_many_threads_translate_at_the_same_time() throws Exception {
        // given
        DeepLTranslator deepl = deepl();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        // when
        for (int i = 0; i < 8; i++) {
            done.add(pool.submit(() -> {
                start.await();
                return deepl.translate(request(GLOSSARY, Language.ARABIC));
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        // then
        assertThat(account.count("POST /v3/glossaries")).isEqualTo(1);
        assertThat(account.count("POST /v2/translate")).isEqualTo(8);
        assertThat(account.translations)
                .extracting(t -> t.path("glossary_id").asText())
                .containsOnly(account.glossaries.get(0).path("glossary_id").asText());
    }

    @Test
    void should_keep_the_oldest_when_another_process_created_the_same_glossary_at_once() {
        // given: while we create ours, another process has created the same one (older)
        DeepLTranslator deepl = deepl();
        account.onCreate = () -> {
            JsonNode ours = account.created.get(0);
            account.onCreate = () -> {};
            account.add(ours.path("name").asText(), ours.path("dictionaries").get(0), "2026-12-05T12:59:59.000Z");
        };
        // when
        deepl.translate(request(GLOSSARY, Language.ARABIC));
        // then: ours is deleted, the other process's is used
        assertThat(account.count("DELETE /v3/glossaries/"
                        + account.glossaries.get(0).path("glossary_id").asText()))
                .isZero();
        assertThat(account.glossaries).hasSize(1);
        assertThat(account.translations.get(0).path("glossary_id").asText())
                .isEqualTo(account.glossaries.get(0).path("glossary_id").asText());
        assertThat(account.calls).anyMatch(c -> c.startsWith("DELETE /v3/glossaries/"));
    }

    @Test
    void should_send_no_glossary_when_the_source_language_is_unknown_or_no_term_applies() {
        // given
        DeepLTranslator deepl = deepl();
        Glossary frenchOnly =
                new Glossary(List.of(new Glossary.Entry("دوما", "Douma", Language.ARABIC, Language.FRENCH)));
        // when
        deepl.translate(request(GLOSSARY, null));
        deepl.translate(request(frenchOnly, Language.ARABIC));
        // then
        assertThat(account.calls).containsExactly("POST /v2/translate", "POST /v2/translate");
        assertThat(account.translations).noneMatch(t -> t.has("glossary_id"));
    }

    @Test
    void should_fail_the_translation_when_deepl_refuses_the_glossary_and_try_again_next_time() {
        // given: DeepL refuses the pair at first
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getMethod().equals("POST")
                        && request.getUrl().encodedPath().equals("/v3/glossaries")
                        && account.count("REFUSED") == 0) {
                    account.calls.add("REFUSED");
                    return json(400, "{\"message\":\"Unsupported glossary language pair\"}");
                }
                return account.dispatch(request);
            }
        });
        DeepLTranslator deepl = DeepLTranslator.builder(CLIENT, KEY)
                .baseUrl(server.url("/").toString())
                .build();
        // then
        assertThatThrownBy(() -> deepl.translate(request(GLOSSARY, Language.ARABIC)))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("Unsupported glossary language pair")
                .hasMessageNotContaining(KEY);
        assertThat(account.translations).isEmpty();
        deepl.translate(request(GLOSSARY, Language.ARABIC));
        assertThat(account.translations.get(0).has("glossary_id")).isTrue();
    }
}

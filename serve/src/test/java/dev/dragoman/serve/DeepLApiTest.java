package dev.dragoman.serve;

import static dev.dragoman.serve.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deepl.api.AuthorizationException;
import com.deepl.api.DeepLException;
import com.deepl.api.GlossaryEntries;
import com.deepl.api.GlossaryInfo;
import com.deepl.api.GlossaryNotFoundException;
import com.deepl.api.QuotaExceededException;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.Translator;
import com.deepl.api.TranslatorOptions;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimTranslation;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** DeepL's own Java client (deepl-java) against dragoman serve with client keys. */
class DeepLApiTest {

    static final String KEY = "alice-0f3c9a7e-5b1d-4c2e-9a8f-deadbeef0001";
    static final String OTHER_KEY = "bob-5e0b7c1d-3f2a-4b6c-8d9e-deadbeef0002";
    static final String AR = LibreTranslateApiTest.AR;
    static final String SANA = "\u0633\u0627\u0646\u0627";
    static final String SAID = "\u0642\u0627\u0644\u062a ";

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(
                ServeOptions.builder()
                        .keys(List.of(
                                new ApiKey("alice", ApiKey.hash(KEY), 0, 0),
                                new ApiKey("bob", ApiKey.hash(OTHER_KEY), 0, 0)))
                        .build(),
                SimConfig.defaults().withQuotaCharacters(5_000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Translator client(String key) {
        return new Translator(
                key, new TranslatorOptions().setServerUrl(server.server.url()).setMaxRetries(0));
    }

    @Test
    void should_translate_with_deepl_java_and_report_the_detected_language() throws Exception {
        // when
        List<TextResult> results =
                client(KEY).translateText(List.of(AR, "\u0645\u0631\u062d\u0628\u0627"), null, "en-US");

        // then
        assertThat(results)
                .extracting(TextResult::getText)
                .containsExactly(
                        SimTranslation.translate(AR, "EN-US"),
                        SimTranslation.translate("\u0645\u0631\u062d\u0628\u0627", "EN-US"));
        assertThat(results.get(0).getDetectedSourceLanguage()).isEqualToIgnoringCase("ar");
        assertThat(results.get(0).getBilledCharacters()).isEqualTo(AR.length());
    }

    @Test
    void should_keep_markup_with_tag_handling_html_and_read_usage_and_languages() throws Exception {
        Translator deepl = client(KEY);

        TextResult html = deepl.translateText(
                "<p>\u0645\u0631\u062d\u0628\u0627 <i>\u0628\u0643\u0645</i></p>",
                "ar",
                "en-GB",
                new TextTranslationOptions().setTagHandling("html"));
        var usage = deepl.getUsage();
        var targets = deepl.getTargetLanguages();
        var sources = deepl.getSourceLanguages();

        // the paragraph goes whole as one HTML segment (the simulator keeps tags: they are ASCII)
        assertThat(html.getText())
                .isEqualTo("<p>"
                        + SimTranslation.translate("\u0645\u0631\u062d\u0628\u0627 <i>\u0628\u0643\u0645</i>", "EN-GB")
                        + "</p>");
        assertThat(usage.getCharacter().getCount()).isPositive();
        assertThat(targets).extracting(com.deepl.api.Language::getCode).contains("en-GB", "en-US", "ar");
        assertThat(sources).extracting(com.deepl.api.Language::getCode).contains("en", "ar");
    }

    @Test
    void should_create_a_glossary_with_deepl_java_and_translate_with_it_through_the_backend() throws Exception {
        // given a glossary made with deepl-java
        Translator deepl = client(KEY);
        GlossaryInfo info = deepl.createGlossary("wire terms", "ar", "en", new GlossaryEntries(Map.of(SANA, "SANA")));

        // when it is named in a translation, and when it is not
        TextResult with =
                deepl.translateText(SAID + SANA, "ar", "en-US", new TextTranslationOptions().setGlossary(info));
        TextResult without = deepl.translateText(SAID + SANA, "ar", "en-GB");

        // then DeepL's answers: the glossary as created, listed, read back; the term reached the backend's glossary
        assertThat(info.isReady()).isTrue();
        assertThat(info.getEntryCount()).isEqualTo(1);
        assertThat(info.getSourceLang()).isEqualTo("ar");
        assertThat(info.getTargetLang()).isEqualTo("en");
        assertThat(info.getCreationTime()).isNotNull();
        assertThat(deepl.getGlossary(info.getGlossaryId()).getName()).isEqualTo("wire terms");
        assertThat(deepl.listGlossaries())
                .extracting(GlossaryInfo::getGlossaryId)
                .contains(info.getGlossaryId());
        assertThat(deepl.getGlossaryEntries(info)).containsExactly(Map.entry(SANA, "SANA"));
        assertThat(deepl.getGlossaryLanguages())
                .anySatisfy(pair -> assertThat(pair.getSourceLanguage() + ">" + pair.getTargetLanguage())
                        .isEqualTo("ar>en"));
        assertThat(with.getText()).isEqualTo(SimTranslation.translate(SAID + "SANA", "EN-US"));
        assertThat(without.getText()).isEqualTo(SimTranslation.translate(SAID + SANA, "EN-GB"));
        assertThat(server.sim.glossaryNames())
                .anySatisfy(name -> assertThat(name).startsWith("dragoman-"));
    }

    @Test
    void should_keep_a_glossary_to_its_key_and_refuse_it_for_another_pair_or_once_deleted() throws Exception {
        // given
        Translator alice = client(KEY);
        Translator bob = client(OTHER_KEY);
        GlossaryInfo info = alice.createGlossary("alice's", "ar", "en", new GlossaryEntries(Map.of(SANA, "SANA")));
        TextTranslationOptions withIt = new TextTranslationOptions().setGlossary(info.getGlossaryId());

        // then another key neither sees nor uses it; another pair or an unknown source is refused
        assertThat(bob.listGlossaries()).extracting(GlossaryInfo::getGlossaryId).doesNotContain(info.getGlossaryId());
        assertThatThrownBy(() -> bob.getGlossary(info.getGlossaryId())).isInstanceOf(GlossaryNotFoundException.class);
        assertThatThrownBy(() -> bob.translateText(SANA, "ar", "en-US", withIt))
                .isInstanceOf(DeepLException.class)
                .hasMessageContaining("glossary_id");
        assertThatThrownBy(() -> alice.translateText(SANA, "ar", "fr", withIt))
                .hasMessageContaining("Language pair of the glossary (ar\u2192en)");
        HttpResponse<String> noSource = server.postJson(
                "/v2/translate",
                "{\"text\":[\"x\"],\"target_lang\":\"EN-US\",\"glossary_id\":\"" + info.getGlossaryId() + "\"}",
                "Authorization",
                "DeepL-Auth-Key " + KEY); // deepl-java itself refuses to send this
        assertThat(noSource.statusCode()).isEqualTo(400);
        assertThat(json(noSource).get("message").asText()).contains("requires the source_lang");
        HttpResponse<String> badEntries = server.post(
                "/v2/glossaries",
                "application/x-www-form-urlencoded",
                "name=bad&source_lang=ar&target_lang=en&entries_format=tsv&entries=a%09b%0Aa%09c",
                "Authorization",
                "DeepL-Auth-Key " + KEY); // deepl-java checks its entries before sending
        assertThat(badEntries.statusCode()).isEqualTo(400);
        assertThat(json(badEntries).get("message").asText())
                .isEqualTo("Invalid glossary entries provided: entries line 2: 'a' is already translated as 'b' for "
                        + "the same languages; keep one target per term");

        // when deleted
        alice.deleteGlossary(info);

        // then it is gone
        assertThatThrownBy(() -> alice.getGlossary(info.getGlossaryId())).isInstanceOf(GlossaryNotFoundException.class);
        assertThatThrownBy(() -> alice.translateText(SANA, "ar", "en-US", withIt))
                .hasMessageContaining("glossary_id");
    }

    @Test
    void should_apply_every_glossary_deepl_java_names_with_set_glossaries_the_first_winning_a_term() throws Exception {
        // given two glossaries that disagree on one term
        Translator alice = client(KEY);
        String hello = "\u0645\u0631\u062d\u0628\u0627";
        GlossaryInfo agencies = alice.createGlossary("agencies", "ar", "en", new GlossaryEntries(Map.of(SANA, "SANA")));
        GlossaryInfo greetings =
                alice.createGlossary("greetings", "ar", "en", new GlossaryEntries(Map.of(hello, "Hi", SANA, "Sana")));

        // when both are named (glossary_ids), and when glossary_id is sent beside them
        TextResult both = alice.translateText(
                hello + " " + SAID + SANA,
                "ar",
                "en-US",
                new TextTranslationOptions().setGlossaries(agencies, greetings));
        HttpResponse<String> mixed = server.postJson(
                "/v2/translate",
                "{\"text\":[\"x\"],\"source_lang\":\"AR\",\"target_lang\":\"EN-US\",\"glossary_id\":\""
                        + agencies.getGlossaryId() + "\",\"glossary_ids\":[\"" + greetings.getGlossaryId() + "\"]}",
                "Authorization",
                "DeepL-Auth-Key " + KEY);

        // then each glossary's terms reached the translation, the first named winning "SANA"; the mix is refused
        assertThat(both.getText()).isEqualTo(SimTranslation.translate("Hi " + SAID + "SANA", "EN-US"));
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(json(mixed).get("message").asText()).contains("not both");
        alice.deleteGlossary(agencies);
        alice.deleteGlossary(greetings);
    }

    @Test
    void should_refuse_a_glossary_past_the_servers_total_with_deepls_456_until_one_is_deleted() throws Exception {
        // given a server whose glossaries may hold 16 KiB in all, and three glossaries of about 6.3 KiB each
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 45; i++) {
            entries.put(SANA + " " + i + " " + "x".repeat(120), "SANA " + i);
        }
        try (TestServer small = TestServer.start(ServeOptions.builder()
                .keys(List.of(
                        new ApiKey("alice", ApiKey.hash(KEY), 0, 0), new ApiKey("bob", ApiKey.hash(OTHER_KEY), 0, 0)))
                .maxGlossaryBytes(16 * 1024)
                .maxGlossariesTotalBytes(16 * 1024)
                .build())) {
            Translator alice = new Translator(
                    KEY,
                    new TranslatorOptions().setServerUrl(small.server.url()).setMaxRetries(0));
            Translator bob = new Translator(
                    OTHER_KEY,
                    new TranslatorOptions().setServerUrl(small.server.url()).setMaxRetries(0));
            GlossaryInfo first = alice.createGlossary("first", "ar", "en", new GlossaryEntries(entries));
            bob.createGlossary("second", "ar", "en", new GlossaryEntries(entries));

            // when a third would pass the total, whichever key asks
            // then DeepL's 456, which deepl-java reads as its quota exception, naming the setting
            assertThatThrownBy(() -> alice.createGlossary("third", "ar", "en", new GlossaryEntries(entries)))
                    .isInstanceOf(QuotaExceededException.class)
                    .hasMessageContaining("serve.max-glossaries-total");
            assertThatThrownBy(() -> bob.createGlossary("third", "ar", "en", new GlossaryEntries(entries)))
                    .isInstanceOf(QuotaExceededException.class);
            assertThat(alice.listGlossaries()).extracting(GlossaryInfo::getName).containsExactly("first");

            // and once one is deleted, its room is free again
            alice.deleteGlossary(first);
            GlossaryInfo third = bob.createGlossary("third", "ar", "en", new GlossaryEntries(entries));
            assertThat(bob.getGlossaryEntries(third)).hasSize(entries.size());
        }
    }

    @Test
    void should_take_a_glossary_past_the_text_limit_up_to_its_own_limit() throws Exception {
        // given about 4,000 entries: a form body several times DeepL's 128 KiB limit on text requests
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 4_000; i++) {
            entries.put(SANA + " " + i + " " + "\u0633".repeat(12), "SANA " + i);
        }
        StringBuilder tsv = new StringBuilder();
        entries.forEach((source, target) ->
                tsv.append(source).append('\t').append(target).append('\n'));
        String form = "name=large&source_lang=ar&target_lang=en&entries_format=tsv&entries="
                + java.net.URLEncoder.encode(tsv.toString(), StandardCharsets.UTF_8);
        assertThat(form.length()).isGreaterThan(3 * 128 * 1024);

        // when deepl-java uploads them, and when a server whose max-glossary is 256 KiB is sent the same body
        Translator alice = client(KEY);
        GlossaryInfo large = alice.createGlossary("large", "ar", "en", new GlossaryEntries(entries));
        HttpResponse<String> refused;
        try (TestServer small = TestServer.start(ServeOptions.builder()
                .keys(List.of(new ApiKey("alice", ApiKey.hash(KEY), 0, 0)))
                .maxGlossaryBytes(256 * 1024)
                .build())) {
            refused = small.post(
                    "/v2/glossaries",
                    "application/x-www-form-urlencoded",
                    form,
                    "Authorization",
                    "DeepL-Auth-Key " + KEY);
        }

        // then the first is whole, the second refused with DeepL's 413 naming the glossary limit
        assertThat(large.getEntryCount()).isEqualTo(4_000);
        assertThat(alice.getGlossaryEntries(large)).hasSize(4_000).containsAllEntriesOf(entries);
        alice.deleteGlossary(large);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(json(refused).get("message").asText()).contains((256 * 1024) + " bytes");
    }

    @Test
    void should_refuse_a_wrong_key_as_deepl_does() {
        assertThatThrownBy(() -> client("not-a-key").translateText("x", null, "en-US"))
                .isInstanceOf(AuthorizationException.class);
        HttpResponse<String> none = server.postJson("/v2/translate", "{\"text\":[\"x\"],\"target_lang\":\"EN-US\"}");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(json(none).get("message").asText()).startsWith("Authorization failure");
    }

    @Test
    void should_answer_456_when_the_backend_quota_is_exhausted() {
        String big = "\u0627".repeat(6_000);
        assertThatThrownBy(() -> client(KEY).translateText(big, "ar", "fr")).isInstanceOf(QuotaExceededException.class);
    }

    @Test
    void should_answer_400_and_413_with_deepl_messages() throws Exception {
        String auth = "DeepL-Auth-Key " + KEY;
        HttpResponse<String> noText =
                server.postJson("/v2/translate", "{\"target_lang\":\"DE\"}", "Authorization", auth);
        HttpResponse<String> badTarget =
                server.postJson("/v2/translate", "{\"text\":[\"x\"],\"target_lang\":\"XX\"}", "Authorization", auth);
        HttpResponse<String> tooBig = server.postJson(
                "/v2/translate",
                "{\"text\":[\"" + "a".repeat(130 * 1024) + "\"],\"target_lang\":\"DE\"}",
                "Authorization",
                auth);

        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(json(noText).get("message").asText()).isEqualTo("Parameter 'text' not specified.");
        assertThat(badTarget.statusCode()).isEqualTo(400);
        assertThat(json(badTarget).get("message").asText()).isEqualTo("Value for 'target_lang' not supported.");
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(json(tooBig).get("message").asText()).contains("131072 bytes");
        assertThatThrownBy(() -> client(KEY).translateText("x", null, "xx"))
                .isInstanceOf(DeepLException.class)
                .hasMessageContaining("Bad request");
    }

    @RepeatedTest(10)
    void should_let_a_client_still_sending_an_oversize_body_read_the_413(RepetitionInfo repetition) throws Exception {
        // given a raw client that sends the headers first and then the body in slices, as a slow uplink would,
        // with a declared length or (every other time) chunked
        boolean chunked = repetition.getCurrentRepetition() % 2 == 0;
        byte[] body = ("{\"text\":[\"" + "a".repeat(130 * 1024) + "\"],\"target_lang\":\"DE\"}")
                .getBytes(StandardCharsets.US_ASCII);
        String head = "POST /v2/translate HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nAuthorization: DeepL-Auth-Key " + KEY + "\r\n"
                + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length) + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // when the body follows after the server has seen the headers
            for (int at = 0; at < body.length; at += 16 * 1024) {
                Thread.sleep(2);
                int n = Math.min(16 * 1024, body.length - at);
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(body, at, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            // then the whole 413 arrives, not a reset
            assertThat(response).startsWith("HTTP/1.1 413 ");
            assertThat(json(response.substring(response.indexOf("\r\n\r\n") + 4))
                            .get("message")
                            .asText())
                    .contains("131072 bytes");
        }
    }
}

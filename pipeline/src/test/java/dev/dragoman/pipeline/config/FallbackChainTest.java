package dev.dragoman.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.translate.BatchLimits;
import dev.dragoman.translate.TranslationBackend;
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
 * A configured {@code fallback:} chain, built as every front end builds its translator ({@link Settings#backends}),
 * against MockWebServer answering as DeepL and OpenAI document: DeepL's 456 "Quota exceeded" and OpenAI's 429
 * {@code insufficient_quota} hand the work to the next backend; nothing else does.
 */
class FallbackChainTest {

    private static final Map<String, String> KEYS =
            Map.of("DEEPL_AUTH_KEY", "deepl-fallback-key:fx", "OPENAI_API_KEY", "sk-fallback-test-0123456789");
    private static final TranslationRequest REQUEST = TranslationRequest.of(
            List.of("وصل الوفد إلى دمشق اليوم", "أكد الرئيس المواقف المشتركة"), Language.ARABIC, Language.ENGLISH);

    @StartStop
    final MockWebServer deepl = new MockWebServer();

    @StartStop
    final MockWebServer openai = new MockWebServer();

    @StartStop
    final MockWebServer libre = new MockWebServer();

    @TempDir
    Path dir;

    private final MemoryResultCache cache = new MemoryResultCache();

    private Settings settings(String dlFallback, String gptFallback) throws Exception {
        Path file = dir.resolve("dragoman.yaml");
        Files.writeString(
                file,
                "backends:\n"
                        + "  dl:\n    type: deepl\n    base-url: " + deepl.url("/") + "\n"
                        + (dlFallback == null ? "" : "    fallback: " + dlFallback + "\n")
                        + "  gpt:\n    type: openai\n    model: gpt-4o-mini\n    base-url: " + openai.url("/v1") + "\n"
                        + (gptFallback == null ? "" : "    fallback: " + gptFallback + "\n"),
                StandardCharsets.UTF_8);
        return Settings.load(file.toString(), KEYS);
    }

    /** dl → gpt → lt, as {@code dl: fallback: gpt} and {@code gpt: fallback: lt} write it. */
    private Settings threeDeep(String gptFallback) throws Exception {
        Path file = dir.resolve("dragoman.yaml");
        Files.writeString(
                file,
                "backends:\n"
                        + "  dl:\n    type: deepl\n    base-url: " + deepl.url("/") + "\n    fallback: gpt\n"
                        + "  gpt:\n    type: openai\n    model: gpt-4o-mini\n    base-url: " + openai.url("/v1") + "\n"
                        + "    fallback: " + gptFallback + "\n"
                        + "  lt:\n    type: libretranslate\n    base-url: " + libre.url("/") + "\n"
                        + "    fallback: dl\n",
                StandardCharsets.UTF_8);
        return Settings.load(file.toString(), KEYS);
    }

    /** LibreTranslate's answer to POST /translate with an array {@code q}. */
    private static MockResponse libreTranslations(String... texts) {
        ObjectNode answer = Json.mapper().createObjectNode();
        for (String t : texts) {
            answer.withArray("translatedText").add(t);
        }
        return json(200, answer.toString());
    }

    private TranslationBackend translator(Settings settings, String name) {
        BackendConfig b = settings.backend(name);
        return settings.backends(b).withCache(cache).cachedTranslator(b.spec());
    }

    /** DeepL's documented answer to POST /v2/translate. */
    private static MockResponse deeplTranslations(String... texts) {
        ObjectNode answer = Json.mapper().createObjectNode();
        for (String t : texts) {
            answer.withArray("translations")
                    .addObject()
                    .put("detected_source_language", "AR")
                    .put("text", t)
                    .put("billed_characters", t.length());
        }
        return json(200, answer.toString());
    }

    /** DeepL's answer when the character quota of the billing period is used up (HTTP 456). */
    private static MockResponse deeplQuotaExceeded() {
        return json(456, "{\"message\":\"Quota exceeded\"}");
    }

    /** An OpenAI chat completion whose content is the translator's JSON answer. */
    private static MockResponse openAiTranslations(String... texts) {
        ObjectNode content = Json.mapper().createObjectNode();
        ObjectNode inner = content.putObject("translations");
        for (int i = 0; i < texts.length; i++) {
            inner.put(Integer.toString(i + 1), texts[i]);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", "chatcmpl-1")
                .put("object", "chat.completion")
                .put("created", 1719300000)
                .put("model", "gpt-4o-mini");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content.toString());
        body.putObject("usage")
                .put("prompt_tokens", 300)
                .put("completion_tokens", 40)
                .put("total_tokens", 340);
        return json(200, body.toString());
    }

    /** OpenAI's answer when the account has no credit left (HTTP 429, type and code insufficient_quota). */
    private static MockResponse openAiQuotaExceeded() {
        return json(
                429,
                "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing"
                        + " details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}");
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Test
    void should_translate_with_the_fallback_once_deepl_is_out_of_quota_and_say_so() throws Exception {
        // given DeepL's quota is used up; the chain goes on to gpt
        TranslationBackend chain = translator(settings("gpt", null), "dl");
        deepl.enqueue(deeplQuotaExceeded());
        openai.enqueue(openAiTranslations("The delegation arrived in Damascus today", "The president stressed"));
        openai.enqueue(openAiTranslations("The port reopened", "Ships sailed again"));

        // when
        TranslationResult first = chain.translate(REQUEST);
        TranslationResult second = chain.translate(TranslationRequest.of(
                List.of("أعيد فتح الميناء", "أبحرت السفن من جديد"), Language.ARABIC, Language.ENGLISH));

        // then gpt answered both, each result says it came from the fallback and why
        assertThat(first.texts()).containsExactly("The delegation arrived in Damascus today", "The president stressed");
        assertThat(first.backend()).isEqualTo("openai");
        assertThat(first.fallback())
                .isEqualTo("translated by fallback backend 'gpt' (openai, gpt-4o-mini): 'dl' (deepl) has used up its"
                        + " quota");
        assertThat(second.fallback()).isEqualTo(first.fallback());
        // and DeepL, known to be out of quota, was not asked again
        assertThat(deepl.getRequestCount()).isEqualTo(1);
        assertThat(openai.getRequestCount()).isEqualTo(2);
        RecordedRequest sent = openai.takeRequest();
        assertThat(sent.getTarget()).endsWith("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-fallback-test-0123456789");
    }

    @Test
    void should_keep_a_fallbacks_answers_under_its_own_cache_keys_not_as_the_first_backends() throws Exception {
        // given a run that fell back to gpt
        Settings settings = settings("gpt", null);
        deepl.enqueue(deeplQuotaExceeded());
        openai.enqueue(openAiTranslations("The delegation arrived in Damascus today", "The president stressed"));
        translator(settings, "dl").translate(REQUEST);

        // when the next run is still out of DeepL quota, and the one after finds it back, with the same cache
        deepl.enqueue(deeplQuotaExceeded());
        TranslationResult stillOut = translator(settings, "dl").translate(REQUEST);
        deepl.enqueue(deeplTranslations("The delegation reached Damascus today", "The president stressed positions"));
        TranslationResult back = translator(settings, "dl").translate(REQUEST);

        // then gpt's answers came from the cache, still marked as the fallback's
        assertThat(stillOut.segments()).allMatch(s -> s.fromCache());
        assertThat(stillOut.fallback()).startsWith("translated by fallback backend 'gpt'");
        assertThat(openai.getRequestCount()).isEqualTo(1);
        // and DeepL translated afresh: gpt's text was never one of DeepL's cache entries, and no fallback is claimed
        assertThat(back.texts())
                .containsExactly("The delegation reached Damascus today", "The president stressed positions");
        assertThat(back.fallback()).isNull();
        assertThat(back.segments()).noneMatch(s -> s.fromCache());
        assertThat(deepl.getRequestCount()).isEqualTo(3);
    }

    @Test
    void should_fall_back_from_openai_out_of_credit_to_deepl() throws Exception {
        // given
        TranslationBackend chain = translator(settings(null, "dl"), "gpt");
        openai.enqueue(openAiQuotaExceeded());
        deepl.enqueue(deeplTranslations("The delegation reached Damascus today", "The president stressed positions"));

        // when
        TranslationResult result = chain.translate(REQUEST);

        // then
        assertThat(result.texts())
                .containsExactly("The delegation reached Damascus today", "The president stressed positions");
        assertThat(result.backend()).isEqualTo("deepl");
        assertThat(result.fallback())
                .isEqualTo("translated by fallback backend 'dl' (deepl): 'gpt' (openai, gpt-4o-mini) has used up its"
                        + " quota");
        assertThat(openai.getRequestCount()).isEqualTo(1); // a used-up quota is not retried
        RecordedRequest sent = deepl.takeRequest();
        assertThat(sent.getTarget()).endsWith("/v2/translate");
    }

    @Test
    void should_not_fall_back_on_anything_but_a_used_up_quota() throws Exception {
        // given DeepL rejects the key: a configuration problem, not a reason to pay another vendor
        TranslationBackend chain = translator(settings("gpt", null), "dl");
        deepl.enqueue(json(403, "{\"message\":\"Wrong endpoint\"}"));

        // when / then
        assertThatThrownBy(() -> chain.translate(REQUEST))
                .isInstanceOfSatisfying(
                        DragomanException.class,
                        e -> assertThat(e.kind()).isEqualTo(DragomanException.Kind.AUTHENTICATION_FAILED));
        assertThat(openai.getRequestCount()).isZero();
    }

    @Test
    void should_fail_with_the_quota_error_when_every_backend_of_the_chain_is_out_of_quota() throws Exception {
        // given
        TranslationBackend chain = translator(settings("gpt", null), "dl");
        deepl.enqueue(deeplQuotaExceeded());
        openai.enqueue(openAiQuotaExceeded());

        // when / then
        assertThatThrownBy(() -> chain.translate(REQUEST))
                .isInstanceOfSatisfying(
                        DragomanException.class,
                        e -> assertThat(e.kind()).isEqualTo(DragomanException.Kind.QUOTA_EXCEEDED))
                .hasMessageContaining("every backend of the fallback chain has used up its quota")
                .hasMessageContaining("'dl' (deepl) → 'gpt' (openai, gpt-4o-mini)")
                .hasMessageNotContaining("sk-fallback-test");
        assertThat(deepl.getRequestCount()).isEqualTo(1);
        assertThat(openai.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_refuse_a_fallback_that_names_no_backend_itself_or_one_that_does_not_translate() throws Exception {
        // when / then: checked where the file is read, naming its line
        assertThatThrownBy(() -> settings("gtp", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 5")
                .hasMessageContaining("the fallback 'gtp' of backend 'dl' is neither a backend of this file")
                .hasMessageContaining("did you mean 'gpt'");
        assertThatThrownBy(() -> settings("dl", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("names itself as its fallback");
        assertThatThrownBy(() -> settings("gpt, gpt", null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("each once");
        // and when the chain is built: a summarizer cannot translate in DeepL's place
        Settings summarizing = settings("extractive", null);
        assertThatThrownBy(() -> summarizing.backends(summarizing.backend("dl")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("The fallback 'extractive' of backend 'dl'")
                .hasMessageContaining("which does not translate");
    }

    @Test
    void should_follow_a_fallbacks_own_fallback_so_deepl_then_the_llm_then_libretranslate() throws Exception {
        // given dl: fallback gpt, gpt: fallback lt (and lt's own 'fallback: dl' closes a cycle); DeepL and OpenAI out
        TranslationBackend chain = translator(threeDeep("lt"), "dl");
        deepl.enqueue(deeplQuotaExceeded());
        openai.enqueue(openAiQuotaExceeded());
        libre.enqueue(libreTranslations("The delegation arrived in Damascus today", "The president stressed"));

        // when
        TranslationResult result = chain.translate(REQUEST);

        // then the third backend, reached through the second's own chain, answered, and says why
        assertThat(result.texts())
                .containsExactly("The delegation arrived in Damascus today", "The president stressed");
        assertThat(result.backend()).isEqualTo("libretranslate");
        assertThat(result.fallback())
                .isEqualTo("translated by fallback backend 'lt' (libretranslate): 'dl' (deepl) and 'gpt' (openai,"
                        + " gpt-4o-mini) have used up their quota");
        assertThat(libre.takeRequest().getTarget()).isEqualTo("/translate");
        // and the cycle back to dl did not ask DeepL a second time
        assertThat(deepl.getRequestCount()).isEqualTo(1);
        assertThat(openai.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_split_a_request_by_the_fallbacks_own_limits_not_the_first_backends() throws Exception {
        // given dl → lt: DeepL takes 50 texts of any length a request, LibreTranslate 5,000 characters a request
        Path file = dir.resolve("split.yaml");
        Files.writeString(
                file,
                "backends:\n"
                        + "  dl:\n    type: deepl\n    base-url: " + deepl.url("/") + "\n    fallback: lt\n"
                        + "  lt:\n    type: libretranslate\n    base-url: " + libre.url("/") + "\n",
                StandardCharsets.UTF_8);
        Settings settings = Settings.load(file.toString(), KEYS);
        BackendConfig dl = settings.backend("dl");
        TranslationBackend chain = settings.backends(dl).translator(dl.spec()); // uncached: no link cache re-packs
        String para = "وقال المتحدث إن الوفد سيعود الأسبوع المقبل لمتابعة المحادثات. ".repeat(50); // ~3,100 chars
        String english = "The spokesman said the delegation would return next week to follow up the talks. ";
        TranslationRequest big = TranslationRequest.of(List.of(para, para + "ب"), Language.ARABIC, Language.ENGLISH);
        deepl.enqueue(deeplQuotaExceeded());
        libre.enqueue(libreTranslations(english.repeat(38)));
        libre.enqueue(libreTranslations(english.repeat(38) + "B"));

        // when
        TranslationResult result = chain.translate(big);

        // then DeepL got both in one request, LibreTranslate one each: 6,200 characters do not fit its 5,000
        assertThat(result.texts()).containsExactly(english.repeat(38), english.repeat(38) + "B");
        assertThat(deepl.getRequestCount()).isEqualTo(1);
        assertThat(libre.getRequestCount()).isEqualTo(2);
        // and the chain's profile cuts parts to fit every link: DeepL's 50 segments, LibreTranslate's 5,000 characters
        assertThat(chain.profile().limits()).isEqualTo(new BatchLimits(50, 5_000, 100_000, 0));
    }

    private static Article article() {
        return Article.builder()
                .language(Language.ENGLISH)
                .headline("Port reopens after storm")
                .paragraph("The port of Valletta reopened on Tuesday after a storm closed it for two days.")
                .paragraph("Ferries to Gozo resumed in the afternoon, the harbour master said.")
                .paragraph("Shipping agents expect the backlog of cargo to clear by the end of the week.")
                .build();
    }

    @Test
    void should_summarize_with_the_extractive_fallback_once_the_llm_is_out_of_credit_and_say_so() throws Exception {
        // given gpt: fallback extractive, and OpenAI out of credit
        Settings settings = settings(null, "extractive");
        BackendConfig gpt = settings.backend("gpt");
        Summarizer summarizer = settings.backends(gpt).withCache(cache).summarizer(gpt.spec());
        openai.enqueue(openAiQuotaExceeded());

        // when two articles are summarized
        Summary first = summarizer.summarize(article(), SummaryOptions.DEFAULT);
        Summary second = summarizer.summarize(article(), SummaryOptions.DEFAULT);

        // then the extractive summarizer wrote both, each says so (in its warnings too, which every output shows)
        String why = "summarized by fallback backend 'extractive' (extractive): 'gpt' (openai, gpt-4o-mini) has used up"
                + " its quota";
        assertThat(first.backend()).isEqualTo("extractive");
        assertThat(first.text()).contains("Valletta");
        assertThat(first.fallback()).isEqualTo(why);
        assertThat(first.warnings()).first().isEqualTo(why);
        assertThat(second.fallback()).isEqualTo(why);
        // and OpenAI, known to be out of credit, was asked once
        assertThat(openai.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_give_each_role_the_fallbacks_that_can_do_it() throws Exception {
        // given gpt: fallback dl, extractive — DeepL translates, the extractive summarizer summarizes
        Settings settings = settings(null, "dl, extractive");
        BackendConfig gpt = settings.backend("gpt");
        openai.enqueue(openAiQuotaExceeded());
        openai.enqueue(openAiQuotaExceeded());
        deepl.enqueue(deeplTranslations("The delegation reached Damascus today", "The president stressed positions"));

        // when
        TranslationResult translated = translator(settings, "gpt").translate(REQUEST);
        Summary summary = settings.backends(gpt)
                .withCache(cache)
                .summarizer(gpt.spec())
                .summarize(article(), SummaryOptions.DEFAULT);

        // then
        assertThat(translated.backend()).isEqualTo("deepl");
        assertThat(summary.backend()).isEqualTo("extractive");
        assertThat(summary.fallback()).startsWith("summarized by fallback backend 'extractive'");
    }

    @Test
    void should_not_fall_back_from_a_summary_on_anything_but_a_used_up_quota() throws Exception {
        // given OpenAI rejects the key
        Settings settings = settings(null, "extractive");
        BackendConfig gpt = settings.backend("gpt");
        Summarizer summarizer = settings.backends(gpt).withCache(cache).summarizer(gpt.spec());
        openai.enqueue(json(
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":\"invalid_api_key\"}}"));

        // when / then
        assertThatThrownBy(() -> summarizer.summarize(article(), SummaryOptions.DEFAULT))
                .isInstanceOfSatisfying(
                        DragomanException.class,
                        e -> assertThat(e.kind()).isEqualTo(DragomanException.Kind.AUTHENTICATION_FAILED));
    }

    @Test
    void should_refuse_a_summary_chain_for_a_cluster_job_whose_workers_do_not_build_it() throws Exception {
        // given gpt summarizes with the extractive summarizer as its fallback
        Settings settings = settings(null, "extractive");
        dev.dragoman.pipeline.step.StepOptions summarizeOnly =
                new dev.dragoman.pipeline.step.StepOptions(null, true, null, null);

        // when / then
        assertThatThrownBy(() -> ConfiguredBackends.specs(
                        settings, summarizeOnly, new BackendChoice(null, "gpt", "memory", null, null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has a summary fallback chain ('fallback: extractive')")
                .hasMessageContaining("run the batch locally");
        // and a chain that only translates does not stop a job that only summarizes
        Settings translating = settings(null, "dl");
        assertThat(ConfiguredBackends.specs(
                                translating, summarizeOnly, new BackendChoice(null, "gpt", "memory", null, null))
                        .summarize()
                        .name())
                .isEqualTo("gpt");
    }
}

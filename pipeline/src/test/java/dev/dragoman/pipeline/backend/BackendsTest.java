package dev.dragoman.pipeline.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.backend.MissingKeyException;
import dev.dragoman.core.backend.UnknownTypeException;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
import dev.dragoman.summarize.llm.LlmSummarizer;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.libretranslate.LibreTranslateTranslator;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackendsTest {

    private static final Map<String, String> KEYS = Map.of(
            "DEEPL_AUTH_KEY", "deepl-secret-0001:fx",
            "GOOGLE_API_KEY", "google-secret-0002",
            "AZURE_TRANSLATOR_KEY", "azure-secret-0003",
            "OPENAI_API_KEY", "sk-openai-secret-0004",
            "ANTHROPIC_API_KEY", "sk-ant-secret-0005",
            "GEMINI_API_KEY", "gemini-secret-0006",
            "ECHO_KEY", "echo-secret");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient http = new OkHttpClient();
    private final Backends backends = Backends.load().withVariables(KEYS).withHttp(() -> http);

    @ParameterizedTest
    @CsvSource({
        "deepl, dev.dragoman.translate.deepl.DeepLTranslator",
        "google, dev.dragoman.translate.google.GoogleTranslator",
        "libretranslate, dev.dragoman.translate.libretranslate.LibreTranslateTranslator",
        "azure, dev.dragoman.translate.azure.AzureTranslator",
        "apertium, dev.dragoman.translate.apertium.ApertiumTranslator",
        "openai, dev.dragoman.translate.llm.LlmTranslator",
        "ollama, dev.dragoman.translate.llm.LlmTranslator",
        "anthropic, dev.dragoman.translate.llm.LlmTranslator",
        "gemini, dev.dragoman.translate.llm.LlmTranslator"
    })
    void should_build_every_translation_backend_through_its_provider(String type, String backendClass) {
        // when
        TranslationBackend raw = backends.rawTranslator(BackendSpec.of(type));
        // then
        assertThat(raw.getClass().getName()).isEqualTo(backendClass);
        assertThat(raw.profile().id()).isEqualTo(type);
        assertThat(backends.translator(BackendSpec.of(type)).profile().id()).isEqualTo(type);
    }

    @Test
    void should_build_every_language_model_through_its_provider() {
        assertThat(backends.chatModel(BackendSpec.of("openai"))).isInstanceOf(OpenAiChatModel.class);
        // Ollama and Anthropic size each request (num_ctx, max_tokens) around the provider's own model
        assertThat(backends.chatModel(BackendSpec.of("ollama")))
                .isInstanceOfSatisfying(
                        SizedChatModel.class, m -> assertThat(m.delegate()).isInstanceOf(OllamaChatModel.class));
        assertThat(backends.chatModel(BackendSpec.of("anthropic")))
                .isInstanceOfSatisfying(
                        SizedChatModel.class, m -> assertThat(m.delegate()).isInstanceOf(AnthropicChatModel.class));
        assertThat(backends.chatModel(BackendSpec.of("gemini"))).isInstanceOf(GoogleAiGeminiChatModel.class);
    }

    @Test
    void should_build_every_summarizer_through_its_provider() {
        assertThat(backends.summarizer(BackendSpec.of("extractive"))).isInstanceOf(ExtractiveSummarizer.class);
        for (String llm : List.of("openai", "ollama", "anthropic", "gemini")) {
            assertThat(backends.summarizer(BackendSpec.of(llm))).as(llm).isInstanceOf(LlmSummarizer.class);
        }
        assertThat(backends.summaryModel(BackendSpec.of("extractive"))).isEqualTo(ExtractiveSummarizer.ALGORITHM);
        assertThat(backends.summaryModel(BackendSpec.of("ollama"))).isEqualTo("llama3.1");
    }

    @Test
    void should_know_each_type_and_its_roles() {
        assertThat(backends.types())
                .contains(
                        "anthropic",
                        "apertium",
                        "azure",
                        "deepl",
                        "extractive",
                        "gemini",
                        "google",
                        "libretranslate",
                        "ollama",
                        "openai");
        assertThat(backends.canTranslate("deepl")).isTrue();
        assertThat(backends.canSummarize("deepl")).isFalse();
        assertThat(backends.canTranslate("extractive")).isFalse();
        assertThat(backends.canSummarize("openai")).isTrue();
        assertThat(backends.languageModel("gemini")).isTrue();
        assertThat(backends.languageModel("google")).isFalse();
    }

    @Test
    void should_take_defaults_from_the_provider() {
        // when
        BackendSpec openai = backends.resolve(BackendSpec.of("openai"));
        BackendSpec deepl = backends.resolve(BackendSpec.of("deepl").withKeyVariable("TEAM_DEEPL_KEY"));
        // then
        assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(openai.model()).isEqualTo("gpt-4o-mini");
        assertThat(openai.keyVariable()).isEqualTo("OPENAI_API_KEY");
        assertThat(deepl.baseUrl()).isNull();
        assertThat(deepl.keyVariable()).isEqualTo("TEAM_DEEPL_KEY");
        assertThat(backends.keyRequired(openai)).isTrue();
        assertThat(backends.keyRequired(BackendSpec.of("openai").withBaseUrl("http://localhost:8000/v1")))
                .isFalse();
        assertThat(backends.keyRequired(BackendSpec.of("libretranslate"))).isFalse();
    }

    @Test
    void should_name_the_known_types_when_a_spec_names_an_unknown_one() {
        assertThatThrownBy(() -> backends.translator(BackendSpec.of("systran")))
                .isInstanceOfSatisfying(
                        UnknownTypeException.class,
                        e -> assertThat(e.known()).contains("deepl", "openai", "extractive", "echo"))
                .hasMessageStartingWith("Unknown backend type 'systran': known types are anthropic, apertium,");
    }

    @Test
    void should_say_which_variable_to_set_when_a_key_is_missing() {
        // given
        Backends noKeys = Backends.load().withHttp(() -> http);
        // then
        assertThatThrownBy(() -> noKeys.translator(BackendSpec.of("deepl").withName("work")))
                .isInstanceOf(MissingKeyException.class)
                .hasMessage("Backend 'work' (deepl) needs an API key: export DEEPL_AUTH_KEY=….");
        assertThat(noKeys.rawTranslator(BackendSpec.of("libretranslate"))).isInstanceOf(LibreTranslateTranslator.class);
    }

    @Test
    void should_refuse_a_role_the_type_does_not_have() {
        assertThatThrownBy(() -> backends.summarizer(BackendSpec.of("deepl")))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("translates but does not summarize");
        assertThatThrownBy(() -> backends.translator(BackendSpec.of("extractive")))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("summarizes but does not translate");
        assertThatThrownBy(() -> backends.chatModel(BackendSpec.of("google")))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("not a language model");
    }

    @Test
    void should_build_a_backend_that_only_a_test_provider_on_the_class_path_knows() {
        // given: EchoTranslatorProvider and a test-only META-INF/services line, nothing else
        BackendSpec spec = BackendSpec.of("echo");
        // when
        TranslationResult r = backends.translator(spec)
                .translate(TranslationRequest.of(List.of("bonjour"), Language.of("fr"), Language.ENGLISH));
        // then
        assertThat(backends.canTranslate("echo")).isTrue();
        assertThat(backends.resolve(spec).model()).isEqualTo("upper");
        assertThat(r.texts()).containsExactly("BONJOUR [key of 11 chars]");
    }

    @Test
    void should_call_the_spec_base_url_with_the_key_from_the_named_variable() throws Exception {
        // given
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"translations\":[{\"detected_source_language\":\"AR\",\"text\":\"Moscow\"}]}")
                .build());
        BackendSpec spec =
                BackendSpec.of("deepl").withBaseUrl(server.url("/").toString()).withKeyVariable("TEAM_DEEPL_KEY");
        Backends team = backends.withVariables(Map.of("TEAM_DEEPL_KEY", "team-secret-7"));
        // when
        TranslationResult r = team.translator(spec)
                .translate(TranslationRequest.of(List.of("موسكو"), Language.of("ar"), Language.ENGLISH));
        // then
        RecordedRequest request = server.takeRequest();
        assertThat(r.texts()).containsExactly("Moscow");
        assertThat(request.getTarget()).isEqualTo("/v2/translate");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("DeepL-Auth-Key team-secret-7");
    }

    @Test
    void should_take_a_vendor_option_from_its_variable_when_the_spec_leaves_it_out() throws Exception {
        // given
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("[{\"translations\":[{\"text\":\"Moscow\",\"to\":\"en\"}]}]")
                .build());
        Backends withRegion = backends.withVariables(
                Map.of("AZURE_TRANSLATOR_KEY", "azure-secret-0003", "AZURE_TRANSLATOR_REGION", "westeurope"));
        // when
        withRegion
                .rawTranslator(
                        BackendSpec.of("azure").withBaseUrl(server.url("/").toString()))
                .translate(TranslationRequest.of(List.of("موسكو"), Language.of("ar"), Language.ENGLISH));
        // then
        assertThat(server.takeRequest().getHeaders().get("Ocp-Apim-Subscription-Region"))
                .isEqualTo("westeurope");
    }

    @Test
    void should_build_a_run_once_from_specs_and_describe_it_for_the_fingerprint() {
        // when
        RunBackends run = RunBackends.build(backends, BackendSpec.of("echo"), BackendSpec.of("extractive"));
        RunBackends summaryOnly = RunBackends.build(backends, null, BackendSpec.of("extractive"));
        // then
        assertThat(run.translator().profile().id()).isEqualTo("echo");
        assertThat(run.summarizer()).isInstanceOf(ExtractiveSummarizer.class);
        assertThat(run.description())
                .isEqualTo("translate=echo:upper,summarize=extractive:" + ExtractiveSummarizer.ALGORITHM);
        assertThat(summaryOnly.translator()).isNull();
        assertThat(summaryOnly.description()).isEqualTo("summarize=extractive:" + ExtractiveSummarizer.ALGORITHM);
    }
}

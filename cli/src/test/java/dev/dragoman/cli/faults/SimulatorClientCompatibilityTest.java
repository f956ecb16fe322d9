package dev.dragoman.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.Fault;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimTranslation;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator must be understood by the clients the backends really use: LangChain4j's OpenAI model and OkHttp. */
class SimulatorClientCompatibilityTest {

    private final SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults());

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void should_be_read_by_langchain4j_openai_chat_model() throws Exception {
        // given
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(sim.openAiBaseUrl())
                .apiKey("sk-test")
                .modelName("gpt-sim")
                .maxRetries(0)
                .timeout(Duration.ofSeconds(5))
                .build();

        // when
        ChatResponse response = model.chat(dev.langchain4j.data.message.UserMessage.from(
                "Translate into English. Answer JSON keyed by segment number.\n{\"1\": \"مرحبا بكم\"}"));

        // then
        JsonNode content = Json.mapper().readTree(response.aiMessage().text());
        assertThat(content.get("1").asText()).isEqualTo(SimTranslation.translate("مرحبا بكم", "en"));
        assertThat(response.tokenUsage().totalTokenCount()).isPositive();
    }

    @Test
    void should_surface_a_reset_to_okhttp_as_an_io_error() {
        // given
        OkHttpClient client = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .readTimeout(2, TimeUnit.SECONDS)
                .build();
        sim.injectNext(Fault.CONNECTION_RESET, 1);
        Request request = new Request.Builder()
                .url(sim.baseUrl() + "/v2/translate")
                .header("Authorization", "DeepL-Auth-Key k")
                .post(RequestBody.create(
                        "{\"text\":[\"مرحبا\"],\"target_lang\":\"EN\"}", MediaType.get("application/json")))
                .build();

        // when / then
        assertThatThrownBy(() -> {
                    try (Response ignored = client.newCall(request).execute()) {
                        // unreachable
                    }
                })
                .isInstanceOf(IOException.class);
    }
}

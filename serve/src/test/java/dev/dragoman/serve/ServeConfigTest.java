package dev.dragoman.serve;

import static dev.dragoman.serve.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimTranslation;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.pipeline.config.ConfigException;
import dev.dragoman.pipeline.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve: section of the same YAML file every command reads, and the keys file it names. */
class ServeConfigTest {

    static final String KEY = "carol-9b8a7c6d-5e4f-4a3b-8c2d-000000000004";

    @TempDir
    Path dir;

    private Settings settings(String yaml) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        return Settings.load(file.toString(), Map.of("SIM_KEY", "sim-backend-key", "HOME", dir.toString()));
    }

    @Test
    void should_serve_the_configured_backends_with_the_keys_file_and_limits() throws Exception {
        Path keys = dir.resolve("keys");
        Files.writeString(keys, "# clients\ncarol " + ApiKey.hash(KEY) + " 100 5000\n");
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults().withApiKey("sim-backend-key"))) {
            Settings settings = settings("backends:\n  sim:\n    type: deepl\n    base-url: " + sim.baseUrl()
                    + "\n    api-key-env: SIM_KEY\ncache:\n  store: memory\nserve:\n  backends: sim\n  keys: " + keys
                    + "\n  languages: ar,en\n  max-body: 64KB\n");
            try (ServeConfig config = ServeConfig.open(settings, "127.0.0.1", 0);
                    DragomanServer server = DragomanServer.start(config.options(), config.backends(), "test")) {
                HttpClient client = HttpClient.newHttpClient();
                HttpResponse<String> ok = client.send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/translate"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"q\":\"\u0645\u0631\u062d\u0628\u0627\","
                                        + "\"source\":\"ar\",\"target\":\"en\",\"api_key\":\"" + KEY + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> languages = client.send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/languages"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
                assertThat(json(ok).get("translatedText").asText())
                        .isEqualTo(SimTranslation.translate("\u0645\u0631\u062d\u0628\u0627", "EN-US"));
                assertThat(json(languages)).hasSize(2);
                assertThat(config.options().maxBodyBytes()).isEqualTo(64 * 1024);
                assertThat(config.options().keys()).extracting(ApiKey::name).containsExactly("carol");
                assertThat(config.options().keys().get(0).charactersPerMinute()).isEqualTo(5000);
            }
        }
    }

    @Test
    void should_refuse_a_key_written_in_clear_naming_the_file_and_line_without_echoing_it() throws Exception {
        Path keys = dir.resolve("keys");
        Files.writeString(keys, "carol " + KEY + "\n");
        Settings settings = settings("serve:\n  backends: deepl\n  keys: " + keys + "\n");

        assertThatThrownBy(() -> ServeConfig.open(settings, "127.0.0.1", 0))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(keys + " line 1")
                .hasMessageContaining("sha256:")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void should_refuse_a_keyless_server_on_a_public_address_and_a_server_without_backends() throws Exception {
        Settings none = settings("cache:\n  store: memory\n");
        Settings keyless = settings("serve:\n  backends: deepl\n");

        assertThatThrownBy(() -> ServeConfig.open(none, "127.0.0.1", 0))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serve: backends:");
        assertThatThrownBy(() -> ServeConfig.open(keyless, "0.0.0.0", 0))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void should_give_every_served_translation_the_configured_glossary() throws Exception {
        // given: the file's glossary key names a YAML glossary; the backend is an OpenAI-compatible simulation
        Path terms = dir.resolve("terms.yaml");
        Files.writeString(terms, "terms:\n  ar>en: { سانا: SANA }\n");
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults())) {
            Settings settings = settings("backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    base-url: "
                    + sim.openAiBaseUrl() + "\n    api-key-env: SIM_KEY\ncache:\n  store: memory\n"
                    + "serve:\n  backends: gpt\nglossary: " + terms + "\n");
            // when
            try (ServeConfig config = ServeConfig.open(settings, "127.0.0.1", 0);
                    DragomanServer server = DragomanServer.start(config.options(), config.backends(), "test")) {
                HttpResponse<String> r = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(server.url() + "/translate"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"q\":\"موسكو-سانا\",\"source\":\"ar\",\"target\":\"en\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                // then: the LLM was told the term
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(sim.chatRequests())
                        .anySatisfy(m -> assertThat(m.toString()).contains("سانا => SANA"));
            }
        }
    }
}

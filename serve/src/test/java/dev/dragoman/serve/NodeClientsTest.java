package dev.dragoman.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.testing.sim.SimTranslation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The npm packages {@code libretranslate} and {@code translate} against dragoman serve (src/test/js/clients.test.js). */
class NodeClientsTest {

    static final String KEY = "node-3e1f0b7a-2c4d-4f6e-8a9b-000000000003";

    @Test
    void should_serve_the_npm_libretranslate_clients() throws Exception {
        NodeRunner.requireTools(false);
        ServeOptions options = ServeOptions.builder()
                .keys(List.of(new ApiKey("node", ApiKey.hash(KEY), 0, 0)))
                .build();
        try (TestServer s = TestServer.start(options)) {
            ObjectNode expected = Json.mapper().createObjectNode();
            expected.put("source", LibreTranslateApiTest.AR);
            expected.put("en", SimTranslation.translate(LibreTranslateApiTest.AR, "EN-US"));
            expected.put("fr", SimTranslation.translate(LibreTranslateApiTest.AR, "FR"));

            String out = NodeRunner.run(
                    "clients.test.js",
                    Map.of(
                            "DRAGOMAN_URL",
                            s.server.url(),
                            "DRAGOMAN_KEY",
                            KEY,
                            "DRAGOMAN_EXPECTED",
                            expected.toString()));

            assertThat(out).contains("pass 4").contains("fail 0");
        }
    }
}

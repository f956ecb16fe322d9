package dev.dragoman.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import dev.dragoman.core.usage.Usage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Test-only: a minimal DeepL-shaped HTTP client for the batch's child-process tests, so the backend (the core
 * test-jar's {@code SimulatedBackend}) lives in the parent and counts every request across the child's deaths.
 */
final class SimDeepLTranslator implements Translator {

    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
    private final String baseUrl;

    SimDeepLTranslator(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        ObjectNode body = Json.mapper().createObjectNode();
        request.segments().forEach(body.putArray("text")::add);
        body.put("target_lang", request.target().primary().toUpperCase(Locale.ROOT));
        Request http = new Request.Builder().url(baseUrl + "/v2/translate")
                .header("Authorization", "DeepL-Auth-Key test:fx")
                .post(RequestBody.create(body.toString(), MediaType.get("application/json"))).build();
        try (Response response = client.newCall(http).execute()) {
            if (!response.isSuccessful()) {
                throw new DragomanException(DragomanException.Kind.BACKEND_UNAVAILABLE, "sim answered " + response.code());
            }
            JsonNode json = Json.mapper().readTree(response.body().string());
            List<TranslatedSegment> out = new ArrayList<>();
            json.path("translations").forEach(t -> out.add(TranslatedSegment.of(t.path("text").asText())));
            return new TranslationResult(out, request.source(), "sim-deepl", null,
                    Usage.ofCharacters(1, request.characters()));
        } catch (IOException e) {
            throw new DragomanException(DragomanException.Kind.BACKEND_UNAVAILABLE, "sim: " + e.getMessage(), e);
        }
    }
}

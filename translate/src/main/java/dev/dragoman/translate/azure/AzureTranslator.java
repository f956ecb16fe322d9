package dev.dragoman.translate.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.VendorErrors;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.translate.BackendProfile;
import dev.dragoman.translate.BatchLimits;
import dev.dragoman.translate.GlossaryPlaceholders;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.http.BackendHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Azure AI Translator v3: {@code POST /translate?api-version=3.0&to=en[&from=ar][&textType=html]} with body
 * {@code [{"Text": …}, …]} and headers {@code Ocp-Apim-Subscription-Key} and (for regional resources)
 * {@code Ocp-Apim-Subscription-Region}. Answer: one {@code {detectedLanguage?, translations: [{text, to}]}} per
 * element. At most 100 elements and 10,000 characters per request (the conservative documented limits). A 403
 * means the free quota is used up; 401 a bad key or region.
 *
 * <p>Thread-safe.
 */
public final class AzureTranslator implements TranslationBackend {

    public static final String ID = "azure";
    public static final HttpUrl DEFAULT_URL = HttpUrl.get("https://api.cognitive.microsofttranslator.com");
    public static final BatchLimits DEFAULT_LIMITS = new BatchLimits(100, 10_000, 0, 0);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    static final VendorErrors ERRORS = new VendorErrors(
            "Azure Translator",
            "AZURE_TRANSLATOR_KEY and AZURE_TRANSLATOR_REGION",
            "the Azure Translator endpoint",
            "the Azure Translator quota is used up; upgrade the pricing tier or wait for the next period",
            (status, body) -> new VendorErrors.Detail(VendorErrors.messageField(body), status == 403, false, false));
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final BackendHttp http;
    private final HttpUrl baseUrl;
    private final String key;
    private final String region;
    private final BackendProfile profile;

    private AzureTranslator(Builder b) {
        this.baseUrl = b.baseUrl;
        this.key = b.key;
        this.region = b.region;
        OkHttpClient client = b.client
                .newBuilder()
                .callTimeout(b.timeout)
                .readTimeout(b.timeout)
                .build();
        this.http = new BackendHttp(client, ERRORS, null, b.key);
        this.profile = BackendProfile.mt(ID, "", b.limits, false);
    }

    public static Builder builder(OkHttpClient client, String key) {
        return new Builder(client, key);
    }

    @Override
    public BackendProfile profile() {
        return profile;
    }

    /** Glossary terms travel behind placeholders ({@link GlossaryPlaceholders#HTML}: Azure leaves {@code translate="no"} spans alone with {@code textType=html}). */
    @Override
    public TranslationResult translate(TranslationRequest request) {
        return GlossaryPlaceholders.HTML.translate(request, this::send);
    }

    private TranslationResult send(TranslationRequest request) {
        if (request.segments().isEmpty()) {
            return new TranslationResult(List.of(), null, ID, "", Usage.NONE);
        }
        ArrayNode body = Json.mapper().createArrayNode();
        request.segments().forEach(s -> body.addObject().put("Text", s));
        HttpUrl.Builder url = baseUrl.resolve("/translate")
                .newBuilder()
                .addQueryParameter("api-version", "3.0")
                .addQueryParameter("to", request.target().tag());
        if (request.source() != null) {
            url.addQueryParameter("from", request.source().primary());
        }
        if (request.options().format() == TranslationOptions.TextFormat.HTML) {
            url.addQueryParameter("textType", "html");
        }
        Request.Builder httpRequest = new Request.Builder()
                .url(url.build())
                .header("Ocp-Apim-Subscription-Key", key)
                .post(RequestBody.create(body.toString(), JSON));
        if (region != null) {
            httpRequest.header("Ocp-Apim-Subscription-Region", region);
        }
        JsonNode answer = http.parse(http.execute(httpRequest.build()));
        if (!answer.isArray() || answer.size() != request.segments().size()) {
            throw http.malformed((answer.isArray() ? answer.size() : "no") + " results for "
                    + request.segments().size() + " texts");
        }
        List<TranslatedSegment> segments = new ArrayList<>();
        Language detected = null;
        for (JsonNode item : answer) {
            JsonNode text = item.path("translations").path(0).path("text");
            if (!text.isTextual()) {
                throw http.malformed("a result without translations[0].text");
            }
            segments.add(TranslatedSegment.of(text.asText()));
            if (detected == null
                    && item.path("detectedLanguage").path("language").isTextual()) {
                try {
                    detected = Language.of(
                            item.path("detectedLanguage").path("language").asText());
                } catch (IllegalArgumentException ignored) {
                    // an unknown code: leave detection empty
                }
            }
        }
        return new TranslationResult(segments, detected, ID, "", Usage.ofCharacters(1, request.characters()));
    }

    @Override
    public String toString() {
        return "AzureTranslator[" + baseUrl + "]";
    }

    /** Configures an {@link AzureTranslator}. Not thread-safe. */
    public static final class Builder {
        private final OkHttpClient client;
        private final String key;
        private String region;
        private HttpUrl baseUrl = DEFAULT_URL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private BatchLimits limits = DEFAULT_LIMITS;

        private Builder(OkHttpClient client, String key) {
            this.client = Objects.requireNonNull(client, "client");
            if (key == null || key.isBlank()) {
                throw new DragomanException(
                        Kind.CONFIGURATION, "Azure Translator needs a key: set AZURE_TRANSLATOR_KEY");
            }
            this.key = key.strip();
        }

        /** The resource's region ("westeurope"); required for regional and multi-service resources. */
        public Builder region(String r) {
            this.region = r == null || r.isBlank() ? null : r.strip();
            return this;
        }

        public Builder baseUrl(String url) {
            HttpUrl parsed = HttpUrl.parse(url);
            if (parsed == null) {
                throw new DragomanException(
                        Kind.CONFIGURATION, "Azure Translator endpoint is not a URL: '" + url + "'");
            }
            this.baseUrl = parsed;
            return this;
        }

        public Builder timeout(Duration t) {
            this.timeout = Objects.requireNonNull(t, "timeout");
            return this;
        }

        public Builder limits(BatchLimits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        public AzureTranslator build() {
            return new AzureTranslator(this);
        }
    }
}

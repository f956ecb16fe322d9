package dev.dragoman.translate.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Google Cloud Translation v2 (Basic): {@code POST /language/translate/v2} with a JSON body {@code {q: [...],
 * target, source?, format}}. {@code format} is always sent — "text" for plain segments, because the API's default
 * is HTML and would hand back entities such as {@code &#39;}. The API key travels in the {@code X-goog-api-key}
 * header rather than the {@code key} query parameter, so it never appears in URLs, logs or exception messages.
 * Up to 128 segments and about 5,000 characters per request (Google's advice); quota errors arrive as 403 with a
 * reason such as {@code dailyLimitExceeded}, rate limits as 403 {@code userRateLimitExceeded} or 429.
 *
 * <p>Thread-safe.
 */
public final class GoogleTranslator implements TranslationBackend {

    public static final String ID = "google";
    public static final HttpUrl DEFAULT_URL = HttpUrl.get("https://translation.googleapis.com");
    public static final BatchLimits DEFAULT_LIMITS = new BatchLimits(128, 5_000, 0, 0);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    static final VendorErrors ERRORS = new VendorErrors(
            "Google Translate",
            "GOOGLE_API_KEY",
            "the Google Translate base URL",
            "the Cloud Translation quota is used up; raise it in the Google Cloud console or wait for it to reset",
            GoogleTranslator::readError);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final BackendHttp http;
    private final HttpUrl baseUrl;
    private final String apiKey;
    private final BackendProfile profile;

    private GoogleTranslator(Builder b) {
        this.apiKey = b.apiKey;
        this.baseUrl = b.baseUrl;
        OkHttpClient client = b.client
                .newBuilder()
                .callTimeout(b.timeout)
                .readTimeout(b.timeout)
                .build();
        this.http = new BackendHttp(client, ERRORS, null, b.apiKey);
        this.profile = BackendProfile.mt(ID, "nmt", b.limits, false);
    }

    public static Builder builder(OkHttpClient client, String apiKey) {
        return new Builder(client, apiKey);
    }

    @Override
    public BackendProfile profile() {
        return profile;
    }

    /** Glossary terms travel behind placeholders ({@link GlossaryPlaceholders#HTML}: Google leaves {@code translate="no"} spans alone in HTML mode). */
    @Override
    public TranslationResult translate(TranslationRequest request) {
        return GlossaryPlaceholders.HTML.translate(request, this::send);
    }

    private TranslationResult send(TranslationRequest request) {
        if (request.segments().isEmpty()) {
            return new TranslationResult(List.of(), null, ID, profile.model(), Usage.NONE);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode q = body.putArray("q");
        request.segments().forEach(q::add);
        body.put("target", code(request.target()));
        if (request.source() != null) {
            body.put("source", code(request.source()));
        }
        body.put("format", request.options().format() == TranslationOptions.TextFormat.HTML ? "html" : "text");
        Request httpRequest = new Request.Builder()
                .url(baseUrl.resolve("/language/translate/v2"))
                .header("X-goog-api-key", apiKey)
                .post(RequestBody.create(body.toString(), JSON))
                .build();
        JsonNode translations =
                http.parse(http.execute(httpRequest)).path("data").path("translations");
        if (!translations.isArray() || translations.size() != request.segments().size()) {
            throw http.malformed((translations.isArray() ? translations.size() : "no") + " translations for "
                    + request.segments().size() + " texts");
        }
        List<TranslatedSegment> segments = new ArrayList<>();
        Language detected = null;
        for (JsonNode t : translations) {
            if (!t.path("translatedText").isTextual()) {
                throw http.malformed("a translation without translatedText");
            }
            segments.add(TranslatedSegment.of(t.path("translatedText").asText()));
            if (detected == null && t.path("detectedSourceLanguage").isTextual()) {
                detected = parse(t.path("detectedSourceLanguage").asText());
            }
        }
        return new TranslationResult(
                segments, detected, ID, profile.model(), Usage.ofCharacters(1, request.characters()));
    }

    /** Google codes: ISO 639-1 with a region only for Chinese ("zh-CN", "zh-TW"); Hebrew is "he". */
    static String code(Language l) {
        String p = l.primary();
        if (p.equals("zh")) {
            return l.tag().contains("TW") || l.tag().contains("Hant") ? "zh-TW" : "zh-CN";
        }
        return p;
    }

    private static Language parse(String code) {
        try {
            return Language.of(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Google's error body: {@code {"error": {"code", "message", "errors": [{"reason"}], "status"}}}. */
    private static VendorErrors.Detail readError(int status, String body) {
        String message = VendorErrors.messageField(body);
        String reason = "";
        try {
            JsonNode errors = Json.mapper().readTree(body).path("error").path("errors");
            if (errors.isArray() && errors.size() > 0) {
                reason = errors.get(0).path("reason").asText("");
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // the message alone must do
        }
        String r = reason.toLowerCase(Locale.ROOT);
        boolean rate = r.contains("ratelimit");
        boolean quota = !rate && (r.contains("quota") || r.contains("dailylimit") || r.contains("limitexceeded"));
        boolean badKey = r.contains("keyinvalid")
                || message.contains("API key not valid")
                || message.contains("API_KEY_INVALID");
        return new VendorErrors.Detail(message, quota, rate, badKey);
    }

    @Override
    public String toString() {
        return "GoogleTranslator[" + baseUrl + "]";
    }

    /** Configures a {@link GoogleTranslator}. Not thread-safe. */
    public static final class Builder {
        private final OkHttpClient client;
        private final String apiKey;
        private HttpUrl baseUrl = DEFAULT_URL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private BatchLimits limits = DEFAULT_LIMITS;

        private Builder(OkHttpClient client, String apiKey) {
            this.client = Objects.requireNonNull(client, "client");
            if (apiKey == null || apiKey.isBlank()) {
                throw new DragomanException(
                        Kind.CONFIGURATION, "Google Translate needs an API key: set GOOGLE_API_KEY");
            }
            this.apiKey = apiKey.strip();
        }

        public Builder baseUrl(String url) {
            HttpUrl parsed = HttpUrl.parse(url);
            if (parsed == null) {
                throw new DragomanException(
                        Kind.CONFIGURATION, "Google Translate base URL is not a URL: '" + url + "'");
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

        public GoogleTranslator build() {
            return new GoogleTranslator(this);
        }
    }
}

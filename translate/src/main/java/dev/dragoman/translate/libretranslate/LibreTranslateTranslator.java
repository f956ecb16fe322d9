package dev.dragoman.translate.libretranslate;

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
 * LibreTranslate (self-hosted or libretranslate.com): {@code POST /translate} with a JSON body {@code {q: [...],
 * source: code or "auto", target, format, api_key?}}. With an array {@code q} the answer's {@code translatedText}
 * is an array, and with {@code source: "auto"} {@code detectedLanguage} is one {@code {language, confidence}} per
 * text. Self-hosted servers on modest hardware are slow, so the default timeout is long (5 minutes). Server-side
 * character and batch limits vary ({@code --char-limit}, {@code --batch-limit}): set {@link Builder#limits}.
 *
 * <p>Thread-safe.
 */
public final class LibreTranslateTranslator implements TranslationBackend {

    public static final String ID = "libretranslate";
    public static final BatchLimits DEFAULT_LIMITS = new BatchLimits(50, 5_000, 0, 0);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    static final VendorErrors ERRORS =
            new VendorErrors("LibreTranslate", "LIBRETRANSLATE_API_KEY", "LIBRETRANSLATE_URL", null, (status, body) -> {
                String m = VendorErrors.messageField(body);
                String lower = m.toLowerCase(Locale.ROOT);
                boolean badKey = lower.contains("api key") || lower.contains("api_key");
                return new VendorErrors.Detail(m, false, false, badKey && (status == 400 || status == 403));
            });
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final BackendHttp http;
    private final HttpUrl baseUrl;
    private final String apiKey;
    private final BackendProfile profile;

    private LibreTranslateTranslator(Builder b) {
        this.baseUrl = b.baseUrl;
        this.apiKey = b.apiKey;
        OkHttpClient client = b.client
                .newBuilder()
                .callTimeout(b.timeout)
                .readTimeout(b.timeout)
                .build();
        this.http = new BackendHttp(client, ERRORS, null, b.apiKey);
        this.profile = BackendProfile.mt(ID, "", b.limits, false);
    }

    /** @param baseUrl the server, e.g. {@code http://localhost:5000} */
    public static Builder builder(OkHttpClient client, String baseUrl) {
        return new Builder(client, baseUrl);
    }

    @Override
    public BackendProfile profile() {
        return profile;
    }

    /** Glossary terms travel behind placeholders ({@link GlossaryPlaceholders#TOKENS}: its HTML mode cuts sentences at every span). */
    @Override
    public TranslationResult translate(TranslationRequest request) {
        return GlossaryPlaceholders.TOKENS.translate(request, this::send);
    }

    private TranslationResult send(TranslationRequest request) {
        if (request.segments().isEmpty()) {
            return new TranslationResult(List.of(), null, ID, "", Usage.NONE);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode q = body.putArray("q");
        request.segments().forEach(q::add);
        body.put("source", request.source() == null ? "auto" : code(request.source()));
        body.put("target", code(request.target()));
        body.put("format", request.options().format() == TranslationOptions.TextFormat.HTML ? "html" : "text");
        if (apiKey != null) {
            body.put("api_key", apiKey);
        }
        Request httpRequest = new Request.Builder()
                .url(baseUrl.resolve("translate"))
                .post(RequestBody.create(body.toString(), JSON))
                .build();
        JsonNode answer = http.parse(http.execute(httpRequest));
        JsonNode texts = answer.path("translatedText");
        if (!texts.isArray() || texts.size() != request.segments().size()) {
            throw http.malformed((texts.isArray() ? texts.size() : "no") + " translations for "
                    + request.segments().size() + " texts");
        }
        List<TranslatedSegment> segments = new ArrayList<>();
        for (JsonNode t : texts) {
            if (!t.isTextual()) {
                throw http.malformed("a translation that is not text");
            }
            segments.add(TranslatedSegment.of(t.asText()));
        }
        JsonNode detected = answer.path("detectedLanguage");
        if (detected.isArray() && detected.size() > 0) {
            detected = detected.get(0);
        }
        Language lang = detected.path("language").isTextual()
                ? parse(detected.path("language").asText())
                : null;
        return new TranslationResult(segments, lang, ID, "", Usage.ofCharacters(1, request.characters()));
    }

    /** LibreTranslate codes are ISO 639-1 ("ar", "en"), with "zh-Hans"/"zh-Hant" and "pt-BR" variants. */
    static String code(Language l) {
        String p = l.primary();
        if (p.equals("zh")) {
            return l.tag().contains("Hant") || l.tag().contains("TW") ? "zh-Hant" : "zh-Hans";
        }
        if (l.tag().equals("pt-BR")) {
            return "pt-BR";
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

    @Override
    public String toString() {
        return "LibreTranslateTranslator[" + baseUrl + "]";
    }

    /** Configures a {@link LibreTranslateTranslator}. Not thread-safe. */
    public static final class Builder {
        private final OkHttpClient client;
        private final HttpUrl baseUrl;
        private String apiKey;
        private Duration timeout = DEFAULT_TIMEOUT;
        private BatchLimits limits = DEFAULT_LIMITS;

        private Builder(OkHttpClient client, String url) {
            this.client = Objects.requireNonNull(client, "client");
            HttpUrl parsed = url == null ? null : HttpUrl.parse(url.endsWith("/") ? url : url + "/");
            if (parsed == null) {
                throw new DragomanException(
                        Kind.CONFIGURATION,
                        "LibreTranslate needs the server URL (e.g. http://localhost:5000): set LIBRETRANSLATE_URL");
            }
            this.baseUrl = parsed;
        }

        /** The server's API key, when it requires one. */
        public Builder apiKey(String key) {
            this.apiKey = key == null || key.isBlank() ? null : key.strip();
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

        public LibreTranslateTranslator build() {
            return new LibreTranslateTranslator(this);
        }
    }
}

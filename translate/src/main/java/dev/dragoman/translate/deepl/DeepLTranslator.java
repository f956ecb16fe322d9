package dev.dragoman.translate.deepl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.VendorErrors;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.translate.BackendProfile;
import dev.dragoman.translate.BatchLimits;
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
 * DeepL API v2: {@code POST /v2/translate} with a JSON body ({@code text} array, {@code source_lang},
 * {@code target_lang}, {@code context}, {@code formality}, {@code glossary_id}, {@code tag_handling}), header
 * {@code Authorization: DeepL-Auth-Key …}. Keys ending in {@code :fx} go to the free host {@code api-free.deepl.com}.
 * The request's glossary becomes a DeepL glossary, found or created by content ({@link DeepLGlossaries}), whose id
 * goes out as {@code glossary_id} when the source language is known (DeepL requires it); the glossary's version is in
 * the cache key through the request's options.
 * HTTP 456 is "quota exceeded" (not retried), 403 a bad key, 429 a rate limit. {@link #usage()} reads
 * {@code /v2/usage}. The headline travels as {@code context} (not billed, not translated).
 *
 * <p>Thread-safe.
 */
public final class DeepLTranslator implements TranslationBackend {

    public static final String ID = "deepl";
    public static final HttpUrl PRO_URL = HttpUrl.get("https://api.deepl.com");
    public static final HttpUrl FREE_URL = HttpUrl.get("https://api-free.deepl.com");
    /** DeepL takes up to 50 texts and 128 KiB of body per request; we leave room for JSON escaping. */
    public static final BatchLimits DEFAULT_LIMITS = new BatchLimits(50, 0, 100_000, 0);

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    static final VendorErrors ERRORS = new VendorErrors(
            "DeepL",
            "DEEPL_AUTH_KEY",
            "the DeepL base URL",
            "the DeepL character quota is used up; wait for the next billing period or upgrade the plan",
            (status, body) -> {
                String message = VendorErrors.messageField(body);
                return new VendorErrors.Detail(message, status == 456, false, false);
            });
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final BackendHttp http;
    private final HttpUrl baseUrl;
    private final String authKey;
    private final DeepLGlossaries glossaries;
    private final BackendProfile profile;

    private DeepLTranslator(Builder b) {
        this.authKey = b.authKey;
        this.baseUrl = b.baseUrl != null ? b.baseUrl : isFreeKey(b.authKey) ? FREE_URL : PRO_URL;
        OkHttpClient client = b.client
                .newBuilder()
                .callTimeout(b.timeout)
                .readTimeout(b.timeout)
                .build();
        this.http = new BackendHttp(client, ERRORS, null, b.authKey);
        this.glossaries = new DeepLGlossaries(http, baseUrl, authKey);
        this.profile = new BackendProfile(ID, "", "", b.limits, true, BackendProfile.Unit.CHARACTERS);
    }

    /**
     * @param client the shared client (a per-backend copy with DeepL's timeouts is derived from it)
     * @param authKey the DeepL auth key; {@code :fx} keys select the free host
     * @throws DragomanException of kind CONFIGURATION when the key is blank
     */
    public static Builder builder(OkHttpClient client, String authKey) {
        return new Builder(client, authKey);
    }

    /** True for DeepL API Free keys (they end in {@code :fx}). */
    public static boolean isFreeKey(String authKey) {
        return authKey.endsWith(":fx");
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** The account's glossaries that Dragoman created, on this translator's host and key. */
    dev.dragoman.translate.RemoteGlossaries glossaries() {
        return glossaries;
    }

    @Override
    public BackendProfile profile() {
        return profile;
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        if (request.segments().isEmpty()) {
            return new TranslationResult(List.of(), null, ID, "", Usage.NONE);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode text = body.putArray("text");
        request.segments().forEach(text::add);
        if (request.source() != null) {
            body.put("source_lang", sourceCode(request.source()));
        }
        body.put("target_lang", targetCode(request.target()));
        TranslationOptions o = request.options();
        if (o.context() != null && !o.context().isBlank()) {
            body.put("context", o.context());
        }
        if (o.formality() != TranslationOptions.Formality.DEFAULT) {
            body.put("formality", "prefer_" + o.formality().wire());
        }
        if (o.glossary() != null && request.source() != null) {
            // DeepL applies a glossary only with a known source language; without one the glossary check flags misses
            List<Glossary.Entry> entries = o.glossary().entriesFor(request.source(), request.target());
            if (!entries.isEmpty()) {
                body.put("glossary_id", glossaries.idFor(request.source(), request.target(), entries));
            }
        }
        if (o.format() == TranslationOptions.TextFormat.HTML) {
            body.put("tag_handling", "html");
        }
        body.put("show_billed_characters", true);
        Request httpRequest = new Request.Builder()
                .url(baseUrl.resolve("/v2/translate"))
                .header("Authorization", "DeepL-Auth-Key " + authKey)
                .post(RequestBody.create(body.toString(), JSON))
                .build();
        JsonNode answer = http.parse(http.execute(httpRequest));
        JsonNode translations = answer.path("translations");
        if (!translations.isArray() || translations.size() != request.segments().size()) {
            throw http.malformed((translations.isArray() ? translations.size() : "no") + " translations for "
                    + request.segments().size() + " texts");
        }
        List<TranslatedSegment> segments = new ArrayList<>();
        long billed = 0;
        Language detected = null;
        for (JsonNode t : translations) {
            if (!t.path("text").isTextual()) {
                throw http.malformed("a translation without text");
            }
            segments.add(TranslatedSegment.of(t.path("text").asText()));
            billed += t.path("billed_characters").asLong(0);
            if (detected == null && t.path("detected_source_language").isTextual()) {
                detected = parseLanguage(t.path("detected_source_language").asText());
            }
        }
        if (billed == 0) {
            billed = request.characters();
        }
        return new TranslationResult(segments, detected, ID, "", Usage.ofCharacters(1, billed));
    }

    /**
     * The account's usage from {@code GET /v2/usage}.
     *
     * @throws DragomanException as for {@link #translate}
     */
    public DeepLUsage usage() {
        Request request = new Request.Builder()
                .url(baseUrl.resolve("/v2/usage"))
                .header("Authorization", "DeepL-Auth-Key " + authKey)
                .get()
                .build();
        JsonNode answer = http.parse(http.execute(request));
        if (!answer.path("character_count").isNumber()
                || !answer.path("character_limit").isNumber()) {
            throw http.malformed("a usage answer without character_count/character_limit");
        }
        return new DeepLUsage(
                answer.path("character_count").asLong(),
                answer.path("character_limit").asLong());
    }

    /** DeepL source codes are the bare language: "AR", "EN". */
    static String sourceCode(Language l) {
        return l.primary().toUpperCase(Locale.ROOT);
    }

    /** DeepL target codes: "EN-US"/"EN-GB", "PT-BR"/"PT-PT" need a variant ("EN" alone is deprecated). */
    static String targetCode(Language l) {
        String tag = l.tag().toUpperCase(Locale.ROOT);
        switch (tag) {
            case "EN":
                return "EN-US";
            case "PT":
                return "PT-PT";
            default:
                return tag;
        }
    }

    private static Language parseLanguage(String code) {
        try {
            return Language.of(code.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "DeepLTranslator[" + baseUrl + "]";
    }

    /** What the account has used this billing period, from {@code /v2/usage}. */
    public record DeepLUsage(long characterCount, long characterLimit) {
        /** Characters left this period (0 when over). */
        public long remaining() {
            return Math.max(0, characterLimit - characterCount);
        }
    }

    /** Configures a {@link DeepLTranslator}. Not thread-safe. */
    public static final class Builder {
        private final OkHttpClient client;
        private final String authKey;
        private HttpUrl baseUrl;
        private Duration timeout = DEFAULT_TIMEOUT;
        private BatchLimits limits = DEFAULT_LIMITS;

        private Builder(OkHttpClient client, String authKey) {
            this.client = Objects.requireNonNull(client, "client");
            if (authKey == null || authKey.isBlank()) {
                throw new DragomanException(Kind.CONFIGURATION, "DeepL needs an auth key: set DEEPL_AUTH_KEY");
            }
            this.authKey = authKey.strip();
        }

        /** Overrides the host chosen from the key (a proxy, a test server). */
        public Builder baseUrl(String url) {
            HttpUrl parsed = HttpUrl.parse(url);
            if (parsed == null) {
                throw new DragomanException(Kind.CONFIGURATION, "DeepL base URL is not a URL: '" + url + "'");
            }
            this.baseUrl = parsed;
            return this;
        }

        /** Whole-call and read timeout (default 60 s). */
        public Builder timeout(Duration t) {
            this.timeout = Objects.requireNonNull(t, "timeout");
            return this;
        }

        public Builder limits(BatchLimits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        public DeepLTranslator build() {
            return new DeepLTranslator(this);
        }
    }
}

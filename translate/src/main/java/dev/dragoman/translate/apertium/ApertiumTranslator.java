package dev.dragoman.translate.apertium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.VendorErrors;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Apertium APY, the HTTP server of the offline rule-based Apertium engine: {@code POST /translate} with form fields
 * {@code q} and {@code langpair=spa|eng}. APY names languages by ISO 639-3 codes ({@code spa}, {@code eng}) —
 * sometimes 639-1 ({@code en-gl}) and variants ({@code eng_US}) — so the pair is chosen from {@code /listPairs}
 * (read once): ISO 639-1 {@code es} maps to {@code spa}. APY takes one text per request, so a batch is sent
 * segment by segment. Words the engine does not know come back marked {@code *word}: the mark is removed and the
 * segment carries a warning naming them, so partial translations are never passed off as complete. There is no
 * Arabic pair in Debian; a missing pair is a configuration error naming the installed ones.
 *
 * <p>Thread-safe.
 */
public final class ApertiumTranslator implements TranslationBackend {

    public static final String ID = "apertium";
    /** Segments are sent one by one; the limit only bounds how many one call to this translator handles. */
    public static final BatchLimits DEFAULT_LIMITS = new BatchLimits(100, 0, 0, 0);

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    static final VendorErrors ERRORS = new VendorErrors("Apertium APY", null, "APERTIUM_URL", null, null);
    private static final Pattern UNKNOWN = Pattern.compile("(?<![\\p{L}\\p{N}])\\*(\\p{L}[\\p{L}\\p{M}\\p{N}'’-]*)");

    private final BackendHttp http;
    private final HttpUrl baseUrl;
    private final BackendProfile profile;
    private volatile List<String[]> pairs;

    private ApertiumTranslator(Builder b) {
        this.baseUrl = b.baseUrl;
        OkHttpClient client = b.client
                .newBuilder()
                .callTimeout(b.timeout)
                .readTimeout(b.timeout)
                .build();
        this.http = new BackendHttp(client, ERRORS, null);
        this.profile = BackendProfile.mt(ID, "", b.limits, false);
    }

    /** @param baseUrl the APY server, e.g. {@code http://127.0.0.1:2737} */
    public static Builder builder(OkHttpClient client, String baseUrl) {
        return new Builder(client, baseUrl);
    }

    @Override
    public BackendProfile profile() {
        return profile;
    }

    /** Glossary terms travel behind placeholders ({@link GlossaryPlaceholders#TOKENS}: Apertium translates inside any element). */
    @Override
    public TranslationResult translate(TranslationRequest request) {
        return GlossaryPlaceholders.TOKENS.translate(request, this::send);
    }

    private TranslationResult send(TranslationRequest request) {
        if (request.segments().isEmpty()) {
            return new TranslationResult(List.of(), null, ID, "", Usage.NONE);
        }
        if (request.source() == null) {
            throw new DragomanException(
                    Kind.CONFIGURATION, "Apertium cannot detect the source language: give it (--from es)");
        }
        String langpair = langpair(request.source(), request.target());
        List<TranslatedSegment> out = new ArrayList<>();
        for (String segment : request.segments()) {
            FormBody.Builder form = new FormBody.Builder()
                    .add("q", segment)
                    .add("langpair", langpair)
                    .add("markUnknown", "yes");
            if (request.options().format() == TranslationOptions.TextFormat.HTML) {
                form.add("format", "html");
            }
            Request httpRequest = new Request.Builder()
                    .url(baseUrl.resolve("translate"))
                    .post(form.build())
                    .build();
            JsonNode text =
                    http.parse(http.execute(httpRequest)).path("responseData").path("translatedText");
            if (!text.isTextual()) {
                throw http.malformed("an answer without responseData.translatedText");
            }
            out.add(unmark(text.asText()));
        }
        return new TranslationResult(
                out, null, ID, "", new Usage(request.segments().size(), request.characters(), 0, 0));
    }

    /** Removes APY's {@code *unknown} marks and names the words in a warning. */
    static TranslatedSegment unmark(String text) {
        Matcher m = UNKNOWN.matcher(text);
        Set<String> unknown = new LinkedHashSet<>();
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            unknown.add(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1)));
        }
        m.appendTail(sb);
        TranslatedSegment t = TranslatedSegment.of(sb.toString());
        if (!unknown.isEmpty()) {
            t = t.withWarning(
                    "Apertium left " + unknown.size() + " word(s) untranslated: " + String.join(", ", unknown));
        }
        return t;
    }

    /** The installed pair for these languages, as APY names it ("spa|eng"). */
    String langpair(Language from, Language to) {
        List<String[]> installed = installedPairs();
        for (String f : codes(from)) {
            for (String t : codes(to)) {
                for (String[] p : installed) {
                    if (p[0].equals(f) && p[1].equals(t)) {
                        return f + "|" + t;
                    }
                }
            }
        }
        List<String> names = installed.stream().map(p -> p[0] + "-" + p[1]).toList();
        throw new DragomanException(
                Kind.CONFIGURATION,
                "Apertium has no " + from + "→" + to
                        + " pair installed (installed: " + (names.isEmpty() ? "none" : String.join(", ", names))
                        + "); install one, e.g. apt-get install apertium-" + from.iso3() + "-" + to.iso3()
                        + ", or use another backend");
    }

    /** Candidate APY codes, most specific first: "eng_US", "eng", "en_US", "en". */
    static List<String> codes(Language l) {
        Set<String> out = new LinkedHashSet<>();
        String region = java.util.Locale.forLanguageTag(l.tag()).getCountry();
        String three = l.iso3();
        String two = l.primary();
        if (!region.isEmpty()) {
            out.add(three + "_" + region);
            out.add(two + "_" + region);
        }
        out.add(three);
        out.add(two);
        return List.copyOf(out);
    }

    /** The pairs from {@code GET /listPairs}, read once. */
    List<String[]> installedPairs() {
        List<String[]> p = pairs;
        if (p == null) {
            JsonNode data = http.parse(http.execute(new Request.Builder()
                            .url(baseUrl.resolve("listPairs"))
                            .get()
                            .build()))
                    .path("responseData");
            if (!data.isArray()) {
                throw http.malformed("a /listPairs answer without responseData");
            }
            List<String[]> read = new ArrayList<>();
            for (JsonNode n : data) {
                read.add(new String[] {
                    n.path("sourceLanguage").asText().toLowerCase(Locale.ROOT),
                    n.path("targetLanguage").asText()
                });
            }
            p = List.copyOf(read);
            pairs = p;
        }
        return p;
    }

    @Override
    public String toString() {
        return "ApertiumTranslator[" + baseUrl + "]";
    }

    /** Configures an {@link ApertiumTranslator}. Not thread-safe. */
    public static final class Builder {
        private final OkHttpClient client;
        private final HttpUrl baseUrl;
        private Duration timeout = DEFAULT_TIMEOUT;
        private BatchLimits limits = DEFAULT_LIMITS;

        private Builder(OkHttpClient client, String url) {
            this.client = Objects.requireNonNull(client, "client");
            HttpUrl parsed = url == null ? null : HttpUrl.parse(url.endsWith("/") ? url : url + "/");
            if (parsed == null) {
                throw new DragomanException(
                        Kind.CONFIGURATION,
                        "Apertium needs the APY server URL (e.g. http://127.0.0.1:2737): set APERTIUM_URL");
            }
            this.baseUrl = parsed;
        }

        public Builder timeout(Duration t) {
            this.timeout = Objects.requireNonNull(t, "timeout");
            return this;
        }

        public Builder limits(BatchLimits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        public ApertiumTranslator build() {
            return new ApertiumTranslator(this);
        }
    }
}

package dev.dragoman.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.text.LanguageDetector;
import dev.dragoman.core.translation.TranslationOptions;
import java.util.List;

/**
 * The LibreTranslate API, as its {@code app.py} defines it: {@code POST /translate} ({@code q} a string or a list,
 * {@code source} a code or {@code auto}, {@code target}, {@code format} text|html, {@code alternatives},
 * {@code api_key}), {@code POST /detect}, {@code GET /languages}, {@code /frontend/settings} and {@code /spec} (whose
 * title clients such as Dialect check). Same parameter sources (JSON, urlencoded, multipart, query), same error
 * messages and statuses. Differences: alternatives are always empty lists (the backends give one translation), and
 * {@code backend} may name one of the server's backends.
 */
final class LibreTranslateApi {

    /** LibreTranslate's default {@code --alternatives-limit}. */
    static final int ALTERNATIVES_LIMIT = 3;

    private final ServeOptions options;
    private final Languages languages;
    private final Translation translation;
    private final String version;

    LibreTranslateApi(ServeOptions options, Languages languages, Translation translation, String version) {
        this.options = options;
        this.languages = languages;
        this.translation = translation;
        this.version = version;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/translate", Route.Api.LIBRE, true, true, this::translate),
                new Route("POST", "/detect", Route.Api.LIBRE, true, true, this::detect),
                new Route("GET", "/languages", Route.Api.LIBRE, false, false, e -> languages()),
                new Route("GET", "/frontend/settings", Route.Api.LIBRE, false, false, e -> settings()),
                new Route(
                        "GET",
                        "/spec",
                        Route.Api.LIBRE,
                        false,
                        false,
                        e -> Reply.spec("libretranslate-spec.json", version)));
    }

    private Reply translate(Exchange ex) {
        Params p = ex.params();
        JsonNode q = p.node("q");
        String source = p.string("source");
        String target = p.string("target");
        String format = p.string("format");
        if (q == null || (q.isTextual() && q.textValue().isEmpty()) || (q.isArray() && q.isEmpty())) {
            throw missing("q");
        }
        if (source == null || source.isEmpty()) {
            throw missing("source");
        }
        if (target == null || target.isEmpty()) {
            throw missing("target");
        }
        int alternatives = Math.max(0, p.integer("alternatives", 0));
        if (alternatives > ALTERNATIVES_LIMIT) {
            throw ApiError.badRequest("Invalid request: alternatives parameter must be <= " + ALTERNATIVES_LIMIT);
        }
        boolean batch = q.isArray();
        List<String> texts = p.strings("q");
        if (!p.isJson()) {
            // LibreTranslate normalizes form line endings to LF before it counts characters
            texts = texts.stream()
                    .map(t -> String.join("\n", t.lines().toList()))
                    .toList();
        }
        if (batch && options.batchLimit() != -1 && texts.size() > options.batchLimit()) {
            throw ApiError.badRequest("Invalid request: request (" + texts.size() + ") exceeds text limit ("
                    + options.batchLimit() + ")");
        }
        if (options.charLimit() != -1) {
            for (String t : texts) {
                if (t.length() > options.charLimit()) {
                    throw ApiError.badRequest("Invalid request: request (" + t.length() + ") exceeds text limit ("
                            + options.charLimit() + ")");
                }
            }
        }
        boolean auto = "auto".equals(source);
        Language from = auto ? null : languages.find(source).orElseThrow(() -> notSupported(source));
        Language to = languages.find(target).orElseThrow(() -> notSupported(target));
        String fmt = format == null || format.isEmpty() ? "text" : format;
        if (!fmt.equals("text") && !fmt.equals("html")) {
            throw ApiError.badRequest(fmt + " format is not supported");
        }
        ex.charge(texts.stream().mapToLong(String::length).sum());
        Translation.Outcome out = translation.translate(
                texts, from, to, fmt.equals("html"), p.string("backend"), TranslationOptions.DEFAULT);
        ObjectNode result = Json.mapper().createObjectNode();
        if (batch) {
            ArrayNode translated = result.putArray("translatedText");
            out.texts().forEach(translated::add);
        } else {
            result.put("translatedText", out.texts().get(0));
        }
        if (auto) {
            ObjectNode detected = detection(out.detected(), out.confidence());
            if (batch) {
                ArrayNode all = result.putArray("detectedLanguage");
                texts.forEach(t -> all.add(detected.deepCopy()));
            } else {
                result.set("detectedLanguage", detected);
            }
        }
        if (alternatives > 0) {
            ArrayNode alts = result.putArray("alternatives");
            if (batch) {
                texts.forEach(t -> alts.addArray());
            }
        }
        if (!out.warnings().isEmpty()) {
            ArrayNode w = result.putArray("warnings");
            out.warnings().forEach(w::add);
        }
        return Reply.json(result);
    }

    private Reply detect(Exchange ex) {
        Params p = ex.params();
        List<String> q = p.strings("q");
        if (q.isEmpty() || q.stream().allMatch(String::isEmpty)) {
            throw missing("q");
        }
        ex.charge(q.stream().mapToLong(String::length).sum());
        LanguageDetector.Detection d = translation.detector().detect(String.join("\n", q));
        ArrayNode out = Json.mapper().createArrayNode();
        out.add(detection(d.language(), d.confidence()));
        return Reply.json(out);
    }

    private Reply languages() {
        ArrayNode out = Json.mapper().createArrayNode();
        for (Language l : languages.all()) {
            ObjectNode o = out.addObject();
            o.put("code", l.tag());
            o.put("name", l.displayName());
            ArrayNode targets = o.putArray("targets");
            languages.all().stream().filter(t -> !t.equals(l)).forEach(t -> targets.add(t.tag()));
        }
        return Reply.json(out);
    }

    private Reply settings() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("charLimit", options.charLimit());
        o.put("frontendTimeout", 500);
        o.put("apiKeys", options.keyed());
        o.put("keyRequired", options.keyed());
        o.put("suggestions", false);
        o.put("filesTranslation", false);
        o.putArray("supportedFilesFormat");
        ObjectNode language = o.putObject("language");
        language.putObject("source").put("code", "auto").put("name", "Auto Detect");
        Language target = languages.find("en").orElse(languages.all().get(0));
        language.putObject("target").put("code", target.tag()).put("name", target.displayName());
        return Reply.json(o);
    }

    private static ObjectNode detection(Language language, double confidence) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("confidence", Math.round(confidence * 1000) / 10.0);
        o.put("language", language.tag());
        return o;
    }

    private static ApiError missing(String name) {
        return ApiError.badRequest("Invalid request: missing " + name + " parameter");
    }

    private static ApiError notSupported(String code) {
        return ApiError.badRequest(code + " is not supported");
    }
}

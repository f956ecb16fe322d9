package dev.dragoman.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TranslationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DeepL API v2 text endpoints, as DeepL documents them and its clients (deepl-java, deepl-node) call them:
 * {@code POST /v2/translate} (JSON or urlencoded, {@code text} list, {@code source_lang}, {@code target_lang},
 * {@code tag_handling=html}, {@code formality}, {@code context}), {@code GET|POST /v2/usage} and
 * {@code GET|POST /v2/languages}; the key in {@code Authorization: DeepL-Auth-Key K}; errors as
 * {@code {"message": …}} with DeepL's statuses (400, 403, 413 past 128 KiB, 429, 456). {@code glossary_id} names a
 * glossary the key created on this server ({@link DeepLGlossaryApi}), {@code glossary_ids} up to five (deepl-java's
 * {@code setGlossaries}; the first named wins a term); they are laid over the server's own glossary for that
 * request. Documents and {@code tag_handling=xml} are not offered (400 naming what is).
 */
final class DeepLApi {

    /** deepl-java's limit on {@code glossary_ids}. */
    static final int MAX_GLOSSARIES = 5;

    private final Languages languages;
    private final Translation translation;
    private final ServeOptions options;
    private final DeepLGlossaryApi glossaries;
    private final Glossary house;

    /** @param house the server's own glossary, null for none */
    DeepLApi(
            ServeOptions options,
            Languages languages,
            Translation translation,
            DeepLGlossaryApi glossaries,
            Glossary house) {
        this.options = options;
        this.languages = languages;
        this.translation = translation;
        this.glossaries = glossaries;
        this.house = house;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/v2/translate", Route.Api.DEEPL, true, true, this::translate),
                new Route("GET", "/v2/usage", Route.Api.DEEPL, true, false, this::usage),
                new Route("POST", "/v2/usage", Route.Api.DEEPL, true, false, this::usage),
                new Route("GET", "/v2/languages", Route.Api.DEEPL, true, false, this::languages),
                new Route("POST", "/v2/languages", Route.Api.DEEPL, true, false, this::languages));
    }

    /**
     * The client glossaries a translation names: {@code glossary_id}, or {@code glossary_ids} (comma-separated, as
     * deepl-java's {@code setGlossaries} sends them, or a JSON list), at most {@value #MAX_GLOSSARIES}.
     *
     * @throws ApiError 400 for both parameters at once or too many ids
     */
    private static List<String> glossaryIds(Params p) {
        String one = p.string("glossary_id");
        List<String> many = new ArrayList<>();
        for (String value : p.strings("glossary_ids")) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    many.add(id.strip());
                }
            }
        }
        boolean single = one != null && !one.isBlank();
        if (single && !many.isEmpty()) {
            throw ApiError.badRequest("Use either 'glossary_id' or 'glossary_ids', not both.");
        }
        if (many.size() > MAX_GLOSSARIES) {
            throw ApiError.badRequest(
                    "Value for 'glossary_ids' not supported: at most " + MAX_GLOSSARIES + " glossaries.");
        }
        return single ? List.of(one) : many;
    }

    private Reply translate(Exchange ex) {
        Params p = ex.params();
        List<String> texts = p.strings("text");
        if (texts.isEmpty()) {
            throw ApiError.badRequest("Parameter 'text' not specified.");
        }
        if (options.batchLimit() != -1 && texts.size() > options.batchLimit()) {
            throw ApiError.badRequest("Too many texts: at most " + options.batchLimit() + " per request.");
        }
        if (options.charLimit() != -1) {
            for (String t : texts) {
                if (t.length() > options.charLimit()) {
                    throw new ApiError(413, "Text too long: at most " + options.charLimit() + " characters per text.");
                }
            }
        }
        String target = p.string("target_lang");
        if (target == null || target.isBlank()) {
            throw ApiError.badRequest("Parameter 'target_lang' not specified.");
        }
        Language to = languages.find(target).orElseThrow(() -> unsupported("target_lang"));
        String source = p.string("source_lang");
        Language from = source == null || source.isBlank()
                ? null
                : languages.find(source).orElseThrow(() -> unsupported("source_lang"));
        String tags = p.string("tag_handling");
        boolean html = false;
        if (tags != null && !tags.isBlank()) {
            if (!tags.equalsIgnoreCase("html")) {
                throw ApiError.badRequest("Value for 'tag_handling' not supported: this server handles html only.");
            }
            html = true;
        }
        TranslationOptions o = TranslationOptions.DEFAULT.withFormality(formality(p.string("formality")));
        String context = p.string("context");
        if (context != null && !context.isBlank()) {
            o = o.withContext(context);
        }
        List<String> ids = glossaryIds(p);
        if (!ids.isEmpty()) {
            // the first named wins a term, every client glossary wins over the server's own
            Glossary g = house;
            for (int i = ids.size() - 1; i >= 0; i--) {
                g = glossaries.forTranslation(ex, ids.get(i), from, to).over(g);
            }
            o = o.withGlossary(g);
        }
        long characters = texts.stream().mapToLong(String::length).sum();
        ex.charge(characters);
        Translation.Outcome out = translation.translate(texts, from, to, html, p.string("backend"), o);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode translations = body.putArray("translations");
        String detected = out.detected().equals(Language.UNDETERMINED)
                ? ""
                : out.detected().primary().toUpperCase(Locale.ROOT);
        for (int i = 0; i < texts.size(); i++) {
            translations
                    .addObject()
                    .put("detected_source_language", detected)
                    .put("text", out.texts().get(i))
                    .put("billed_characters", texts.get(i).length());
        }
        if (!out.warnings().isEmpty()) {
            ArrayNode w = body.putArray("warnings");
            out.warnings().forEach(w::add);
        }
        return Reply.json(body);
    }

    /**
     * Characters this key (or the keyless server) used in the current minute, against its per-minute limit: the
     * server's quota is per minute, not per billing period.
     */
    private Reply usage(Exchange ex) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("character_count", ex.charactersThisMinute());
        long limit = ex.key() != null && ex.key().charactersPerMinute() > 0
                ? ex.key().charactersPerMinute()
                : 1_000_000_000_000L;
        body.put("character_limit", limit);
        return Reply.json(body);
    }

    private Reply languages(Exchange ex) {
        String type = ex.params().string("type");
        boolean target = type != null && type.equalsIgnoreCase("target");
        if (type != null && !target && !type.equalsIgnoreCase("source")) {
            throw ApiError.badRequest("Value for 'type' not supported.");
        }
        ArrayNode out = Json.mapper().createArrayNode();
        for (Language l : languages.all()) {
            for (String code : target ? targetCodes(l) : List.of(l.primary().toUpperCase(Locale.ROOT))) {
                ObjectNode o = out.addObject()
                        .put("language", code)
                        .put("name", Language.of(code).displayName());
                if (target) {
                    o.put("supports_formality", false);
                }
            }
        }
        return Reply.json(out);
    }

    /** DeepL names English and Portuguese targets by region only. */
    private static List<String> targetCodes(Language l) {
        return switch (l.tag()) {
            case "en" -> List.of("EN-GB", "EN-US");
            case "pt" -> List.of("PT-BR", "PT-PT");
            default -> List.of(l.tag().toUpperCase(Locale.ROOT));
        };
    }

    private static TranslationOptions.Formality formality(String value) {
        if (value == null || value.isBlank()) {
            return TranslationOptions.Formality.DEFAULT;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "default" -> TranslationOptions.Formality.DEFAULT;
            case "more", "prefer_more" -> TranslationOptions.Formality.MORE;
            case "less", "prefer_less" -> TranslationOptions.Formality.LESS;
            default -> throw unsupported("formality");
        };
    }

    private static ApiError unsupported(String parameter) {
        return ApiError.badRequest("Value for '" + parameter + "' not supported.");
    }
}

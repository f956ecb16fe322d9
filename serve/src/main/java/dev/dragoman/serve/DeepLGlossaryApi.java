package dev.dragoman.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.pipeline.config.GlossaryLoader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DeepL's glossary endpoints (v2, as DeepL documents them and {@code Translator.createGlossary} and its siblings in
 * deepl-java call them): {@code POST /v2/glossaries} ({@code name}, {@code source_lang}, {@code target_lang},
 * {@code entries}, {@code entries_format} tsv or csv), {@code GET /v2/glossaries}, {@code GET|DELETE
 * /v2/glossaries/ID}, {@code GET /v2/glossaries/ID/entries} (TSV) and {@code GET /v2/glossary-language-pairs}. A
 * glossary is kept in {@link ClientGlossaries} for the key that made it; {@code glossary_id} on {@code /v2/translate}
 * turns it into the request's {@link Glossary} ({@link #forTranslation}), which reaches whichever backend translates
 * (a DeepL glossary, an LLM prompt, placeholders) and is checked after translation like any glossary. Entries are
 * parsed by the pipeline's {@link GlossaryLoader}, the same rules as a glossary file.
 */
final class DeepLGlossaryApi {

    /** DeepL's limit on a glossary's name and on each term. */
    static final int MAX_TEXT_BYTES = 1024;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Languages languages;
    private final ClientGlossaries glossaries;
    private final long maxUpload;

    /** @param maxUpload the largest glossary upload ({@link ServeOptions#maxGlossaryBytes}) */
    DeepLGlossaryApi(Languages languages, ClientGlossaries glossaries, long maxUpload) {
        this.languages = languages;
        this.glossaries = glossaries;
        this.maxUpload = maxUpload;
    }

    List<Route> routes() {
        return List.of(
                // its own limit: a glossary may be far larger than DeepL's 128 KiB for text requests
                new Route("POST", "/v2/glossaries", Route.Api.DEEPL, true, false, this::create, maxUpload),
                new Route("GET", "/v2/glossaries", Route.Api.DEEPL, true, false, this::list),
                new Route("GET", "/v2/glossaries/*", Route.Api.DEEPL, true, false, this::get),
                new Route("DELETE", "/v2/glossaries/*", Route.Api.DEEPL, true, false, this::delete),
                new Route("GET", "/v2/glossaries/*/entries", Route.Api.DEEPL, true, false, this::entries),
                new Route("GET", "/v2/glossary-language-pairs", Route.Api.DEEPL, true, false, this::pairs));
    }

    /**
     * The client's glossary {@code id} as the glossary of a translation from {@code from} into {@code to}.
     *
     * @throws ApiError 400 when there is no such glossary for this key, no source language, or another pair
     */
    Glossary forTranslation(Exchange ex, String id, Language from, Language to) {
        ClientGlossaries.Stored g = glossaries
                .find(ClientGlossaries.owner(ex), id)
                .orElseThrow(() -> ApiError.badRequest("Value for 'glossary_id' not supported: no glossary "
                        + id.strip() + " for this key (create one with POST /v2/glossaries)."));
        if (from == null) {
            throw ApiError.badRequest("Use of a glossary requires the source_lang parameter to be specified.");
        }
        if (!g.source().sameLanguageAs(from) || !g.target().sameLanguageAs(to)) {
            throw ApiError.badRequest("Language pair of the glossary (" + code(g.source()) + "→" + code(g.target())
                    + ") does not match the translation's (" + code(from) + "→" + code(to) + ").");
        }
        return g.glossary();
    }

    private Reply create(Exchange ex) {
        Params p = ex.params();
        String name = required(p, "name");
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw ApiError.badRequest("Value for 'name' too long: at most " + MAX_TEXT_BYTES + " UTF-8 bytes.");
        }
        Language source = language(p, "source_lang");
        Language target = language(p, "target_lang");
        if (source.sameLanguageAs(target)) {
            throw ApiError.badRequest("Values for 'source_lang' and 'target_lang' must be different languages.");
        }
        String entries = required(p, "entries");
        String format = p.string("entries_format");
        format = format == null || format.isBlank() ? "tsv" : format.strip().toLowerCase(Locale.ROOT);
        Glossary parsed;
        try {
            parsed = switch (format) {
                case "tsv" -> GlossaryLoader.parseTsv(entries, "entries");
                case "csv" -> GlossaryLoader.parse(entries, "entries");
                default -> throw ApiError.badRequest("Value for 'entries_format' not supported: use tsv or csv.");
            };
        } catch (InvalidInputException e) {
            throw ApiError.badRequest("Invalid glossary entries provided: " + e.getMessage());
        }
        if (parsed.isEmpty()) {
            throw ApiError.badRequest("Invalid glossary entries provided: there are none.");
        }
        List<Glossary.Entry> forPair = new ArrayList<>();
        for (Glossary.Entry e : parsed.entries()) {
            if (!e.appliesTo(source, target)) {
                throw ApiError.badRequest("Invalid glossary entries provided: '" + e.source() + "' is for "
                        + e.sourceLanguage() + "→" + e.targetLanguage() + ", not this glossary's languages.");
            }
            if (Math.max(
                            e.source().getBytes(StandardCharsets.UTF_8).length,
                            e.target().getBytes(StandardCharsets.UTF_8).length)
                    > MAX_TEXT_BYTES) {
                throw ApiError.badRequest(
                        "Invalid glossary entries provided: a term is longer than " + MAX_TEXT_BYTES + " UTF-8 bytes.");
            }
            forPair.add(new Glossary.Entry(e.source(), e.target(), source, target));
        }
        ClientGlossaries.Stored g =
                glossaries.create(ClientGlossaries.owner(ex), name, source, target, new Glossary(forPair));
        return Reply.json(201, info(g));
    }

    private Reply list(Exchange ex) {
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode list = body.putArray("glossaries");
        glossaries.list(ClientGlossaries.owner(ex)).forEach(g -> list.add(info(g)));
        return Reply.json(body);
    }

    private Reply get(Exchange ex) {
        return Reply.json(info(found(ex, segment(ex.path(), 3))));
    }

    private Reply delete(Exchange ex) {
        if (!glossaries.delete(ClientGlossaries.owner(ex), segment(ex.path(), 3))) {
            throw notFound();
        }
        return new Reply(204, null, new byte[0]);
    }

    /** The entries as DeepL returns them: TSV, one "source TAB target" per line. */
    private Reply entries(Exchange ex) {
        StringBuilder tsv = new StringBuilder();
        for (Glossary.Entry e : found(ex, segment(ex.path(), 3)).glossary().entries()) {
            tsv.append(e.source()).append('\t').append(e.target()).append('\n');
        }
        return Reply.text(200, "text/tab-separated-values; charset=utf-8", tsv.toString());
    }

    /** Every ordered pair of two offered languages: any backend can be given a glossary. */
    private Reply pairs(Exchange ex) {
        Set<String> codes = new LinkedHashSet<>();
        languages.all().forEach(l -> codes.add(code(l)));
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode list = body.putArray("supported_languages");
        for (String from : codes) {
            for (String to : codes) {
                if (!from.equals(to)) {
                    list.addObject().put("source_lang", from).put("target_lang", to);
                }
            }
        }
        return Reply.json(body);
    }

    private ClientGlossaries.Stored found(Exchange ex, String id) {
        return glossaries.find(ClientGlossaries.owner(ex), id).orElseThrow(DeepLGlossaryApi::notFound);
    }

    /** deepl-java reads a 404 on a glossary route as its {@code GlossaryNotFoundException}. */
    private static ApiError notFound() {
        return new ApiError(404, "Glossary not found");
    }

    private static ObjectNode info(ClientGlossaries.Stored g) {
        return Json.mapper()
                .createObjectNode()
                .put("glossary_id", g.id())
                .put("name", g.name())
                .put("ready", true)
                .put("source_lang", code(g.source()))
                .put("target_lang", code(g.target()))
                .put("creation_time", TIME.format(g.created()))
                .put("entry_count", g.glossary().entries().size());
    }

    /** The offered language a parameter names, without its region (a glossary for "en" serves EN-US and EN-GB). */
    private Language language(Params p, String parameter) {
        Language l = languages
                .find(required(p, parameter))
                .orElseThrow(() -> ApiError.badRequest("Value for '" + parameter + "' not supported."));
        return Language.of(l.primary());
    }

    private static String required(Params p, String parameter) {
        String v = p.string(parameter);
        if (v == null || v.isBlank()) {
            throw ApiError.badRequest("Parameter '" + parameter + "' not specified.");
        }
        return v;
    }

    /** DeepL's glossary language codes are bare and lower case: "ar", "en" (an en glossary serves EN-US and EN-GB). */
    private static String code(Language l) {
        return l.primary().toLowerCase(Locale.ROOT);
    }

    /** The {@code n}th segment of {@code /v2/glossaries/ID[/entries]} (0 is the empty one before the first slash). */
    private static String segment(String path, int n) {
        String[] parts = path.split("/");
        return parts.length > n ? parts[n] : "";
    }
}

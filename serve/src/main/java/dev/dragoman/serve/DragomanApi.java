package dev.dragoman.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.Secrets;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.pipeline.batch.Fetcher;
import dev.dragoman.pipeline.digest.DigestWriter;
import dev.dragoman.pipeline.step.ArticleStep;
import dev.dragoman.pipeline.step.StageException;
import dev.dragoman.pipeline.step.StepOptions;
import dev.dragoman.pipeline.step.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Dragoman's own API, {@code /api/v1} (described by {@code /api/v1/openapi.json}): {@code parse} an article (wire
 * text, HTML, Dragoman JSON; sniffed as the CLI does), {@code translate} it with its structure kept, {@code summarize}
 * it, {@code brief} it (summary sentences picked in the source language, only those translated), {@code info} on
 * what this server offers, and the {@code digests} scheduled batch runs wrote. Every article call is the pipeline's
 * {@link ArticleStep} over the server's backends; the answer has the same fields as a batch run's per-article JSON
 * ({@code article}, {@code translation}, {@code summary}, {@code brief}, {@code usage}, {@code warnings}).
 */
final class DragomanApi {

    private static final Pattern DIGEST = Pattern.compile("digest-[0-9A-Za-z._-]+\\.(json|html|md)");

    private final ServeOptions options;
    private final ServeBackends backends;
    private final Languages languages;
    private final String version;
    private final ArticleReaders readers = ArticleReaders.standard();
    private final Fetcher fetcher;
    private final Map<String, ArticleStep> steps = new LinkedHashMap<>();

    DragomanApi(ServeOptions options, ServeBackends backends, Languages languages, String version, Fetcher fetcher) {
        this.options = options;
        this.fetcher = fetcher;
        this.backends = backends;
        this.languages = languages;
        this.version = version;
        backends.translators()
                .forEach((name, t) -> steps.put(
                        name,
                        ArticleStep.builder()
                                .translator(t)
                                .summarizer(backends.summarizer())
                                .build()));
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/v1/info", Route.Api.DRAGOMAN, false, false, e -> info()),
                new Route(
                        "GET",
                        "/api/v1/openapi.json",
                        Route.Api.DRAGOMAN,
                        false,
                        false,
                        e -> Reply.spec("openapi.json", version)),
                new Route("POST", "/api/v1/parse", Route.Api.DRAGOMAN, true, false, this::parse),
                new Route("POST", "/api/v1/translate", Route.Api.DRAGOMAN, true, true, e -> step(e, Kind.TRANSLATE)),
                new Route("POST", "/api/v1/summarize", Route.Api.DRAGOMAN, true, true, e -> step(e, Kind.SUMMARIZE)),
                new Route("POST", "/api/v1/brief", Route.Api.DRAGOMAN, true, true, e -> step(e, Kind.BRIEF)),
                new Route("GET", "/api/v1/digests", Route.Api.DRAGOMAN, true, false, e -> digests()),
                new Route("GET", "/api/v1/digests/*", Route.Api.DRAGOMAN, true, false, this::digest));
    }

    private enum Kind {
        TRANSLATE,
        SUMMARIZE,
        BRIEF
    }

    private Reply info() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("name", "dragoman");
        o.put("version", version);
        ArrayNode names = o.putArray("backends");
        backends.translators().keySet().forEach(names::add);
        o.put("defaultBackend", backends.defaultTranslator());
        o.put("summaries", backends.summarizer() != null);
        o.put("digests", options.digests() != null);
        o.put("keyRequired", options.keyed());
        o.put("maxBodyBytes", options.maxBodyBytes());
        ArrayNode langs = o.putArray("languages");
        for (Language l : languages.all()) {
            langs.addObject().put("code", l.tag()).put("name", l.displayName()).put("rtl", l.isRightToLeft());
        }
        return Reply.json(o);
    }

    private Reply parse(Exchange ex) {
        List<Article> articles = read(ex);
        ObjectNode o = Json.mapper().createObjectNode();
        o.set("articles", Json.mapper().valueToTree(articles));
        return Reply.json(o);
    }

    private Reply step(Exchange ex, Kind kind) {
        Params p = ex.params();
        List<Article> articles = read(ex);
        if (articles.size() != 1) {
            throw ApiError.badRequest("the input holds " + articles.size() + " articles (a feed?); send one");
        }
        Article article = articles.get(0);
        String backend = p.string("backend");
        ArticleStep step = backend == null || backend.isBlank()
                ? steps.get(backends.defaultTranslator())
                : steps.get(backend.strip());
        if (step == null) {
            throw ApiError.badRequest("unknown backend '" + backend.strip() + "'; this server offers "
                    + String.join(", ", backends.translators().keySet()));
        }
        if (kind != Kind.TRANSLATE && backends.summarizer() == null) {
            throw new ApiError(501, "this server has no summarizer configured (serve.summarizer)");
        }
        Language to = null;
        if (kind != Kind.SUMMARIZE) {
            String t = p.string("to");
            if (t == null || t.isBlank()) {
                throw ApiError.badRequest("missing 'to': the target language");
            }
            to = languages.find(t).orElseThrow(() -> ApiError.badRequest(t + " is not supported"));
        }
        SummaryOptions summary = SummaryOptions.DEFAULT;
        int sentences = p.integer("sentences", 0);
        if (sentences < 0 || sentences > 50) {
            throw ApiError.badRequest("'sentences' must be 1..50");
        }
        if (sentences > 0) {
            summary = summary.withLength(SummaryLength.sentences(sentences));
        }
        String style = p.string("style");
        if (style != null && !style.isBlank()) {
            try {
                summary = summary.withStyle(
                        SummaryOptions.Style.valueOf(style.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("'style' is paragraph, bullets or headline, not '" + style + "'");
            }
        }
        StepOptions stepOptions = switch (kind) {
            case TRANSLATE -> new StepOptions(to, false, null, summary);
            case SUMMARIZE -> new StepOptions(null, true, null, summary);
            case BRIEF -> new StepOptions(null, false, to, summary);
        };
        ex.charge(characters(article));
        StepResult r;
        try {
            r = step.apply(article, stepOptions);
        } catch (StageException e) {
            if (e.getCause() instanceof DragomanException d) {
                throw d;
            }
            throw e;
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.set("article", Json.mapper().valueToTree(r.article()));
        if (r.translation() != null) {
            o.set("translation", Json.mapper().valueToTree(r.translation().article()));
        } else if (kind == Kind.TRANSLATE) {
            o.set("translation", Json.mapper().valueToTree(r.article())); // already in the target language
        }
        if (r.summary() != null) {
            o.set("summary", Json.mapper().valueToTree(r.summary()));
        }
        if (r.brief() != null) {
            o.set("brief", Json.mapper().valueToTree(r.brief()));
        }
        o.set("usage", Json.mapper().valueToTree(r.usage()));
        o.put("fromCache", r.fromCache());
        o.set("warnings", Json.mapper().valueToTree(r.warnings()));
        o.put("backend", backend == null || backend.isBlank() ? backends.defaultTranslator() : backend.strip());
        return Reply.json(o);
    }

    /**
     * The article of a request: {@code text} (or an uploaded {@code file}), or the page at {@code url} fetched as the
     * batch fetches pages; read by format as the CLI reads files.
     */
    private List<Article> read(Exchange ex) {
        Params p = ex.params();
        String text = p.string("text");
        if (text == null || text.isBlank()) {
            text = p.string("file");
        }
        String url = p.string("url");
        if ((text == null || text.isBlank()) && url != null && !url.isBlank()) {
            return fetch(url.strip());
        }
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("missing 'text': the article (wire text, HTML or Dragoman JSON), or a 'url'");
        }
        String name = p.string("name");
        return readers.readText(text, name == null || name.isBlank() ? "request" : name.strip());
    }

    private List<Article> fetch(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw ApiError.badRequest("'url' must be an http or https address");
        }
        Fetcher.Fetched page;
        try {
            page = fetcher.fetch(url);
        } catch (DragomanException e) {
            throw new ApiError(502, "cannot fetch " + url + ": " + Secrets.redact(e.getMessage()));
        }
        return readers.read(page.body(), page.url() == null ? url : page.url());
    }

    private static long characters(Article a) {
        long n = a.headline() == null ? 0 : a.headline().length();
        for (var paragraph : a.paragraphs()) {
            n += paragraph.text().length();
        }
        return n;
    }

    private Path digestDir() {
        if (options.digests() == null) {
            throw new ApiError(404, "this server shows no digests (serve.digests is not set)");
        }
        return options.digests().resolve(DigestWriter.DIR);
    }

    /** The digests, newest first, each with the formats written. */
    private Reply digests() {
        Path dir = digestDir();
        TreeMap<String, List<String>> runs = new TreeMap<>(java.util.Comparator.reverseOrder());
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (DIGEST.matcher(name).matches() && Files.isRegularFile(f)) {
                        int dot = name.lastIndexOf('.');
                        runs.computeIfAbsent(name.substring(0, dot), k -> new ArrayList<>())
                                .add(name.substring(dot + 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        ArrayNode out = Json.mapper().createArrayNode();
        runs.forEach((stem, formats) -> {
            ObjectNode o = out.addObject().put("name", stem);
            ArrayNode f = o.putArray("formats");
            formats.stream().sorted().forEach(f::add);
        });
        ObjectNode o = Json.mapper().createObjectNode();
        o.set("digests", out);
        return Reply.json(o);
    }

    private Reply digest(Exchange ex) {
        String name = ex.path().substring("/api/v1/digests/".length());
        if (!DIGEST.matcher(name).matches()) {
            throw new ApiError(404, "no digest '" + name + "'");
        }
        Path dir = digestDir();
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw new ApiError(404, "no digest '" + name + "'");
        }
        String type = name.endsWith(".json")
                ? Reply.JSON
                : name.endsWith(".html") ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8";
        try {
            return new Reply(200, type, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

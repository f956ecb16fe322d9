package dev.dragoman.pipeline.config;

import dev.dragoman.core.Language;
import dev.dragoman.core.text.Durations;
import dev.dragoman.core.write.OutputFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every setting a flag, a {@code DRAGOMAN_*} variable or the file can give, with its built-in default — the one
 * place defaults live. The file key is {@link #key()} as a YAML path ({@code translate.backend} is
 * {@code translate: backend:}); the variable is {@code DRAGOMAN_} + the key upper-cased with dots and dashes as
 * underscores ({@code DRAGOMAN_TRANSLATE_BACKEND}).
 */
public enum Setting {
    TRANSLATE_BACKEND(
            "translate.backend", null, "backend that translate and brief use (a name under backends:)", v -> {}),
    TRANSLATE_TO("translate.to", "en", "target language (BCP 47)", Setting::language),
    TRANSLATE_FROM("translate.from", null, "source language; unset = detect", Setting::language),
    SUMMARIZE_BACKEND(
            "summarize.backend",
            "extractive",
            "backend that summarize uses (extractive or a name under backends:)",
            v -> {}),
    SUMMARIZE_SENTENCES("summarize.sentences", "3", "summary length in sentences", Setting::positiveInt),
    SUMMARIZE_STYLE(
            "summarize.style",
            "paragraph",
            "headline, bullets or paragraph",
            v -> oneOf(v, Set.of("headline", "bullets", "paragraph"))),
    SUMMARIZE_LANG("summarize.lang", null, "summary language; unset = the article's", Setting::language),
    CACHE_STORE(
            "cache.store",
            "sqlite",
            Setting::storeNames,
            v -> oneOf(v, Set.copyOf(BackendTypes.cacheStores().types()))),
    CACHE_PATH("cache.path", null, "SQLite file; unset = $XDG_CACHE_HOME/dragoman (else ~/.cache/dragoman)", v -> {}),
    CACHE_URL("cache.url", null, "Redis URL, e.g. redis://localhost:6379", Setting::storeUrl),
    CACHE_TTL("cache.ttl", null, "entry lifetime like 30d (unset: 30d)", Durations::parseDuration),
    CACHE_MAX_SIZE("cache.max-size", null, "SQLite size cap like 500MB (unset: 512MB)", Durations::parseSize),
    RATE_LIMIT_URL(
            "rate-limit.url",
            null,
            "Redis URL where backends' rate limits are shared with other processes (a cluster's workers, other batches"
                    + " on the same account), e.g. redis://HOST:6379/0; unset = each process keeps its own",
            Setting::storeUrl),
    GLOSSARY(
            "glossary",
            null,
            "glossary file (CSV, or YAML when named .yaml/.yml) applied to every translation",
            v -> {}),
    BUDGET(
            "budget",
            null,
            "most a run may spend, in US dollars at live prices (e.g. 5 or 0.50); the run stops before a call that"
                    + " could cross it; unset = no cap",
            Setting::dollars),
    PRICES(
            "prices",
            null,
            "price table file in LiteLLM's model_prices_and_context_window.json format, over the shipped one (or"
                    + " entries written under 'prices:')",
            v -> {}),
    FORMAT("format", "text", "output format: text, json, jsonl, md or html (parse: json)", OutputFormat::parse),
    SERVE_HOST("serve.host", "127.0.0.1", "address dragoman serve listens on (without keys: loopback only)", v -> {}),
    SERVE_PORT("serve.port", "5000", "port dragoman serve listens on", Setting::positiveInt),
    SERVE_BACKENDS(
            "serve.backends",
            null,
            "translation backends dragoman serve offers, comma-separated, the first the default; unset = translate.backend",
            v -> {}),
    SERVE_SUMMARIZER(
            "serve.summarizer",
            null,
            "summarizer of the server's summaries and briefs; unset = summarize.backend",
            v -> {}),
    SERVE_KEYS(
            "serve.keys",
            null,
            "client keys file, one 'NAME sha256:HEX [requests/min [characters/min]]' per line; unset = no keys, loopback only",
            v -> {}),
    SERVE_MAX_BODY(
            "serve.max-body", "1MB", "largest request body dragoman serve reads (past it: 413)", Durations::parseSize),
    SERVE_MAX_GLOSSARY(
            "serve.max-glossary",
            "10MB",
            "largest DeepL glossary upload (POST /v2/glossaries) dragoman serve reads, DeepL's own glossary limit (past it: 413)",
            Durations::parseSize),
    SERVE_MAX_GLOSSARIES_TOTAL(
            "serve.max-glossaries-total",
            "64MB",
            "what all clients' DeepL glossaries may hold together in dragoman serve's memory, as TSV (past it: 456 until some are deleted)",
            Durations::parseSize),
    SERVE_MAX_IN_FLIGHT(
            "serve.max-in-flight",
            "32",
            "backend-calling requests served at once; twice as many wait up to 2 s, past that 429",
            Setting::positiveInt),
    SERVE_CHAR_LIMIT(
            "serve.char-limit", null, "longest text of one translate item; unset = none", Setting::positiveInt),
    SERVE_LANGUAGES("serve.languages", null, "languages offered, comma-separated; unset = 20 common ones", v -> {
        for (String l : v.split(",")) {
            if (!l.isBlank()) {
                language(l.strip());
            }
        }
    }),
    SERVE_DIGESTS("serve.digests", null, "a batch --out folder whose digests the server shows", v -> {});

    /** Per-command built-in defaults that differ from {@link #builtIn()} (parse prints JSON unless told). */
    private static final Map<Setting, Map<String, String>> COMMAND_DEFAULTS = Map.of(FORMAT, Map.of("parse", "json"));

    private final String key;
    private final String builtIn;
    private final Supplier<String> description;
    private final Consumer<String> validator;

    Setting(String key, String builtIn, String description, Consumer<String> validator) {
        this(key, builtIn, () -> description, validator);
    }

    /** {@code description} computed when asked (the cache stores' names come from their providers). */
    Setting(String key, String builtIn, Supplier<String> description, Consumer<String> validator) {
        this.key = key;
        this.builtIn = builtIn;
        this.description = description;
        this.validator = validator;
    }

    public String key() {
        return key;
    }

    /** The command-line flag that gives it ({@code translate.backend} → {@code --translate-backend}). */
    public String flag() {
        return "--" + key.replace('.', '-');
    }

    public String envVariable() {
        return "DRAGOMAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The built-in default, if any. */
    public Optional<String> builtIn() {
        return Optional.ofNullable(builtIn);
    }

    /** The built-in default for a command ({@code parse}, {@code translate}, …). */
    public Optional<String> builtIn(String command) {
        Map<String, String> overrides = COMMAND_DEFAULTS.getOrDefault(this, Map.of());
        return command != null && overrides.containsKey(command) ? Optional.of(overrides.get(command)) : builtIn();
    }

    public String description() {
        return description.get();
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code value} and what is accepted */
    public void validate(String value) {
        validator.accept(value);
    }

    public static Optional<Setting> byKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A store's address: a URL with a scheme and a host ({@code redis://HOST:PORT/DB}); its password is never echoed. */
    private static void storeUrl(String v) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(v.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("a URL with a scheme and a host is needed, such as redis://HOST:6379/0");
        }
    }

    /** "memory, none, redis or sqlite": the cache store providers on the class path. */
    private static String storeNames() {
        List<String> types = BackendTypes.cacheStores().types();
        return types.size() < 2
                ? String.join("", types)
                : String.join(", ", types.subList(0, types.size() - 1)) + " or " + types.get(types.size() - 1);
    }

    private static void language(String v) {
        try {
            Language.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** A positive amount of US dollars: "5", "0.50", "$2". */
    public static double dollars(String v) {
        String s = v.strip();
        if (s.startsWith("$")) {
            s = s.substring(1).strip();
        }
        try {
            double d = Double.parseDouble(s);
            if (d > 0 && !Double.isInfinite(d) && !s.matches(".*[a-zA-Z].*")) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new IllegalArgumentException("'" + v + "' is not a positive amount of US dollars (such as 5 or 0.50)");
    }

    private static void positiveInt(String v) {
        try {
            if (Integer.parseInt(v.strip()) > 0) {
                return;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new IllegalArgumentException("'" + v + "' is not a positive whole number");
    }

    private static void oneOf(String v, Set<String> allowed) {
        if (!allowed.contains(v.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                    "'" + v + "' is not one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
    }
}

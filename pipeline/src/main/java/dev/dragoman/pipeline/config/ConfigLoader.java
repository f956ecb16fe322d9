package dev.dragoman.pipeline.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.text.Durations;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.config.YamlTree.Node;
import dev.dragoman.pipeline.cost.PriceTable;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a configuration file. Every problem is one {@link ConfigException} sentence naming the file, the
 * line and the fix: malformed YAML, an unknown key (a typo), a backend without a type or with an unknown one, a
 * value of the wrong form.
 */
public final class ConfigLoader {

    private static final List<String> SECTIONS = List.of(
            "backends",
            "translate",
            "summarize",
            "cache",
            "rate-limit",
            "glossary",
            "budget",
            "prices",
            "format",
            "serve");
    private static final List<String> BACKEND_FIELDS = List.of(
            "type",
            "base-url",
            "model",
            "api-key-env",
            "api-key",
            "region",
            "requests-per-minute",
            "characters-per-minute",
            "tokens-per-minute",
            "timeout",
            "attempts",
            "options",
            "fallback");

    private ConfigLoader() {}

    /**
     * Loads {@code path}. A missing file is an empty configuration when it is the default location, and an error when
     * the user named it ({@code explicit}: {@code --config} or {@code DRAGOMAN_CONFIG}).
     *
     * @throws ConfigException naming the file, line and fix
     */
    public static DragomanConfig load(Path path, boolean explicit) {
        if (!Files.exists(path)) {
            if (explicit) {
                throw new ConfigException("The configuration file " + path + " does not exist: create it with "
                        + "'dragoman config init --config " + path + "' or point --config at an existing file.");
            }
            return DragomanConfig.absent(path);
        }
        String text;
        try {
            byte[] bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        } catch (CharacterCodingException e) {
            throw new ConfigException("The configuration file " + path + " is not UTF-8 text: save it as UTF-8.");
        } catch (IOException e) {
            throw new ConfigException(
                    "Cannot read the configuration file " + path + " (" + e.getMessage() + "): check its permissions.");
        }
        return parse(path, text);
    }

    /** Parses configuration text that came from {@code path} (used in messages only). */
    public static DragomanConfig parse(Path path, String text) {
        Node root;
        try {
            root = YamlTree.parse(text);
        } catch (YamlTree.YamlException e) {
            throw error(path, e.line, e.getMessage(), "fix the YAML (indent with spaces; 'key: value' pairs)");
        }
        Map<Setting, DragomanConfig.FileValue> values = new LinkedHashMap<>();
        Map<String, BackendConfig> backends = new LinkedHashMap<>();
        PriceTable prices = null;
        for (Map.Entry<String, Node> e : root.children().entrySet()) {
            String section = e.getKey();
            Node node = e.getValue();
            if (!SECTIONS.contains(section)) {
                throw error(
                        path,
                        node.line(),
                        "unknown key '" + section + "'" + suggestion(section, SECTIONS),
                        "use one of " + String.join(", ", SECTIONS));
            }
            switch (section) {
                case "backends" -> readBackends(path, node, backends);
                case "glossary", "format", "budget" -> readValue(path, section, node, values);
                case "prices" -> {
                    if (node.isMapping()) {
                        prices = readPrices(path, node);
                    } else {
                        readValue(path, section, node, values); // a LiteLLM-format JSON file
                    }
                }
                default -> {
                    if (node.value() != null || !node.isMapping()) {
                        if (node.value() == null) {
                            continue; // "cache:" with nothing under it
                        }
                        throw error(
                                path,
                                node.line(),
                                "'" + section + "' must be a section with keys under it",
                                "indent its keys below it, e.g. '" + section + ":\\n  " + firstKey(section) + ": …'");
                    }
                    Set<String> known = keysOf(section);
                    for (Map.Entry<String, Node> s : node.children().entrySet()) {
                        String key = section + "." + s.getKey();
                        if (!known.contains(key)) {
                            throw error(
                                    path,
                                    s.getValue().line(),
                                    "unknown key '" + s.getKey() + "' under '" + section + "'"
                                            + suggestion(s.getKey(), shortKeys(known)),
                                    "use one of " + String.join(", ", shortKeys(known)));
                        }
                        readValue(path, key, s.getValue(), values);
                    }
                }
            }
        }
        return new DragomanConfig(path, true, values, backends, prices);
    }

    /**
     * {@code prices:} written as entries: a model (or {@code type/model}, or a type) mapped to LiteLLM's price fields,
     * in dollars per token or character — the same fields a price table file has, each entry checked here so a typo
     * names its line instead of leaving a model unpriced.
     */
    private static PriceTable readPrices(Path path, Node node) {
        ObjectNode json = Json.mapper().createObjectNode();
        List<String> fields = List.copyOf(new java.util.TreeSet<>(PriceTable.priceFields()));
        for (Map.Entry<String, Node> m : node.children().entrySet()) {
            Node entry = m.getValue();
            if (!entry.isMapping() || entry.children().isEmpty()) {
                throw error(
                        path,
                        entry.line(),
                        "price '" + m.getKey() + "' must list its prices",
                        "write e.g. '" + m.getKey() + ": { input_cost_per_token: 0.00000015, output_cost_per_token:"
                                + " 0.0000006 }' (dollars per token; input_cost_per_character for machine translation)");
            }
            ObjectNode fieldsOf = json.putObject(m.getKey());
            for (Map.Entry<String, Node> f : entry.children().entrySet()) {
                Node v = f.getValue();
                if (!fields.contains(f.getKey())) {
                    throw error(
                            path,
                            v.line(),
                            "unknown price field '" + f.getKey() + "' for '" + m.getKey() + "'"
                                    + suggestion(f.getKey(), fields),
                            "use " + String.join(", ", fields));
                }
                java.math.BigDecimal usd = dollars(v.value());
                if (v.isMapping() || usd == null) {
                    throw error(
                            path,
                            v.line(),
                            "'" + f.getKey() + "' for '" + m.getKey() + "' is '" + v.value()
                                    + "', not a number of dollars",
                            "write a number such as 0.00000015 (dollars per token or character)");
                }
                fieldsOf.put(f.getKey(), usd);
            }
        }
        return PriceTable.of(java.util.Map.of()).withOverrides(json, path.toString());
    }

    /** A non-negative number of dollars, or null. */
    private static java.math.BigDecimal dollars(String v) {
        if (v == null) {
            return null;
        }
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(v.strip());
            return d.signum() < 0 ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void readValue(Path path, String key, Node node, Map<Setting, DragomanConfig.FileValue> values) {
        if (node.isMapping()) {
            throw error(path, node.line(), "'" + key + "' must be a single value", "write it as '" + key + ": VALUE'");
        }
        if (node.value() == null || node.value().isBlank()) {
            return;
        }
        Setting setting = Setting.byKey(key).orElseThrow();
        try {
            setting.validate(node.value());
        } catch (IllegalArgumentException bad) {
            throw error(path, node.line(), "'" + key + "': " + bad.getMessage(), "expected " + setting.description());
        }
        values.put(setting, new DragomanConfig.FileValue(node.value().strip(), node.line()));
    }

    private static void readBackends(Path path, Node node, Map<String, BackendConfig> backends) {
        if (!node.isMapping()) {
            if (node.value() == null) {
                return;
            }
            throw error(
                    path,
                    node.line(),
                    "'backends' must map names to backends",
                    "write 'backends:' then, indented, 'NAME:' and its 'type: …'");
        }
        for (Map.Entry<String, Node> b : node.children().entrySet()) {
            backends.put(b.getKey(), readBackend(path, b.getKey(), b.getValue()));
        }
        Backends registry = BackendTypes.registry();
        for (Map.Entry<String, Node> b : node.children().entrySet()) {
            Node f = b.getValue().children().get("fallback");
            for (String next : backends.get(b.getKey()).fallback()) {
                if (next.equals(b.getKey())) {
                    throw error(
                            path,
                            f.line(),
                            "backend '" + b.getKey() + "' names itself as its fallback",
                            "list the backends to try after it, such as 'fallback: gpt, apertium'");
                }
                if (!backends.containsKey(next) && !registry.knows(next.toLowerCase(Locale.ROOT))) {
                    throw error(
                            path,
                            f.line(),
                            "the fallback '" + next + "' of backend '" + b.getKey() + "' is neither a backend of this"
                                    + " file nor a backend type" + suggestion(next, new ArrayList<>(backends.keySet())),
                            "name backends defined under 'backends:' or types (" + BackendTypes.names() + ")");
                }
            }
        }
    }

    /** {@code fallback: gpt, apertium}: the names in order, each once. */
    private static List<String> fallback(Path path, String name, Map<String, Node> f) {
        String v = str(f, "fallback");
        if (v == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            String n = part.strip();
            if (n.isEmpty() || names.contains(n)) {
                throw error(
                        path,
                        f.get("fallback").line(),
                        "'fallback' of backend '" + name + "' is '" + v + "'",
                        "list backend names, each once, separated by commas, such as 'fallback: gpt, apertium'");
            }
            names.add(n);
        }
        return List.copyOf(names);
    }

    private static BackendConfig readBackend(Path path, String name, Node node) {
        if (!node.isMapping()) {
            throw error(
                    path,
                    node.line(),
                    "backend '" + name + "' must be a mapping with at least a type",
                    "indent 'type: openai' (or " + BackendTypes.names() + ") under '" + name + ":'");
        }
        Map<String, Node> f = node.children();
        for (Map.Entry<String, Node> e : f.entrySet()) {
            if (!BACKEND_FIELDS.contains(e.getKey())) {
                throw error(
                        path,
                        e.getValue().line(),
                        "unknown key '" + e.getKey() + "' in backend '" + name + "'"
                                + suggestion(e.getKey(), BACKEND_FIELDS),
                        "use one of " + String.join(", ", BACKEND_FIELDS));
            }
            if (e.getValue().isMapping() && !e.getKey().equals("options")) {
                throw error(
                        path,
                        e.getValue().line(),
                        "'" + e.getKey() + "' in backend '" + name + "' must be a single value",
                        "write it as '" + e.getKey() + ": VALUE'");
            }
        }
        Node typeNode = f.get("type");
        if (typeNode == null || typeNode.value() == null) {
            throw error(
                    path,
                    node.line(),
                    "backend '" + name + "' has no type",
                    "add 'type:' with one of " + BackendTypes.names());
        }
        Backends registry = BackendTypes.registry();
        String type = typeNode.value().strip().toLowerCase(Locale.ROOT);
        if (!registry.knows(type)) {
            throw error(
                    path,
                    typeNode.line(),
                    "unknown backend type '" + typeNode.value() + "' for backend '" + name + "'"
                            + suggestion(typeNode.value(), registry.types()),
                    "use one of " + BackendTypes.names());
        }
        String apiKeyEnv = str(f, "api-key-env");
        if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            // a key pasted where the variable's name belongs: do not echo it
            throw error(
                    path,
                    f.get("api-key-env").line(),
                    "'api-key-env' in backend '" + name
                            + "' must be the NAME of an environment variable (like OPENAI_API_KEY), not a key",
                    "put the key in a variable and write its name here");
        }
        String baseUrl = str(f, "base-url");
        String urlProblem = baseUrl == null ? null : BackendSpec.baseUrlProblem(baseUrl);
        if (urlProblem != null) {
            throw error(
                    path,
                    f.get("base-url").line(),
                    "'base-url' of backend '" + name + "' " + urlProblem,
                    "write the server's address, such as http://127.0.0.1:11434 or https://api.openai.com/v1");
        }
        String model = str(f, "model");
        if (model != null && !model.matches("\\S+")) {
            throw error(
                    path,
                    f.get("model").line(),
                    "'model' of backend '" + name + "' is '" + model + "'; a model name has no spaces",
                    "write the provider's model name, such as gpt-4o-mini or llama3.1:8b");
        }
        Map<String, String> options = options(path, name, f.get("options"));
        String region = str(f, "region");
        if (region != null) {
            options.put("region", region);
        }
        BackendSpec spec;
        try {
            spec = new BackendSpec(
                    type,
                    name,
                    str(f, "base-url"),
                    str(f, "model"),
                    apiKeyEnv,
                    new BackendSpec.Limits(
                            positive(path, name, f, "requests-per-minute"),
                            positive(path, name, f, "characters-per-minute"),
                            positive(path, name, f, "tokens-per-minute")),
                    duration(path, name, f),
                    positive(path, name, f, "attempts"),
                    options);
        } catch (IllegalArgumentException bad) {
            throw error(path, node.line(), bad.getMessage(), "fix backend '" + name + "'");
        }
        return new BackendConfig(
                registry.resolve(spec),
                str(f, "api-key"),
                spec.baseUrl() != null,
                path,
                node.line(),
                fallback(path, name, f));
    }

    /** {@code options:} with one {@code name: value} per line under it (vendor settings without a field). */
    private static Map<String, String> options(Path path, String name, Node node) {
        Map<String, String> options = new LinkedHashMap<>();
        if (node == null || (!node.isMapping() && node.value() == null)) {
            return options;
        }
        if (!node.isMapping()) {
            throw error(
                    path,
                    node.line(),
                    "'options' in backend '" + name + "' must be a section with one setting per line",
                    "indent 'NAME: VALUE' lines below 'options:'");
        }
        for (Map.Entry<String, Node> o : node.children().entrySet()) {
            if (o.getValue().isMapping()) {
                throw error(
                        path,
                        o.getValue().line(),
                        "option '" + o.getKey() + "' in backend '" + name + "' must be a single value",
                        "write it as '" + o.getKey() + ": VALUE'");
            }
            if (o.getValue().value() != null) {
                String value = o.getValue().value().strip();
                checkOption(path, name, o.getKey(), value, o.getValue().line());
                options.put(o.getKey(), value);
            }
        }
        return options;
    }

    /** Options whose value is a duration ({@code Backends}' retry reads them). */
    private static final Set<String> DURATION_OPTIONS = Set.of("max-wait");
    /** Options whose value is a positive whole number (the Ollama and Anthropic providers read them). */
    private static final Set<String> COUNT_OPTIONS = Set.of("num-ctx", "max-output");

    /**
     * Refuses, at load with its line, a typed option that the backend would refuse only when it is built (so that
     * {@code config show} and every command name the file and line).
     */
    private static void checkOption(Path path, String name, String key, String value, int line) {
        if (DURATION_OPTIONS.contains(key)) {
            try {
                Durations.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw error(
                        path,
                        line,
                        "option '" + key + "' in backend '" + name + "': " + e.getMessage(),
                        "write a duration such as '" + key + ": 300s'");
            }
        } else if (COUNT_OPTIONS.contains(key) && !value.matches("0*[1-9][0-9]{0,8}")) {
            throw error(
                    path,
                    line,
                    "option '" + key + "' in backend '" + name + "' is '" + value + "', not a positive whole number",
                    "write a number such as '" + key + ": 8192'");
        }
    }

    private static String str(Map<String, Node> f, String key) {
        Node n = f.get(key);
        return n == null || n.value() == null || n.value().isBlank()
                ? null
                : n.value().strip();
    }

    /** The positive whole number under {@code key}, or 0 when it is not set. */
    private static int positive(Path path, String name, Map<String, Node> f, String key) {
        String v = str(f, key);
        if (v == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw error(
                path,
                f.get(key).line(),
                "'" + key + "' in backend '" + name + "' is '" + v + "', not a positive whole number",
                "write a number such as 60");
    }

    private static Duration duration(Path path, String name, Map<String, Node> f) {
        String v = str(f, "timeout");
        if (v == null) {
            return null;
        }
        try {
            return Durations.parseDuration(v);
        } catch (IllegalArgumentException e) {
            throw error(
                    path,
                    f.get("timeout").line(),
                    "'timeout' in backend '" + name + "': " + e.getMessage(),
                    "for example 'timeout: 120s'");
        }
    }

    private static Set<String> keysOf(String section) {
        Set<String> keys = new LinkedHashSet<>();
        for (Setting s : Setting.values()) {
            if (s.key().startsWith(section + ".")) {
                keys.add(s.key());
            }
        }
        return keys;
    }

    private static List<String> shortKeys(Set<String> keys) {
        return keys.stream().map(k -> k.substring(k.indexOf('.') + 1)).toList();
    }

    private static String firstKey(String section) {
        return shortKeys(keysOf(section)).get(0);
    }

    /** ", did you mean 'translate'?" when a known word is one or two edits away. */
    private static String suggestion(String word, List<String> known) {
        String best = dev.dragoman.core.text.Suggestions.nearest(word, known, 2);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static ConfigException error(Path path, int line, String problem, String fix) {
        return new ConfigException("Configuration error in " + path + (line > 0 ? " line " + line : "") + ": " + problem
                + " — " + fix + ".");
    }
}

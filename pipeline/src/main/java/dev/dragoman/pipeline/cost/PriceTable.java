package dev.dragoman.pipeline.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices per model and per machine-translation service, read from JSON in LiteLLM's
 * {@code model_prices_and_context_window.json} format (one object per key; {@code sample_spec} and unknown fields are
 * ignored, so LiteLLM's whole file may be given). The shipped table ({@link #standard()}) holds the models Dragoman
 * configures by default plus DeepL, Google and Azure per-character prices; a configuration's {@code prices:} file or
 * map replaces entries key by key ({@link #withOverrides}).
 *
 * <p>A backend is priced by the first key present of: its model, {@code type/model}, its type ({@link #find}). No
 * entry is no price — never a price of zero. Immutable and thread-safe.
 */
public final class PriceTable {

    private static final String RESOURCE = "model_prices.json";
    private static final Set<String> PRICE_FIELDS = Set.of(
            "input_cost_per_token",
            "output_cost_per_token",
            "input_cost_per_token_batches",
            "output_cost_per_token_batches",
            "input_cost_per_character");

    private final Map<String, ModelPrice> entries;

    private PriceTable(Map<String, ModelPrice> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The table shipped with Dragoman. */
    public static PriceTable standard() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped price table " + RESOURCE + " is missing");
            }
            return new PriceTable(parse(Json.mapper().readTree(in), RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped price table", e);
        }
    }

    /** A table of only these entries (tests, libraries with their own prices). */
    public static PriceTable of(Map<String, ModelPrice> entries) {
        return new PriceTable(entries);
    }

    /**
     * This table with the entries of {@code json} (an object in LiteLLM's format) in place of its own.
     *
     * @param origin where the JSON came from, for messages ("prices in config.yaml")
     * @throws DragomanException of kind CONFIGURATION for a malformed entry, naming it
     */
    public PriceTable withOverrides(JsonNode json, String origin) {
        Map<String, ModelPrice> merged = new LinkedHashMap<>(entries);
        merged.putAll(parse(json, origin));
        return new PriceTable(merged);
    }

    /** This table with the entries of a LiteLLM-format JSON file in place of its own. */
    public PriceTable withOverrides(Path file) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "cannot read the price table " + file + ": " + dev.dragoman.core.error.Reasons.of(e));
        }
        return withOverrides(json, file.toString());
    }

    /** This table with {@code other}'s entries in place of its own (a configuration's prices over a file's). */
    public PriceTable withOverrides(PriceTable other) {
        Map<String, ModelPrice> merged = new LinkedHashMap<>(entries);
        merged.putAll(other.entries);
        return new PriceTable(merged);
    }

    /** The fields of an entry this table reads (LiteLLM's names); others are ignored. */
    public static Set<String> priceFields() {
        return PRICE_FIELDS;
    }

    /** The price of a backend of {@code type} running {@code model} (null for none): model, type/model, type. */
    public Optional<ModelPrice> find(String type, String model) {
        if (model != null && !model.isBlank()) {
            ModelPrice p = entries.get(model.toLowerCase(Locale.ROOT));
            if (p == null) {
                p = entries.get((type + "/" + model).toLowerCase(Locale.ROOT));
            }
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.ofNullable(entries.get(type.toLowerCase(Locale.ROOT)));
    }

    /** The keys, for messages. */
    public Set<String> keys() {
        return entries.keySet();
    }

    private static Map<String, ModelPrice> parse(JsonNode json, String origin) {
        if (json == null || !json.isObject()) {
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "the price table in " + origin + " must be an object of model names, as LiteLLM's"
                            + " model_prices_and_context_window.json");
        }
        Map<String, ModelPrice> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("sample_spec")) {
                continue;
            }
            JsonNode v = e.getValue();
            if (!v.isObject()) {
                throw bad(origin, e.getKey(), "is not an object");
            }
            boolean priced = false;
            for (String f : PRICE_FIELDS) {
                JsonNode n = v.get(f);
                if (n != null && !n.isNull()) {
                    if (!n.isNumber() || n.asDouble() < 0) {
                        throw bad(origin, e.getKey(), f + " must be a number of dollars, not " + n);
                    }
                    priced = true;
                }
            }
            if (!priced) {
                continue; // LiteLLM lists models priced otherwise (per image, per second): not ours to guess
            }
            out.put(
                    e.getKey().toLowerCase(Locale.ROOT),
                    new ModelPrice(
                            v.path("input_cost_per_token").asDouble(0),
                            v.path("output_cost_per_token").asDouble(0),
                            number(v, "input_cost_per_token_batches"),
                            number(v, "output_cost_per_token_batches"),
                            v.path("input_cost_per_character").asDouble(0)));
        }
        return out;
    }

    private static Double number(JsonNode v, String field) {
        JsonNode n = v.get(field);
        return n == null || n.isNull() ? null : n.asDouble();
    }

    private static DragomanException bad(String origin, String key, String what) {
        return new DragomanException(
                DragomanException.Kind.CONFIGURATION, "price table " + origin + ": entry '" + key + "' " + what);
    }
}

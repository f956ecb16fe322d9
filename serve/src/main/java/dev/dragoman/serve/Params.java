package dev.dragoman.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Attributes;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * A request's parameters, read the way LibreTranslate's Flask app reads them: a JSON object body, or else the query
 * string plus an urlencoded or multipart form body ({@code request.values}). JSON values keep their type (a list
 * {@code q}); form values are strings, repeated for lists (DeepL's {@code text}).
 */
final class Params {

    private final ObjectNode json;
    private final Fields fields;

    private Params(ObjectNode json, Fields fields) {
        this.json = json;
        this.fields = fields;
    }

    /**
     * Parses {@code body} by its content type.
     *
     * @throws ApiError 400 for a body that is not what its content type says
     */
    static Params parse(String contentType, byte[] body, Fields query, long maxBytes) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json") || type.endsWith("+json")) {
            JsonNode node;
            try {
                node = body.length == 0 ? null : Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                throw ApiError.badRequest("Invalid JSON format");
            } catch (java.io.IOException e) {
                throw ApiError.badRequest("Invalid JSON format");
            }
            if (!(node instanceof ObjectNode object)) {
                throw ApiError.badRequest("Invalid JSON format");
            }
            return new Params(object, query);
        }
        Fields all = new Fields(true);
        query.forEach(all::add);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Fields form = new Fields(true);
            try {
                UrlEncoded.decodeTo(new String(body, StandardCharsets.ISO_8859_1), form::add, StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                throw ApiError.badRequest("Invalid form body: " + e.getMessage());
            }
            form.forEach(all::add);
        } else if (type.startsWith("multipart/form-data")) {
            multipart(contentType, body, all, maxBytes);
        }
        return new Params(null, all);
    }

    /** Parameters of a request without a body (GET). */
    static Params query(Fields query) {
        return new Params(null, query);
    }

    private static void multipart(String contentType, byte[] body, Fields into, long maxBytes) {
        if (MultiPart.extractBoundary(contentType) == null) {
            throw ApiError.badRequest("Invalid multipart body: no boundary");
        }
        MultiPartConfig config = new MultiPartConfig.Builder()
                .maxSize(maxBytes)
                .maxPartSize(maxBytes)
                .maxMemoryPartSize(maxBytes)
                .maxParts(1000)
                .useFilesForPartsWithoutFileName(false)
                .build();
        try (MultiPartFormData.Parts parts = MultiPartFormData.getParts(
                Content.Source.from(ByteBuffer.wrap(body)), new Attributes.Mapped(), contentType, config)) {
            for (MultiPart.Part part : parts) {
                if (part.getName() != null) {
                    into.add(part.getName(), part.getContentAsString(StandardCharsets.UTF_8));
                }
            }
        } catch (RuntimeException e) {
            throw ApiError.badRequest("Invalid multipart body");
        }
    }

    boolean isJson() {
        return json != null;
    }

    /** The value of {@code name} as text (a JSON number or boolean as written), or null when absent or JSON null. */
    String string(String name) {
        if (json != null) {
            JsonNode n = json.get(name);
            if (n == null || n.isNull()) {
                return fields.getValue(name);
            }
            if (n.isContainerNode()) {
                throw ApiError.badRequest("Invalid request: " + name + " must be a single value");
            }
            return n.asText();
        }
        return fields.getValue(name);
    }

    /** The JSON value of {@code name} (a form value as a JSON string), or null. */
    JsonNode node(String name) {
        if (json != null) {
            JsonNode n = json.get(name);
            return n == null || n.isNull() ? null : n;
        }
        String v = fields.getValue(name);
        return v == null ? null : JsonNodeFactory.instance.textNode(v);
    }

    /** Every value of {@code name}: a JSON array's strings or one JSON string, all repeated form values. */
    List<String> strings(String name) {
        if (json != null) {
            JsonNode n = json.get(name);
            if (n == null || n.isNull()) {
                return List.of();
            }
            if (n.isArray()) {
                List<String> out = new ArrayList<>(n.size());
                for (JsonNode item : n) {
                    if (!item.isTextual()) {
                        throw ApiError.badRequest("Invalid request: " + name + " must be a list of strings");
                    }
                    out.add(item.textValue());
                }
                return out;
            }
            if (!n.isValueNode()) {
                throw ApiError.badRequest("Invalid request: " + name + " must be a string or a list of strings");
            }
            return List.of(n.asText());
        }
        List<String> values = fields.getValues(name);
        return values == null ? List.of() : values;
    }

    /** An integer parameter; {@code otherwise} when absent. */
    int integer(String name, int otherwise) {
        String v = string(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("Invalid request: " + name + " parameter is not a number");
        }
    }

    /** A boolean parameter ({@code 1}, {@code true}, {@code 0}, {@code false}); {@code otherwise} when absent. */
    boolean bool(String name, boolean otherwise) {
        String v = string(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw ApiError.badRequest("Invalid request: " + name + " must be true or false");
        };
    }
}

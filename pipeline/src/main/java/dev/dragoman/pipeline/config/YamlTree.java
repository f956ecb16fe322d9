package dev.dragoman.pipeline.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML document of nested mappings and scalars, each node remembering the line it starts on, so configuration
 * errors can name the line. Jackson's YAML parser does the parsing; this only keeps the locations that
 * {@code readTree} drops. Sequences are refused: nothing in Dragoman's configuration is a list.
 */
final class YamlTree {

    /** A node: a mapping ({@code children} non-null) or a scalar ({@code value}, null for an empty value). */
    record Node(String value, Map<String, Node> children, int line) {
        boolean isMapping() {
            return children != null;
        }
    }

    /** Malformed YAML or a list where a mapping or value was expected; {@code line} 0 when unknown. */
    static final class YamlException extends Exception {
        final int line;

        YamlException(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    private YamlTree() {}

    static Node parse(String text) throws YamlException {
        if (text.isBlank()) {
            return new Node(null, Map.of(), 1);
        }
        try (Reader reader = new StringReader(text);
                JsonParser p = new YAMLFactory().createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Node(null, Map.of(), 1);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new YamlException(
                        "the file must be a mapping of keys to values (like 'translate:' or "
                                + "'backends:'), not a single value or a list",
                        line(p));
            }
            return readMapping(p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new YamlException(
                    "malformed YAML: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""),
                    line);
        } catch (IOException e) {
            throw new YamlException("cannot read YAML: " + e.getMessage(), 0);
        }
    }

    private static Node readMapping(JsonParser p) throws IOException, YamlException {
        int line = line(p);
        Map<String, Node> children = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.FIELD_NAME) {
                throw new YamlException("unexpected " + t, line(p));
            }
            String key = p.currentName();
            int keyLine = line(p);
            JsonToken v = p.nextToken();
            Node child;
            if (v == JsonToken.START_OBJECT) {
                Node m = readMapping(p);
                child = new Node(null, m.children(), keyLine);
            } else if (v == JsonToken.START_ARRAY) {
                throw new YamlException(
                        "'" + key + "' is a list; a single value or a mapping is expected here", keyLine);
            } else if (v == JsonToken.VALUE_NULL) {
                child = new Node(null, null, keyLine);
            } else {
                child = new Node(p.getText(), null, keyLine);
            }
            if (children.put(key, child) != null) {
                throw new YamlException("'" + key + "' is set twice", keyLine);
            }
        }
        return new Node(null, Collections.unmodifiableMap(children), line);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation() == null ? 0 : p.currentTokenLocation().getLineNr();
    }
}

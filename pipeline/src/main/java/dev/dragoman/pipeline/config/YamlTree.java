package dev.dragoman.pipeline.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document of nested mappings and scalars, each node remembering the line it starts on, so configuration
 * errors can name the line. Jackson's YAML parser does the parsing; this only keeps the locations that
 * {@code readTree} drops. Lists are refused unless asked for ({@link #parse(String, boolean)}: a glossary's
 * do-not-translate list); nothing in Dragoman's configuration file is a list.
 */
final class YamlTree {

    /**
     * A node: a mapping ({@code children} non-null), a list of scalars ({@code items} non-null) or a scalar
     * ({@code value}, null for an empty value).
     */
    record Node(String value, Map<String, Node> children, List<Node> items, int line) {
        Node(String value, Map<String, Node> children, int line) {
            this(value, children, null, line);
        }

        boolean isMapping() {
            return children != null;
        }

        boolean isList() {
            return items != null;
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
        return parse(text, false);
    }

    /** As {@link #parse(String)}; {@code lists}: a key may hold a list of scalars. */
    static Node parse(String text, boolean lists) throws YamlException {
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
            return readMapping(p, lists);
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

    private static Node readMapping(JsonParser p, boolean lists) throws IOException, YamlException {
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
                Node m = readMapping(p, lists);
                child = new Node(null, m.children(), keyLine);
            } else if (v == JsonToken.START_ARRAY && lists) {
                child = new Node(null, null, readList(p, key), keyLine);
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

    private static List<Node> readList(JsonParser p, String key) throws IOException, YamlException {
        List<Node> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                throw new YamlException("'" + key + "' must be a list of single values", line(p));
            }
            items.add(new Node(t == JsonToken.VALUE_NULL ? null : p.getText(), null, line(p)));
        }
        return List.copyOf(items);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation() == null ? 0 : p.currentTokenLocation().getLineNr();
    }
}

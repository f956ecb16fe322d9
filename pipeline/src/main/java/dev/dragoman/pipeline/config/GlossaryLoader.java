package dev.dragoman.pipeline.config;

import dev.dragoman.core.Language;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.translation.Glossary;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a glossary file: YAML when its name ends in {@code .yaml} or {@code .yml}, else CSV; UTF-8 either way.
 *
 * <p>CSV (RFC 4180 quoting): each line a source term and its required translation, optionally limited to a language
 * pair (both codes, or neither; an empty field means "any"); a term whose target is itself is never translated.
 *
 * <pre>
 * # comments and blank lines are ignored; the header line is optional
 * source,target,source_lang,target_lang
 * سانا,SANA,ar,en
 * مجلس الأمن,Security Council
 * "Damascus, Syria",Damascus
 * Reuters,Reuters
 * </pre>
 *
 * YAML: a do-not-translate list, and terms — for any pair, or under a pair key {@code from>to}:
 *
 * <pre>
 * do-not-translate: [Reuters, AFP]
 * terms:
 *   مجلس الأمن: Security Council     # any language pair
 *   ar>en:                           # only from Arabic into English
 *     سانا: SANA
 * </pre>
 *
 * The same source term may not be given two different targets for the same pair. Every error names the file, the
 * line and what to fix. Stateless and thread-safe.
 */
public final class GlossaryLoader {

    private GlossaryLoader() {}

    /**
     * Loads {@code file}.
     *
     * @throws InvalidInputException when the file cannot be read or a line is malformed
     */
    public static Glossary load(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("glossary " + file + " is not valid UTF-8: save it as UTF-8", e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read glossary " + file + ": " + e.getMessage(), e);
        }
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml")
                ? parseYaml(text, file.toString())
                : parse(text, file.toString());
    }

    /**
     * Parses glossary YAML text; {@code name} identifies it in error messages.
     *
     * @throws InvalidInputException when the YAML is malformed or a key or value is not what a glossary holds
     */
    public static Glossary parseYaml(String text, String name) {
        YamlTree.Node root;
        try {
            root = YamlTree.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, true);
        } catch (YamlTree.YamlException e) {
            throw new InvalidInputException(name + (e.line > 0 ? " line " + e.line : "") + ": " + e.getMessage());
        }
        Terms terms = new Terms();
        for (Map.Entry<String, YamlTree.Node> top : root.children().entrySet()) {
            YamlTree.Node node = top.getValue();
            String where = name + " line " + node.line();
            switch (top.getKey()) {
                case "do-not-translate" -> {
                    if (!node.isList()) {
                        throw new InvalidInputException(
                                where + ": 'do-not-translate' must be a list of terms, e.g. [Reuters, AFP]");
                    }
                    for (YamlTree.Node item : node.items()) {
                        String term = item.value() == null ? "" : item.value().strip();
                        terms.add(term, term, null, null, name + " line " + item.line());
                    }
                }
                case "terms" -> {
                    if (!node.isMapping()) {
                        throw new InvalidInputException(
                                where + ": 'terms' must map source terms to their translations");
                    }
                    for (Map.Entry<String, YamlTree.Node> t : node.children().entrySet()) {
                        if (t.getValue().isMapping()) {
                            Language[] pair = pair(
                                    t.getKey(), name + " line " + t.getValue().line());
                            for (Map.Entry<String, YamlTree.Node> p :
                                    t.getValue().children().entrySet()) {
                                yamlTerm(terms, p.getKey(), p.getValue(), pair[0], pair[1], name);
                            }
                        } else {
                            yamlTerm(terms, t.getKey(), t.getValue(), null, null, name);
                        }
                    }
                }
                default ->
                    throw new InvalidInputException(where + ": unknown key '" + top.getKey()
                            + "'; a glossary has 'do-not-translate' (a list) and 'terms' (source: target, or a pair "
                            + "such as ar>en holding them)");
            }
        }
        return new Glossary(terms.entries);
    }

    private static void yamlTerm(
            Terms terms, String source, YamlTree.Node node, Language from, Language to, String name) {
        String where = name + " line " + node.line();
        if (node.isList() || node.value() == null) {
            throw new InvalidInputException(where + ": '" + source + "' needs one translation as its value ('" + source
                    + ": …'); a pair key looks like ar>en");
        }
        terms.add(source.strip(), node.value().strip(), from, to, where);
    }

    /** "ar>en" → {ar, en}. */
    private static Language[] pair(String key, String where) {
        String[] parts = key.split(">", -1);
        if (parts.length != 2) {
            throw new InvalidInputException(
                    where + ": '" + key + "' holds terms, so it must be a language pair such as ar>en (source>target)");
        }
        return new Language[] {language(parts[0], where), language(parts[1], where)};
    }

    /**
     * Parses glossary CSV text; {@code name} identifies it in error messages.
     *
     * @throws InvalidInputException when a line is malformed
     */
    public static Glossary parse(String text, String name) {
        Terms terms = new Terms();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String where = name + " line " + (i + 1);
            List<String> fields = splitCsv(line, where);
            if (first && isHeader(fields)) {
                first = false;
                continue;
            }
            first = false;
            if (fields.size() != 2 && fields.size() != 4) {
                throw new InvalidInputException(where + ": expected 2 or 4 comma-separated fields "
                        + "(source,target[,source_lang,target_lang]), found " + fields.size()
                        + "; quote terms that contain commas");
            }
            String source = fields.get(0).strip();
            String target = fields.get(1).strip();
            Language from = fields.size() == 4 ? language(fields.get(2), where) : null;
            Language to = fields.size() == 4 ? language(fields.get(3), where) : null;
            terms.add(source, target, from, to, where);
        }
        return new Glossary(terms.entries);
    }

    /**
     * Parses glossary entries in DeepL's TSV format: one "source TAB target" per line (blank lines ignored), for any
     * language pair; {@code name} identifies them in error messages.
     *
     * @throws InvalidInputException when a line is not two tab-separated terms, or a term is given two targets
     */
    public static Glossary parseTsv(String text, String name) {
        Terms terms = new Terms();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = name + " line " + (i + 1);
            String[] fields = lines[i].split("\t", -1);
            if (fields.length != 2) {
                throw new InvalidInputException(where + ": expected a source and a target term separated by one tab, "
                        + "found " + fields.length + " field(s)");
            }
            terms.add(fields[0].strip(), fields[1].strip(), null, null, where);
        }
        return new Glossary(terms.entries);
    }

    /** The entries read so far: one target per term and pair, every term one a vendor glossary can hold. */
    private static final class Terms {
        final List<Glossary.Entry> entries = new ArrayList<>();
        private final Map<String, String> seen = new HashMap<>();

        void add(String source, String target, Language from, Language to, String where) {
            if (source.isEmpty() || target.isEmpty()) {
                throw new InvalidInputException(where + ": the source and target terms must not be empty");
            }
            String previous = seen.putIfAbsent(source + '\t' + from + '\t' + to, target);
            if (previous != null && !previous.equals(target)) {
                throw new InvalidInputException(where + ": '" + source + "' is already translated as '" + previous
                        + "' for the same languages; keep one target per term");
            }
            if (previous == null) {
                try {
                    entries.add(new Glossary.Entry(source, target, from, to));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(where + ": " + e.getMessage() + " ('" + source + "')");
                }
            }
        }
    }

    private static boolean isHeader(List<String> fields) {
        return fields.size() >= 2
                && fields.get(0).strip().toLowerCase(Locale.ROOT).equals("source")
                && fields.get(1).strip().toLowerCase(Locale.ROOT).equals("target");
    }

    private static Language language(String field, String where) {
        String code = field.strip();
        if (code.isEmpty()) {
            return null;
        }
        try {
            return Language.of(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ": '" + code + "' is not a language code (use ar, en, fr, …)");
        }
    }

    /** Splits one CSV line, honouring double quotes ("" inside quotes is a literal quote). */
    static List<String> splitCsv(String line, String where) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException(where + ": a quoted field is not closed (missing '\"')");
        }
        fields.add(field.toString());
        return fields;
    }
}

package dev.dragoman.core.translation;

import dev.dragoman.core.Language;
import dev.dragoman.core.error.InvalidInputException;
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
 * Reads a glossary file. There is one format, CSV (RFC 4180 quoting, UTF-8):
 *
 * <pre>
 * # comments and blank lines are ignored; the header line is optional
 * source,target,source_lang,target_lang
 * سانا,SANA,ar,en
 * مجلس الأمن,Security Council
 * "Damascus, Syria",Damascus
 * </pre>
 *
 * Each line is a source term and its required translation, optionally limited to a language pair (both codes, or
 * neither; an empty field means "any"). The same source term may not be given two different targets for the same
 * pair. Every error names the file, the line and what to fix. Stateless and thread-safe.
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
        return parse(text, file.toString());
    }

    /**
     * Parses glossary CSV text; {@code name} identifies it in error messages.
     *
     * @throws InvalidInputException when a line is malformed
     */
    public static Glossary parse(String text, String name) {
        List<Glossary.Entry> entries = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
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
            if (source.isEmpty() || target.isEmpty()) {
                throw new InvalidInputException(where + ": the source and target terms must not be empty");
            }
            Language from = fields.size() == 4 ? language(fields.get(2), where) : null;
            Language to = fields.size() == 4 ? language(fields.get(3), where) : null;
            String pairKey = source + '\t' + from + '\t' + to;
            String previous = seen.putIfAbsent(pairKey, target);
            if (previous != null && !previous.equals(target)) {
                throw new InvalidInputException(where + ": '" + source + "' is already translated as '" + previous
                        + "' for the same languages; keep one target per term");
            }
            if (previous == null) {
                entries.add(new Glossary.Entry(source, target, from, to));
            }
        }
        return new Glossary(entries);
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

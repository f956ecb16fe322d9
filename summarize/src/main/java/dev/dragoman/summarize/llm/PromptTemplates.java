package dev.dragoman.summarize.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versioned prompt templates in {@code src/main/resources/dev/dragoman/summarize/llm/NAME.vN.txt}. The version is
 * part of every LLM summary's cache key, so editing a template means bumping {@link #VERSION} and its files. A
 * template names variables as {@code {{name}}}; a variable without a value is a bug and throws.
 */
final class PromptTemplates {

    /** The template set's version. */
    static final String VERSION = "v1";

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([a-z_]+)}}");

    private PromptTemplates() {}

    static String render(String name, Map<String, String> variables) {
        String text = load(name);
        if (text.contains("{{common}}")) {
            text = text.replace("{{common}}", load("common").strip());
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(
                        "prompt template " + name + "." + VERSION + " needs {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private static String load(String name) {
        String resource = name + "." + VERSION + ".txt";
        try (InputStream in = PromptTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt template missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + resource, e);
        }
    }
}

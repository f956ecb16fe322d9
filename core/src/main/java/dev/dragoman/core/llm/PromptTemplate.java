package dev.dragoman.core.llm;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one prompt renderer: a template read from a class-path resource, with variables written {@code {{name}}}.
 * Rendering is strict and single-pass — a variable without a value is a bug and throws, and values are inserted
 * literally (article text or glossary terms that look like {@code {{x}}} are never expanded). A template can take
 * another one in place of a variable ({@link #include}), as the summary styles share their common rules.
 *
 * <p>{@link #version()} is the template's name plus the first 8 hex digits of the SHA-256 of its text: it goes into
 * cache keys, so an edited template never serves answers made with the old one. Immutable and thread-safe.
 */
public final class PromptTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final String name;
    private final String text;

    private PromptTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /**
     * Reads the resource {@code resource} next to {@code anchor} (as {@link Class#getResourceAsStream} resolves it).
     *
     * @throws DragomanException {@link Kind#CONFIGURATION} when the resource is missing
     */
    public static PromptTemplate load(Class<?> anchor, String resource) {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(resource, "resource");
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DragomanException(
                        Kind.CONFIGURATION,
                        "no prompt template '" + resource + "' next to " + anchor.getName() + " in the jar");
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1).replaceFirst("\\.txt$", "");
            return new PromptTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DragomanException(Kind.INTERNAL, "cannot read prompt template " + resource, e);
        }
    }

    /** A template from text (tests, user-supplied templates). */
    public static PromptTemplate of(String name, String text) {
        return new PromptTemplate(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
    }

    /** A copy with {@code {{variable}}} replaced by {@code part}'s text (whose own variables render with this one). */
    public PromptTemplate include(String variable, PromptTemplate part) {
        return new PromptTemplate(name, text.replace("{{" + variable + "}}", part.text.strip()));
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** Name and text digest, for cache keys ("translate-v1:1a2b3c4d"). */
    public String version() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return name + ":" + HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The template with every {@code {{name}}} replaced by its value, stripped.
     *
     * @throws IllegalStateException when a variable has no value (a bug in the caller)
     */
    public String render(Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt template " + name + " needs {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    @Override
    public String toString() {
        return "PromptTemplate[" + name + "]";
    }
}

package dev.dragoman.core.write;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The output formats Dragoman writes: plain text keeping the article's layout, JSON (one document), JSON Lines (one
 * document per line, for several inputs), Markdown and HTML.
 */
public enum OutputFormat {
    TEXT("txt"),
    JSON("json"),
    JSONL("jsonl"),
    MD("md"),
    HTML("html");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension without the dot ({@code md}, {@code html}). */
    public String extension() {
        return extension;
    }

    /** True for JSON and JSON Lines. */
    public boolean isJson() {
        return this == JSON || this == JSONL;
    }

    /**
     * Parses a format name, case-insensitively; {@code markdown} is accepted for {@code md}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static OutputFormat parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("markdown")) {
            return MD;
        }
        for (OutputFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; use one of " + names());
    }

    /** The accepted names, comma separated. */
    public static String names() {
        return Arrays.stream(values())
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}

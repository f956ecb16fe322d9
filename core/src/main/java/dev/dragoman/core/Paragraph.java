package dev.dragoman.core;

import java.util.Objects;

/** One paragraph of an article's body, in logical (reading) order. Immutable. */
public record Paragraph(String text) {

    public Paragraph {
        Objects.requireNonNull(text, "text");
    }

    public static Paragraph of(String text) {
        return new Paragraph(text);
    }
}

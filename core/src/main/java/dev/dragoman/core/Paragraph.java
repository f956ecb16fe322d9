package dev.dragoman.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One paragraph of an article's body, in logical (reading) order. Immutable. In JSON it is written {@code {"text":
 * "…"}} and read from that or from a plain string, as people write paragraphs by hand.
 */
public record Paragraph(@JsonProperty("text") String text) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Paragraph {
        Objects.requireNonNull(text, "text");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Paragraph of(String text) {
        return new Paragraph(text);
    }
}

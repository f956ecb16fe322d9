package dev.dragoman.core.cluster;

import dev.dragoman.core.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * What the clusterer compares for one article: its id, the language of {@code text}, the text itself (typically the
 * headline and a short summary or lead — in ONE shared language across the batch when stories in several languages
 * must meet, e.g. the translated headline and summary) and when it was published (nullable). Immutable.
 */
public record StoryDocument(String id, Language language, String text, Instant time) {

    public StoryDocument {
        Objects.requireNonNull(id, "id");
        text = text == null ? "" : text;
    }
}

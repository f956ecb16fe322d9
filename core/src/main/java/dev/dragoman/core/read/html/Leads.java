package dev.dragoman.core.read.html;

import dev.dragoman.core.Article;
import dev.dragoman.core.Dateline;
import dev.dragoman.core.read.Datelines;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a dateline out of an extracted body into {@link Article#dateline()}: a first paragraph that is only a
 * dateline ("دمشق-سانا") is dropped, one that opens with it ("DAMASCUS, June 25 (Reuters) - Syria…") keeps its text
 * after the dateline. Uses the wire reader's {@link Datelines}, so pages, feeds and wire copy agree.
 */
public final class Leads {

    private Leads() {}

    /** The paragraphs without the dateline; sets it on {@code builder} when one was found. */
    public static List<String> takeDateline(List<String> paragraphs, Article.Builder builder) {
        if (paragraphs.isEmpty()) {
            return paragraphs;
        }
        String first = paragraphs.get(0).strip();
        Datelines.DatelineMatch alone = Datelines.match(first, true);
        if (alone != null && paragraphs.size() > 1) {
            builder.dateline(Dateline.of(alone.place(), alone.agency()));
            return List.copyOf(paragraphs.subList(1, paragraphs.size()));
        }
        Datelines.DatelineMatch inline = Datelines.match(first, false);
        if (inline != null && inline.rest() != null && !inline.rest().isBlank()) {
            builder.dateline(Dateline.of(inline.place(), inline.agency()));
            List<String> out = new ArrayList<>(paragraphs);
            out.set(0, inline.rest().strip());
            return out;
        }
        return paragraphs;
    }
}

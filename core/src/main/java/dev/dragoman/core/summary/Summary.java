package dev.dragoman.core.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.dragoman.core.Language;
import dev.dragoman.core.usage.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A summary: its text, the sentences (or bullets) it is made of, its language, the backend and model that wrote it,
 * what it cost, when it was made, whether it came from the cache, and warnings (e.g. a number that does not occur
 * in the source). A summary with warnings is a degraded result and every output shows them. {@code anchors} are the
 * relative day words of the text ("اليوم", "yesterday") with the dates they mean, when the article's date is known
 * (empty otherwise; never guessed). {@code fallback} is null when the backend asked for wrote it; otherwise why another
 * one did (a fallback chain's next summarizer after the one before it used up its quota), also the first of its
 * warnings so every output shows it. Immutable.
 */
public record Summary(
        String text,
        List<String> sentences,
        Language language,
        String backend,
        String model,
        Usage usage,
        Instant created,
        boolean fromCache,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TimeAnchor> anchors,
        @JsonInclude(JsonInclude.Include.NON_NULL) String fallback) {

    public Summary {
        Objects.requireNonNull(text, "text");
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        Objects.requireNonNull(backend, "backend");
        usage = usage == null ? Usage.NONE : usage;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
        fallback = fallback == null || fallback.isBlank() ? null : fallback;
    }

    /** A summary from the backend asked for (no fallback). */
    public Summary(
            String text,
            List<String> sentences,
            Language language,
            String backend,
            String model,
            Usage usage,
            Instant created,
            boolean fromCache,
            List<String> warnings,
            List<TimeAnchor> anchors) {
        this(text, sentences, language, backend, model, usage, created, fromCache, warnings, anchors, null);
    }

    /** A summary without time anchors. */
    public Summary(
            String text,
            List<String> sentences,
            Language language,
            String backend,
            String model,
            Usage usage,
            Instant created,
            boolean fromCache,
            List<String> warnings) {
        this(text, sentences, language, backend, model, usage, created, fromCache, warnings, List.of(), null);
    }

    public Summary withWarnings(List<String> newWarnings) {
        return new Summary(
                text, sentences, language, backend, model, usage, created, fromCache, newWarnings, anchors, fallback);
    }

    /** A copy that cost {@code newUsage} (e.g. a first answer a guard rejected plus the one that replaced it). */
    public Summary withUsage(Usage newUsage) {
        return new Summary(
                text, sentences, language, backend, model, newUsage, created, fromCache, warnings, anchors, fallback);
    }

    public Summary withFromCache(boolean cached) {
        return new Summary(
                text, sentences, language, backend, model, usage, created, cached, warnings, anchors, fallback);
    }

    /** A copy carrying {@code newAnchors}. */
    public Summary withAnchors(List<TimeAnchor> newAnchors) {
        return new Summary(
                text, sentences, language, backend, model, usage, created, fromCache, warnings, newAnchors, fallback);
    }

    /**
     * This summary marked as a fallback's, with why ({@link #fallback()}); the reason also leads its warnings, so
     * every output that shows a summary's warnings says it is degraded.
     */
    public Summary withFallback(String why) {
        List<String> said = new java.util.ArrayList<>();
        said.add(why);
        said.addAll(warnings);
        return new Summary(text, sentences, language, backend, model, usage, created, fromCache, said, anchors, why);
    }
}

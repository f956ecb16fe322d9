package dev.dragoman.translate;

import dev.dragoman.core.Language;
import dev.dragoman.core.usage.Usage;
import java.util.List;
import java.util.Objects;

/**
 * Where a translated article came from: backend and model, the languages, what this run paid (cache hits cost
 * nothing), and for every translated part whether it came from the cache and what warnings it carries. Immutable.
 *
 * @param source the source language used or detected; null if neither known
 * @param parts one entry per translated part, in article order
 */
public record TranslationProvenance(
        String backend, String model, Language source, Language target, Usage usage, List<Part> parts) {

    /**
     * One translated part.
     *
     * @param part where it is in the article: "headline", "dateline.place", "dateline.agency", "paragraph[2]",
     *     "source", "related[0].headline", "related[0].paragraph[1]"
     * @param fallback null when the provenance's backend translated it; else which fallback did and why
     *     ({@link dev.dragoman.core.translation.TranslationResult#fallback()})
     */
    public record Part(String part, boolean fromCache, List<String> warnings, String fallback) {
        public Part {
            Objects.requireNonNull(part, "part");
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            fallback = fallback == null || fallback.isBlank() ? null : fallback;
        }

        public Part(String part, boolean fromCache, List<String> warnings) {
            this(part, fromCache, warnings, null);
        }
    }

    public TranslationProvenance {
        Objects.requireNonNull(backend, "backend");
        model = model == null ? "" : model;
        Objects.requireNonNull(target, "target");
        usage = usage == null ? Usage.NONE : usage;
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
    }

    /** Every warning, prefixed with its part ("paragraph[3]: returned unchanged …"). */
    public List<String> warnings() {
        return parts.stream()
                .flatMap(p -> p.warnings().stream().map(w -> p.part() + ": " + w))
                .toList();
    }

    /**
     * The parts a fallback backend translated, each as "PART: translated by fallback …" (see
     * {@link Part#fallback()}); not quality warnings, so a batch keeps them, but outputs show them beside the warnings.
     */
    public List<String> fallbacks() {
        return parts.stream()
                .filter(p -> p.fallback() != null)
                .map(p -> p.part() + ": " + p.fallback())
                .toList();
    }

    /** What an output must show of a degraded result: {@link #fallbacks()}, then {@link #warnings()}. */
    public List<String> notices() {
        List<String> all = new java.util.ArrayList<>(fallbacks());
        all.addAll(warnings());
        return List.copyOf(all);
    }

    /** True when some part carries a warning or came from a fallback: outputs must say the result is degraded. */
    public boolean degraded() {
        return parts.stream().anyMatch(p -> !p.warnings().isEmpty() || p.fallback() != null);
    }

    public long partsFromCache() {
        return parts.stream().filter(Part::fromCache).count();
    }
}

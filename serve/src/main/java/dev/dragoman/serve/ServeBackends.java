package dev.dragoman.serve;

import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.translate.TranslationBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The backends the server calls, already built and decorated (cache, retry, rate limit, metering): translation
 * backends by the names clients may choose ({@code backend} in a request; the first is the default), the summarizer
 * of summaries and briefs (null: those endpoints answer 501), and the meter they record usage in (for
 * {@code /metrics} and {@code /v2/usage}), and the server's own glossary (the {@code glossary:} setting; null for
 * none), which the translators apply to every request and which a client's DeepL glossary is laid over. Shared by
 * every request, so limits and cache hold across clients. Immutable.
 */
public record ServeBackends(
        Map<String, TranslationBackend> translators, Summarizer summarizer, UsageMeter meter, Glossary glossary) {

    public ServeBackends {
        Objects.requireNonNull(translators, "translators");
        if (translators.isEmpty()) {
            throw new IllegalArgumentException("dragoman serve needs at least one translation backend");
        }
        translators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(translators));
        meter = meter == null ? new UsageMeter() : meter;
        glossary = glossary == null || glossary.isEmpty() ? null : glossary;
    }

    /** Backends without a server glossary. */
    public ServeBackends(Map<String, TranslationBackend> translators, Summarizer summarizer, UsageMeter meter) {
        this(translators, summarizer, meter, null);
    }

    /**
     * Builds every spec through {@code backends} (with a fresh meter): the translators with the whole cached stack
     * ({@link Backends#cachedTranslator}), the summarizer as {@link Backends#summarizer}; the glossary is
     * {@code backends}' ({@link Backends#glossary}).
     *
     * @param summarizer may be null (no summaries)
     * @throws DragomanException (configuration) for an unknown type, a missing key
     */
    public static ServeBackends build(Backends backends, List<BackendSpec> translators, BackendSpec summarizer) {
        UsageMeter meter = new UsageMeter();
        Backends metered = backends.withMeter(meter);
        Map<String, TranslationBackend> built = new LinkedHashMap<>();
        for (BackendSpec spec : translators) {
            built.put(spec.name(), metered.cachedTranslator(spec));
        }
        return new ServeBackends(
                built, summarizer == null ? null : metered.summarizer(summarizer), meter, backends.glossary());
    }

    /** The name of the default translator (the first). */
    public String defaultTranslator() {
        return translators.keySet().iterator().next();
    }

    /**
     * The translator called {@code name}, the default for null.
     *
     * @throws IllegalArgumentException naming the known ones
     */
    public TranslationBackend translator(String name) {
        if (name == null || name.isBlank()) {
            return translators.get(defaultTranslator());
        }
        TranslationBackend t = translators.get(name.strip());
        if (t == null) {
            throw new IllegalArgumentException("unknown backend '" + name.strip() + "'; this server offers "
                    + String.join(", ", translators.keySet()));
        }
        return t;
    }
}

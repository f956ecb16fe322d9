package dev.dragoman.serve;

import dev.dragoman.core.Language;
import dev.dragoman.core.text.LanguageDetector;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.markup.FragmentTranslator;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * What every API's translate call does, in one place: choose the backend, detect the source when the client says
 * "auto" (locally, so that LibreTranslate's {@code detectedLanguage} and DeepL's {@code detected_source_language} are
 * answered the same way and the cache key names the language), then one request through the decorated backend —
 * plain texts as segments, HTML through the translate module's {@link FragmentTranslator}. Thread-safe.
 */
final class Translation {

    private final ServeBackends backends;
    private final LanguageDetector detector;
    private final Metrics metrics;

    Translation(ServeBackends backends, LanguageDetector detector, Metrics metrics) {
        this.backends = backends;
        this.detector = detector;
        this.metrics = metrics;
    }

    /**
     * @param texts the texts (or HTML fragments) in order
     * @param detected the source language (detected when the client asked for auto) and the detector's confidence
     *     (0..1; 1 when the client named the language)
     * @param warnings degraded segments, as the guards flagged them (empty when every segment is a translation)
     */
    record Outcome(List<String> texts, Language detected, double confidence, List<String> warnings, String backend) {}

    /**
     * Translates {@code texts} from {@code source} (null: detect) into {@code target}.
     *
     * @param backendName the configured backend to use, null for the default
     * @throws ApiError 400 for an unknown backend
     * @throws dev.dragoman.core.error.DragomanException when the backend fails
     */
    Outcome translate(
            List<String> texts,
            Language source,
            Language target,
            boolean html,
            String backendName,
            TranslationOptions options) {
        TranslationBackend backend;
        try {
            backend = backends.translator(backendName);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        Language from = source;
        double confidence = 1.0;
        if (from == null) {
            LanguageDetector.Detection d = detect(texts, html);
            from = d.language().equals(Language.UNDETERMINED) ? null : d.language();
            confidence = d.confidence();
        }
        List<String> out;
        List<TranslatedSegment> segments;
        List<String> warnings = new ArrayList<>();
        Language reported;
        if (html) {
            FragmentTranslator.Result r = new FragmentTranslator(backend).translate(texts, from, target, options);
            out = r.html();
            segments = r.segments();
            warnings.addAll(r.warnings());
            reported = r.detectedSource();
        } else {
            TranslationResult r = backend.translate(new TranslationRequest(texts, from, target, options));
            out = r.texts();
            segments = r.segments();
            if (r.fallback() != null) {
                warnings.add(r.fallback()); // a degraded result says so
            }
            segments.forEach(seg -> warnings.addAll(seg.warnings()));
            reported = r.detectedSource();
        }
        long cached = segments.stream().filter(TranslatedSegment::fromCache).count();
        metrics.segments(cached, segments.size() - cached);
        if (from == null) {
            from = reported;
        }
        String name = backendName == null || backendName.isBlank() ? backends.defaultTranslator() : backendName.strip();
        return new Outcome(out, from == null ? Language.UNDETERMINED : from, confidence, warnings, name);
    }

    /** The language of {@code texts} together (their markup removed when {@code html}). */
    LanguageDetector.Detection detect(List<String> texts, boolean html) {
        StringBuilder all = new StringBuilder();
        for (String t : texts) {
            all.append(html ? Jsoup.parseBodyFragment(t).text() : t).append('\n');
        }
        return detector.detect(all.toString());
    }

    LanguageDetector detector() {
        return detector;
    }
}

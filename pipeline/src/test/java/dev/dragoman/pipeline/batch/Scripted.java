package dev.dragoman.pipeline.batch;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.translate.BackendProfile;
import dev.dragoman.translate.BatchLimits;
import dev.dragoman.translate.TranslationBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Scripted backends for batch tests: deterministic output, injectable failures, call counts per first segment. */
public final class Scripted {

    private Scripted() {}

    /** Translates "x" to "[tag] x" unless {@code dictionary} knows the segment; fails where {@code fault} says. */
    public static final class ScriptedTranslator implements Translator {
        public final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        public volatile Function<String, DragomanException> fault = s -> null;
        public final Map<String, String> dictionary = new ConcurrentHashMap<>();
        /** A completeness guard's flag for a segment (null: none), as the flagging guard leaves it. */
        public volatile Function<String, String> flag = s -> null;

        @Override
        public TranslationResult translate(TranslationRequest request) {
            String first =
                    request.segments().isEmpty() ? "" : request.segments().get(0);
            calls.computeIfAbsent(first, k -> new AtomicInteger()).incrementAndGet();
            DragomanException e = fault.apply(first);
            if (e != null) {
                throw e;
            }
            List<TranslatedSegment> out = new ArrayList<>();
            for (String s : request.segments()) {
                TranslatedSegment t =
                        TranslatedSegment.of(dictionary.getOrDefault(s, "[" + request.target() + "] " + s));
                String warning = flag.apply(s);
                out.add(warning == null ? t : t.withWarning(warning));
            }
            return new TranslationResult(
                    out, request.source(), "scripted", null, Usage.ofCharacters(1, request.characters()));
        }

        public int total() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    /** "Summarizes" by taking the first paragraph; fails where {@code fault} says (keyed by headline). */
    public static final class ScriptedSummarizer implements Summarizer {
        public final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        public volatile Function<String, DragomanException> fault = s -> null;

        @Override
        public Summary summarize(Article article, SummaryOptions options) {
            calls.computeIfAbsent(String.valueOf(article.headline()), k -> new AtomicInteger())
                    .incrementAndGet();
            DragomanException e = fault.apply(String.valueOf(article.headline()));
            if (e != null) {
                throw e;
            }
            String first = article.paragraphs().get(0).text();
            Language language = options.outputLanguage() != null ? options.outputLanguage() : article.language();
            return new Summary(
                    first,
                    List.of(first),
                    language,
                    "scripted",
                    null,
                    Usage.ofTokens(1, 100, 20),
                    Instant.parse("2024-06-25T00:00:00Z"),
                    false,
                    List.of());
        }
    }

    /** A plain translator as a backend without a cache or context, so every call reaches it. */
    public static TranslationBackend backend(Translator t) {
        return TranslationBackend.of(BackendProfile.mt("scripted", "scripted-1", BatchLimits.UNLIMITED, false), t);
    }
}

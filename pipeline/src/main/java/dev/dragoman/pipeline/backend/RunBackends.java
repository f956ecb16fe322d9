package dev.dragoman.pipeline.backend;

import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.translate.TranslationBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * The backends one run (a batch, a server request stream, a cluster job) uses, built once from specs and shared by
 * every worker, so each backend's rate limits, retries and cache hold across the whole run: the translation backend
 * behind the per-segment cache ({@link Backends#cachedTranslator}, single flight per segment across workers) and
 * the summarizer. Either is null when the run does not need it. {@link #describe()} names the types and models (and
 * the glossary's version); it is part of a run's options fingerprint, so a different backend or glossary redoes
 * finished items. Immutable (the meter counts).
 *
 * <p>Both record every call that reached their backend in the run's one {@link #meter()}, at the bottom of their
 * decorator stacks ({@link dev.dragoman.core.call.CallStack}): answers that were used, answers that could not be used
 * or were rejected by a guard, and the answers of an item that failed in the end. A run's usage line is read from it,
 * never added up from its finished items' results, which know nothing of the items that failed.
 *
 * @param translator the cached, decorated translation backend, or null
 * @param summarizer the summarizer, or null
 * @param description "translate=deepl:-,summarize=extractive:lexrank-lead-mmr-1"; empty when neither is built
 * @param meter what every backend call of the run cost, per backend
 */
public record RunBackends(TranslationBackend translator, Summarizer summarizer, String description, UsageMeter meter) {

    /**
     * Builds what the specs name, each through its own factory (a front end gives each backend its own key lookup),
     * both recording in one new {@link #meter()}.
     *
     * @param translating the factory for {@code translate} (its cache, variables, retry listener); unused when
     *     {@code translate} is null
     * @param translate the translation backend, or null for none
     * @param summarizing the factory for {@code summarize}; unused when {@code summarize} is null
     * @param summarize the summarizer, or null for none
     * @throws dev.dragoman.core.error.DragomanException (configuration) for an unknown type, a missing key, or a
     *     type that cannot do its role
     */
    public static RunBackends build(
            Backends translating, BackendSpec translate, Backends summarizing, BackendSpec summarize) {
        UsageMeter meter = new UsageMeter();
        return build(
                translating == null ? null : translating.withMeter(meter),
                translate,
                summarizing == null ? null : summarizing.withMeter(meter),
                summarize,
                meter);
    }

    /**
     * As {@link #build(Backends, BackendSpec, Backends, BackendSpec)}, with factories that already record into
     * {@code meter} — themselves, or through a {@link UsageMeter#child() child} of it (a front end that also reports
     * its translations alone) — which becomes the run's {@link #meter()}.
     */
    public static RunBackends build(
            Backends translating,
            BackendSpec translate,
            Backends summarizing,
            BackendSpec summarize,
            UsageMeter meter) {
        TranslationBackend translator = null;
        if (translate != null) {
            translator = translating.cachedTranslator(translating.resolve(translate));
        }
        Summarizer summarizer = null;
        if (summarize != null) {
            summarizer = summarizing.summarizer(summarize);
        }
        return new RunBackends(translator, summarizer, describe(translating, translate, summarizing, summarize), meter);
    }

    /**
     * The {@link #description()} of the backends these specs build, without building them (no key is needed): a
     * cluster job's driver computes its options fingerprint with it, its workers build the backends.
     */
    public static String describe(
            Backends translating, BackendSpec translate, Backends summarizing, BackendSpec summarize) {
        List<String> described = new ArrayList<>();
        if (translate != null) {
            BackendSpec t = translating.resolve(translate);
            described.add("translate=" + t.type() + ":" + (t.model() == null ? "-" : t.model()));
            if (translating.glossary() != null && !translating.glossary().isEmpty()) {
                described.add("glossary=" + translating.glossary().version()); // an edited glossary redoes items
            }
        }
        if (summarize != null) {
            described.add("summarize=" + summarize.type() + ":" + summarizing.summaryModel(summarize));
        }
        return String.join(",", described);
    }

    /** As {@link #build(Backends, BackendSpec, Backends, BackendSpec)} with one factory for both. */
    public static RunBackends build(Backends backends, BackendSpec translate, BackendSpec summarize) {
        return build(backends, translate, backends, summarize);
    }
}

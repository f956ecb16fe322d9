package dev.dragoman.pipeline.step;

import dev.dragoman.core.Language;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.translation.TranslationOptions;

/**
 * What the step makes of one article: a translation into {@code translateTo} (null: none), a summary in the article's
 * language ({@code summarize}), a brief in {@code brief} (null: none; it needs a summary, made even when
 * {@code summarize} is false). A translation the completeness guard flagged (untranslated-looking segments) fails the
 * article at stage {@code translate} — retriable, since a flagged result is never cached — unless {@code
 * allowFlagged}; with strict summary options it fails for good (a quality failure, like {@code translate --strict}).
 * The translation reads the article as {@code translateFrom} (null: the article's language, else detected) with
 * {@code translationOptions} (formality), as {@code dragoman translate --from --formality} does. Immutable.
 */
public record StepOptions(
        Language translateTo,
        boolean summarize,
        Language brief,
        SummaryOptions summaryOptions,
        boolean allowFlagged,
        Language translateFrom,
        TranslationOptions translationOptions) {

    public StepOptions {
        summaryOptions = summaryOptions == null ? SummaryOptions.DEFAULT : summaryOptions;
        translationOptions = translationOptions == null ? TranslationOptions.DEFAULT : translationOptions;
    }

    /** Options that translate from the article's own language with the default translation options. */
    public StepOptions(
            Language translateTo,
            boolean summarize,
            Language brief,
            SummaryOptions summaryOptions,
            boolean allowFlagged) {
        this(translateTo, summarize, brief, summaryOptions, allowFlagged, null, null);
    }

    /** Options under which a flagged translation fails the article (see {@link #allowFlagged()}). */
    public StepOptions(Language translateTo, boolean summarize, Language brief, SummaryOptions summaryOptions) {
        this(translateTo, summarize, brief, summaryOptions, false);
    }

    /** A copy translating from {@code from} (null: the article's language) with {@code options} (null: defaults). */
    public StepOptions withTranslation(Language from, TranslationOptions options) {
        return new StepOptions(translateTo, summarize, brief, summaryOptions, allowFlagged, from, options);
    }

    /** Whether a summary is made at all (asked for, or needed by the brief). */
    public boolean needsSummary() {
        return summarize || brief != null;
    }
}

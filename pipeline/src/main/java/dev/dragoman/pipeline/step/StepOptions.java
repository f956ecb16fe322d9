package dev.dragoman.pipeline.step;

import dev.dragoman.core.Language;
import dev.dragoman.core.summary.SummaryOptions;

/**
 * What the step makes of one article: a translation into {@code translateTo} (null: none), a summary in the article's
 * language ({@code summarize}), a brief in {@code brief} (null: none; it needs a summary, made even when
 * {@code summarize} is false). A translation the completeness guard flagged (untranslated-looking segments) fails the
 * article at stage {@code translate} — retriable, since a flagged result is never cached — unless {@code
 * allowFlagged}; with strict summary options it fails for good (a quality failure, like {@code translate --strict}).
 * Immutable.
 */
public record StepOptions(
        Language translateTo, boolean summarize, Language brief, SummaryOptions summaryOptions, boolean allowFlagged) {

    public StepOptions {
        summaryOptions = summaryOptions == null ? SummaryOptions.DEFAULT : summaryOptions;
    }

    /** Options under which a flagged translation fails the article (see {@link #allowFlagged()}). */
    public StepOptions(Language translateTo, boolean summarize, Language brief, SummaryOptions summaryOptions) {
        this(translateTo, summarize, brief, summaryOptions, false);
    }

    /** Whether a summary is made at all (asked for, or needed by the brief). */
    public boolean needsSummary() {
        return summarize || brief != null;
    }
}

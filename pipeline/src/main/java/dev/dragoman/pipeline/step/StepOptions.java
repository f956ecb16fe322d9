package dev.dragoman.pipeline.step;

import dev.dragoman.core.Language;
import dev.dragoman.core.summary.SummaryOptions;

/**
 * What the step makes of one article: a translation into {@code translateTo} (null: none), a summary in the article's
 * language ({@code summarize}), a brief in {@code brief} (null: none; it needs a summary, made even when
 * {@code summarize} is false). Immutable.
 */
public record StepOptions(Language translateTo, boolean summarize, Language brief, SummaryOptions summaryOptions) {

    public StepOptions {
        summaryOptions = summaryOptions == null ? SummaryOptions.DEFAULT : summaryOptions;
    }

    /** Whether a summary is made at all (asked for, or needed by the brief). */
    public boolean needsSummary() {
        return summarize || brief != null;
    }
}

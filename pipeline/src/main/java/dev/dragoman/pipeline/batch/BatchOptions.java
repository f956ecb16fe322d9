package dev.dragoman.pipeline.batch;

import dev.dragoman.core.Language;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.pipeline.step.StepOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a batch run does: its {@code inputs} (files, directories, globs, feed and page URLs) and output directory, the
 * per-article {@link StepOptions}, {@code jobs} items in flight, the per-article output formats, and a description of
 * the backends (part of the fingerprint). Start from {@link #of(List, Path)}. {@code translateTo}, {@code brief} may be null; {@code formats} are the per-article
 * outputs. {@link #fingerprint()} digests everything that changes an article's outputs: an item finished under other
 * options is not "done" for these. Immutable; variants via {@code with*}.
 */
public record BatchOptions(
        List<String> inputs,
        Path out,
        Language translateTo,
        boolean summarize,
        Language brief,
        int jobs,
        Set<ArticleFormat> formats,
        SummaryOptions summaryOptions,
        String backends,
        boolean allowFlagged) {

    /** Per-article output formats. */
    public enum ArticleFormat {
        JSON("json"),
        MD("md");

        private final String extension;

        ArticleFormat(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /**
         * The formats named ({@code json}, {@code md}, any case).
         *
         * @throws IllegalArgumentException naming an unknown one
         */
        public static Set<ArticleFormat> parse(List<String> names) {
            Set<ArticleFormat> formats = EnumSet.noneOf(ArticleFormat.class);
            for (String f : names) {
                try {
                    formats.add(valueOf(f.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--format: unknown format '" + f + "'; use json, md");
                }
            }
            return formats;
        }
    }

    public BatchOptions {
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        Objects.requireNonNull(out, "out");
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1");
        }
        formats = formats == null || formats.isEmpty()
                ? EnumSet.of(ArticleFormat.JSON, ArticleFormat.MD)
                : EnumSet.copyOf(formats);
        summaryOptions = summaryOptions == null ? SummaryOptions.DEFAULT : summaryOptions;
        backends = backends == null ? "" : backends;
    }

    /** Options under which a flagged translation fails its article. */
    public BatchOptions(
            List<String> inputs,
            Path out,
            Language translateTo,
            boolean summarize,
            Language brief,
            int jobs,
            Set<ArticleFormat> formats,
            SummaryOptions summaryOptions,
            String backends) {
        this(inputs, out, translateTo, summarize, brief, jobs, formats, summaryOptions, backends, false);
    }

    /** Inputs into {@code out}: no translation, summary or brief yet, 4 jobs, JSON and Markdown outputs. */
    public static BatchOptions of(List<String> inputs, Path out) {
        return new BatchOptions(inputs, out, null, false, null, 4, null, null, null, false);
    }

    public BatchOptions withInputs(List<String> newInputs) {
        return new BatchOptions(
                newInputs, out, translateTo, summarize, brief, jobs, formats, summaryOptions, backends, allowFlagged);
    }

    /** Translates each article into {@code language} (null: no translation). */
    public BatchOptions withTranslateTo(Language language) {
        return new BatchOptions(
                inputs, out, language, summarize, brief, jobs, formats, summaryOptions, backends, allowFlagged);
    }

    /** Summarizes each article in its own language. */
    public BatchOptions withSummarize(boolean on) {
        return new BatchOptions(
                inputs, out, translateTo, on, brief, jobs, formats, summaryOptions, backends, allowFlagged);
    }

    /** A brief of each article in {@code language} (null: none). */
    public BatchOptions withBrief(Language language) {
        return new BatchOptions(
                inputs, out, translateTo, summarize, language, jobs, formats, summaryOptions, backends, allowFlagged);
    }

    public BatchOptions withJobs(int n) {
        return new BatchOptions(
                inputs, out, translateTo, summarize, brief, n, formats, summaryOptions, backends, allowFlagged);
    }

    public BatchOptions withFormats(Set<ArticleFormat> fs) {
        return new BatchOptions(
                inputs, out, translateTo, summarize, brief, jobs, fs, summaryOptions, backends, allowFlagged);
    }

    public BatchOptions withSummaryOptions(SummaryOptions so) {
        return new BatchOptions(inputs, out, translateTo, summarize, brief, jobs, formats, so, backends, allowFlagged);
    }

    /** Names the backends and models; a different description makes every article new again. */
    public BatchOptions withBackends(String description) {
        return new BatchOptions(
                inputs, out, translateTo, summarize, brief, jobs, formats, summaryOptions, description, allowFlagged);
    }

    /** Accepts translations the completeness guard flagged (shown with their warnings) instead of failing them. */
    public BatchOptions withAllowFlagged(boolean on) {
        return new BatchOptions(
                inputs, out, translateTo, summarize, brief, jobs, formats, summaryOptions, backends, on);
    }

    /** What the per-article step makes. */
    public StepOptions step() {
        return new StepOptions(translateTo, summarize, brief, summaryOptions, allowFlagged);
    }

    /** Stable digest (12 hex chars) of the options that change outputs. */
    public String fingerprint() {
        String s = "v1|to=" + translateTo + "|sum=" + summarize + "|brief=" + brief + "|formats=" + formats + "|len="
                + summaryOptions.length() + "|style=" + summaryOptions.style() + "|backends=" + backends;
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

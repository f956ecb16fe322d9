package dev.dragoman.cli.batch;

import dev.dragoman.core.Language;
import dev.dragoman.core.summary.SummaryOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a batch run does. {@code translateTo}, {@code brief} may be null; {@code formats} are the per-article
 * outputs. {@link #fingerprint()} digests everything that changes an article's outputs: an item finished under other
 * options is not "done" for these. Immutable; variants via {@code with*}.
 */
record BatchOptions(
        List<String> inputs,
        Path out,
        Language translateTo,
        boolean summarize,
        Language brief,
        int jobs,
        Set<ArticleFormat> formats,
        SummaryOptions summaryOptions,
        String backends) {

    /** Per-article output formats. */
    enum ArticleFormat {
        JSON("json"),
        MD("md");

        final String extension;

        ArticleFormat(String extension) {
            this.extension = extension;
        }
    }

    BatchOptions {
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

    BatchOptions withInputs(List<String> newInputs) {
        return new BatchOptions(newInputs, out, translateTo, summarize, brief, jobs, formats, summaryOptions, backends);
    }

    /** Whether a summary is made at all (asked for, or needed by the brief). */
    boolean needsSummary() {
        return summarize || brief != null;
    }

    /** Stable digest (12 hex chars) of the options that change outputs. */
    String fingerprint() {
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

package dev.dragoman.cli.command;

import dev.dragoman.core.error.UsageException;
import dev.dragoman.core.summary.SummaryLength;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --sentences N | --words N | --ratio R} (a {@code @Mixin}); sentences default from the settings. */
public final class SummaryLengthOptions {

    @Option(
            names = {"-n", "--sentences"},
            paramLabel = "N",
            description = "Summary length in sentences (default: ${DEFAULT-VALUE}).")
    Integer sentences;

    @Option(names = "--words", paramLabel = "N", description = "Summary length in words (instead of sentences).")
    Integer words;

    @Option(
            names = "--ratio",
            paramLabel = "R",
            description = "Summary length as a share of the story's sentences (0 < R ≤ 1).")
    Double ratio;

    /** The length asked for; a flag for words or ratio overrides the default sentence count. */
    SummaryLength length(CommandSpec spec) {
        boolean sentencesGiven = spec.commandLine().getParseResult().hasMatchedOption("--sentences");
        int given = (sentencesGiven ? 1 : 0) + (words != null ? 1 : 0) + (ratio != null ? 1 : 0);
        if (given > 1) {
            throw new UsageException("give one of --sentences, --words or --ratio");
        }
        try {
            if (words != null) {
                return SummaryLength.words(words);
            }
            if (ratio != null) {
                return SummaryLength.ratio(ratio);
            }
            return SummaryLength.sentences(sentences == null ? 3 : sentences);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

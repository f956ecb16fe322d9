package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.CommonOptions;
import dev.dragoman.cli.Console;
import dev.dragoman.cli.ExitCodes;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.pipeline.config.ConfiguredBackends;
import dev.dragoman.pipeline.config.ConfiguredBackends.Wiring;
import dev.dragoman.pipeline.step.StepOptions;
import dev.dragoman.summarize.eval.EvalReport;
import dev.dragoman.summarize.eval.SummarizationEval;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dragoman eval summarize}: ROUGE of a summarizer and the Lead baselines on a data set. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate a backend on a data set.",
        subcommands = {EvalCommand.Summarize.class},
        footerHeading = "%nExamples:%n",
        footer = {"  dragoman eval summarize --dataset ../shared/data/eval/bbc-news-summary-en.dev.jsonl"})
public final class EvalCommand extends GroupCommand {

    /** {@code eval summarize}. */
    @Command(
            name = "summarize",
            mixinStandardHelpOptions = true,
            description = {
                "Score a summarizer with ROUGE-1/2/L F1 beside Lead-1 and Lead-3 baselines on a JSON Lines "
                        + "data set (fields id, lang, title, text, summaries).",
                "By default each summary is as long as its reference (in words); --sentences fixes a count."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  dragoman eval summarize --dataset ../shared/data/eval/ant-arabic-standfirst.dev.jsonl",
                "  dragoman eval summarize --dataset dev.jsonl --sentences 2 --per-article scores.jsonl"
            })
    static final class Summarize implements Callable<Integer> {
        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        CacheOptions cache;

        @Mixin
        FormatOption format;

        @Option(names = "--dataset", paramLabel = "FILE", required = true, description = "The data set (JSON Lines).")
        Path dataset;

        @Option(
                names = {"-b", "--backend"},
                paramLabel = "NAME",
                description = "Summarizer (default: ${DEFAULT-VALUE}).")
        String backend;

        @Option(
                names = {"-n", "--sentences"},
                paramLabel = "N",
                description = "Summary length in sentences (default: each reference's length in words).")
        Integer sentences;

        @Option(names = "--limit", paramLabel = "N", description = "Score only the first N articles.")
        int limit;

        @Option(
                names = "--per-article",
                paramLabel = "FILE",
                description = "Also write every article's scores (JSON Lines).")
        Path perArticle;

        Summarize(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            Console console = new Console(spec, common);
            // an explicit --sentences (or a configured count) fixes the length; otherwise match each reference
            boolean fixed = spec.commandLine().getParseResult().hasMatchedOption("--sentences");
            SummarizationEval.Options options = new SummarizationEval.Options(
                    fixed ? SummaryLength.sentences(sentences) : null, perArticle != null, limit);
            StepOptions step = new StepOptions(null, true, null, null);
            try (ConfiguredBackends backends = ConfiguredBackends.open(
                            context.settings(), step, cache.choice(null, backend), Wiring.of(console::retrying))
                    .onCacheWarning(w -> console.warnings(null, List.of(w)))) {
                Summarizer summarizer = backends.summarizer();
                EvalReport report =
                        console.timed("evaluate " + dataset, () -> SummarizationEval.run(dataset, summarizer, options));
                console.out().print(report.render(format.get()));
                if (perArticle != null) {
                    report.writePerArticle(perArticle);
                    console.note(
                            "wrote %d per-article scores to %s",
                            report.perArticle().size(), perArticle);
                }
                for (String failure : report.failures()) {
                    console.note("failed (scored 0): %s", failure);
                }
                return ExitCodes.OK;
            }
        }
    }
}

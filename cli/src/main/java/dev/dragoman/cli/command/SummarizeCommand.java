package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.Console;
import dev.dragoman.core.Language;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.core.write.SummaryWriter;
import dev.dragoman.pipeline.config.BackendChoice;
import dev.dragoman.pipeline.config.ConfiguredBackends;
import dev.dragoman.pipeline.config.ConfiguredBackends.Wiring;
import dev.dragoman.pipeline.config.Settings;
import dev.dragoman.pipeline.step.StepOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dragoman summarize}: the gist of each article, offline by default. */
@Command(
        name = "summarize",
        mixinStandardHelpOptions = true,
        description = {
            "Summarize the main story of each article (never the source line or 'read also' stories).",
            "The default backend, extractive, is embedded and offline: it needs no configuration. An LLM backend "
                    + "writes abstractive summaries, in another language with --lang."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  dragoman summarize examples/sana-2024-06-25-lukashenko.ar.txt",
            "  dragoman summarize story.txt --style bullets --sentences 5 --format md",
            "  dragoman summarize story.txt --backend gpt --lang en",
            "  dragoman summarize 'wire/*.txt' --backend gpt --estimate   # the cost first; nothing is sent"
        })
public final class SummarizeCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    IoOptions io;

    @Mixin
    SummaryLengthOptions length;

    @Mixin
    CacheOptions cache;

    @Option(
            names = {"-b", "--backend"},
            paramLabel = "NAME",
            description = "extractive (embedded), or an LLM backend's name (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(
            names = "--style",
            paramLabel = "STYLE",
            description = "headline, bullets or paragraph (default: ${DEFAULT-VALUE}).")
    SummaryOptions.Style style = SummaryOptions.Style.PARAGRAPH;

    @Option(
            names = "--lang",
            paramLabel = "LANG",
            description = "Summary language, a BCP 47 tag or a name (LLM backends; default: the article's).")
    Language lang;

    @Option(
            names = "--strict",
            description = "Fail (exit 65) when a summary states a number the article does not contain.")
    boolean strict;

    @Mixin
    EstimateOption estimate;

    @Mixin
    BudgetOption budget;

    SummarizeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Settings settings = context.settings();
        Console console = io.console();
        OutputFormat format = io.format();
        SummaryOptions options = SummaryOptions.DEFAULT
                .withLength(length.length(spec))
                .withStyle(style)
                .withOutputLanguage(lang)
                .withStrict(strict);
        StepOptions step = new StepOptions(null, true, null, options);
        BackendChoice choice = cache.choice(null, backend);
        if (estimate.requested()) {
            return estimate.print(context, io, settings, step, choice);
        }
        Settings run = budget.apply(settings);
        try (ConfiguredBackends backends = ConfiguredBackends.open(run, step, choice, Wiring.of(console::retrying))
                .onCacheWarning(w -> console.warnings(null, List.of(w)))) {
            Summarizer summarizer = backends.summarizer();
            SummaryWriter writer = new SummaryWriter(format);
            return backends.namingUnreachable(() -> io.run(context, format, ".summary", (input, article) -> {
                Summary summary =
                        console.timed("summarize " + input.name(), () -> summarizer.summarize(article, options));
                console.warnings(input.name(), summary.warnings());
                return writer.write(article, summary);
            }));
        } finally {
            BudgetOption.report(run, console);
        }
    }
}

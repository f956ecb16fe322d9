package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.Console;
import dev.dragoman.core.Language;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.core.write.SummaryWriter;
import dev.dragoman.pipeline.config.BackendChoice;
import dev.dragoman.pipeline.config.ConfiguredBackends;
import dev.dragoman.pipeline.config.ConfiguredBackends.Wiring;
import dev.dragoman.pipeline.config.Settings;
import dev.dragoman.pipeline.step.StepOptions;
import dev.dragoman.summarize.brief.Brief;
import dev.dragoman.summarize.brief.BriefPipeline;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dragoman brief}: a summary in another language for a fraction of a full translation. */
@Command(
        name = "brief",
        mixinStandardHelpOptions = true,
        description = {
            "Summarize in another language cheaply: choose the key sentences offline in the article's "
                    + "language, then translate only those (typically a quarter of the characters or less).",
            "An article already in the target language needs no translation backend."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  dragoman brief examples/sana-2024-06-25-lukashenko.ar.txt --to en",
            "  dragoman brief story.txt --to en --backend deepl --style bullets --format md"
        })
public final class BriefCommand implements Callable<Integer> {

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
            names = {"-t", "--to"},
            paramLabel = "LANG",
            description = "Language of the brief: a BCP 47 tag or a name, e.g. en, Arabic (default: ${DEFAULT-VALUE}).")
    Language to;

    @Option(
            names = {"-b", "--backend"},
            paramLabel = "NAME",
            description =
                    "Translation backend for the chosen sentences (default: the configuration's translate.backend).")
    String backend;

    @Option(
            names = "--style",
            paramLabel = "STYLE",
            description = "headline, bullets or paragraph (default: ${DEFAULT-VALUE}).")
    SummaryOptions.Style style = SummaryOptions.Style.PARAGRAPH;

    @Mixin
    GlossaryOption glossary;

    @Option(names = "--strict", description = "Fail (exit 65) instead of flagging sentences that look untranslated.")
    boolean strict;

    @Mixin
    EstimateOption estimate;

    @Mixin
    BudgetOption budget;

    BriefCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Console console = io.console();
        Settings settings = glossary.apply(context.settings(), console);
        OutputFormat format = io.format();
        Language target = to == null ? Language.ENGLISH : to;
        SummaryOptions options = SummaryOptions.DEFAULT
                .withLength(length.length(spec))
                .withStyle(style)
                .withStrict(strict);
        StepOptions step = new StepOptions(null, false, target, options);
        BackendChoice choice = cache.choice(backend, "extractive").withTranslateFlag("--backend");
        if (estimate.requested()) {
            return estimate.print(context, io, settings, step, choice);
        }
        Settings run = budget.apply(settings);
        Wiring wiring = Wiring.of(console::retrying).withStrict(strict).withTranslateOnDemand(true);
        try (ConfiguredBackends backends = ConfiguredBackends.open(run, step, choice, wiring)
                .onCacheWarning(w -> console.warnings(null, List.of(w)))) {
            BriefPipeline pipeline = new BriefPipeline(backends.summarizer(), backends.briefTranslator());
            SummaryWriter writer = new SummaryWriter(format);
            int code = backends.namingUnreachable(() ->
                    io.run(context, format, ".brief." + target.tag(), (input, article) -> {
                        Brief brief =
                                console.timed("brief " + input.name(), () -> pipeline.brief(article, target, options));
                        console.warnings(input.name(), brief.summary().warnings());
                        console.note(
                                "%s: sent %d of %d characters to translation (%.0f%% of the whole article)",
                                input.name(),
                                brief.charactersSent(),
                                brief.charactersWholeArticle(),
                                100 * brief.sentRatio());
                        return writer.write(article, brief.summary());
                    }));
            if (backends.translateBackend() != null) { // what translating the chosen sentences spent
                console.note("%s", backends.translationUsage());
            }
            return code;
        } finally {
            BudgetOption.report(run, console);
        }
    }
}

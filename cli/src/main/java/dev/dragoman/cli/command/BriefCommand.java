package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.Console;
import dev.dragoman.core.Language;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.translation.Translator;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.core.write.SummaryWriter;
import dev.dragoman.pipeline.config.BackendConfig;
import dev.dragoman.pipeline.config.BackendListing;
import dev.dragoman.pipeline.config.ConfiguredBackends;
import dev.dragoman.pipeline.config.Settings;
import dev.dragoman.pipeline.step.StepOptions;
import dev.dragoman.summarize.brief.Brief;
import dev.dragoman.summarize.brief.BriefPipeline;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
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
        if (estimate.requested()) {
            List<dev.dragoman.core.Article> articles = io.readAll(context);
            StepOptions step = new StepOptions(null, false, target, options);
            return estimate.print(
                    ConfiguredBackends.estimate(
                            settings, step, cache.choice(backend, "extractive"), e -> e.estimate(articles, step)),
                    format,
                    console);
        }
        Settings run = budget.apply(settings);
        UsageMeter meter = new UsageMeter();
        try (MeteredResultCache store = cache.open(settings, console)) {
            Translator translator = run.briefTranslator(
                    backend,
                    target,
                    backends -> backends.withCache(store)
                            .withMeter(meter)
                            .withStrict(strict)
                            .withRetryListener(console::retrying));
            BriefPipeline pipeline = new BriefPipeline(new ExtractiveSummarizer(), translator);
            SummaryWriter writer = new SummaryWriter(format);
            int code = io.run(context, format, ".brief." + target.tag(), (input, article) -> {
                Brief brief = console.timed("brief " + input.name(), () -> pipeline.brief(article, target, options));
                console.warnings(input.name(), brief.summary().warnings());
                console.note(
                        "%s: sent %d of %d characters to translation (%.0f%% of the whole article)",
                        input.name(), brief.charactersSent(), brief.charactersWholeArticle(), 100 * brief.sentRatio());
                return writer.write(article, brief.summary());
            });
            if (backend != null && !backend.isBlank()) { // what translating the chosen sentences spent
                BackendConfig b = run.translationBackend(backend, List.of(target));
                console.note("%s", BackendListing.usageLine(b, meter.total(), store.counters()));
            }
            return code;
        } finally {
            BudgetOption.report(run, console);
        }
    }
}

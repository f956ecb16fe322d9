package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.Console;
import dev.dragoman.core.Language;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.pipeline.config.BackendChoice;
import dev.dragoman.pipeline.config.BackendConfig;
import dev.dragoman.pipeline.config.ConfiguredBackends;
import dev.dragoman.pipeline.config.ConfiguredBackends.Wiring;
import dev.dragoman.pipeline.config.Settings;
import dev.dragoman.pipeline.step.StepOptions;
import dev.dragoman.translate.ArticleTranslation;
import dev.dragoman.translate.ArticleTranslationWriter;
import dev.dragoman.translate.ArticleTranslator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dragoman translate}: articles into another language, structure kept, every segment cached. */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        description = {
            "Translate articles part by part (headline, dateline, each paragraph, source line, each "
                    + "'read also' story) through a configured backend. Every part is cached: a re-run costs nothing.",
            "Needs a backend: see 'dragoman config init' and 'dragoman backends'."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  dragoman translate story.txt --to en",
            "  dragoman translate story.txt --backend deepl --bilingual -f html -o story.html",
            "  dragoman translate 'wire/*.txt' --to fr -o out/",
            "  dragoman translate 'wire/*.txt' --to fr --estimate     # the cost first; nothing is sent"
        })
public final class TranslateCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    IoOptions io;

    @Mixin
    CacheOptions cache;

    @Option(
            names = {"-t", "--to"},
            paramLabel = "LANG",
            description =
                    "Target language: a BCP 47 tag or a name, e.g. en, pt-BR, Arabic (default: ${DEFAULT-VALUE}).")
    Language to;

    @Option(
            names = "--from",
            paramLabel = "LANG",
            description = "Source language (default: the article's, else detected).")
    Language from;

    @Option(
            names = {"-b", "--backend"},
            paramLabel = "NAME",
            description =
                    "Backend name from the configuration, or a type (deepl, ollama, …) (default: the configuration's"
                            + " translate.backend).")
    String backend;

    @Mixin
    GlossaryOption glossary;

    @Option(
            names = "--formality",
            paramLabel = "LEVEL",
            description = "default, more or less (where the backend supports it).")
    TranslationOptions.Formality formality = TranslationOptions.Formality.DEFAULT;

    @Option(
            names = "--bilingual",
            description = "Source and translation side by side, paragraph by paragraph (md or html).")
    boolean bilingual;

    @Option(names = "--strict", description = "Fail (exit 65) instead of flagging parts that look untranslated.")
    boolean strict;

    @Mixin
    EstimateOption estimate;

    @Mixin
    BudgetOption budget;

    TranslateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Console console = io.console();
        Settings settings = glossary.apply(context.settings(), console);
        ArticleTranslationWriter writer = ArticleTranslationWriter.of(io.format(), bilingual);
        if (to == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing the target language: pass --to LANG");
        }
        Language target = to;
        TranslationOptions options = TranslationOptions.DEFAULT.withFormality(formality);
        StepOptions step = new StepOptions(target, false, null, null).withTranslation(from, options);
        BackendChoice choice = cache.choice(backend, null).withTranslateFlag("--backend");
        if (estimate.requested()) {
            return estimate.print(context, io, settings, step, choice);
        }
        Settings run = budget.apply(settings);
        try (ConfiguredBackends backends = ConfiguredBackends.open(
                        run, step, choice, Wiring.of(console::retrying).withStrict(strict))
                .onCacheWarning(w -> console.warnings(null, List.of(w)))) {
            BackendConfig b = backends.translateBackend();
            console.detail(
                    "backend %s: type %s, model %s",
                    b.name(),
                    b.type(),
                    b.spec().model() == null ? "-" : b.spec().model());
            // retry outside the per-segment cache outside the guards, rate limit and metering (Translators)
            ArticleTranslator translator = ArticleTranslator.over(backends.translator());
            int code = backends.namingUnreachable(() ->
                    io.run(context, writer.format(), "." + target.tag(), (input, article) -> {
                        ArticleTranslation t = console.timed(
                                "translate " + input.name(),
                                () -> translator.translate(article, from, target, options));
                        console.warnings(input.name(), t.provenance().notices());
                        return writer.write(article, t);
                    }));
            console.note("%s", backends.translationUsage());
            BudgetOption.report(run, console);
            return code;
        }
    }
}

package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.Console;
import dev.dragoman.core.Article;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.pipeline.config.BackendChoice;
import dev.dragoman.pipeline.config.ConfiguredBackends;
import dev.dragoman.pipeline.config.Settings;
import dev.dragoman.pipeline.cost.Estimate;
import dev.dragoman.pipeline.step.StepOptions;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --estimate} for every command that can call a paid backend (a {@code @Mixin}): the command maps its other
 * options onto the estimate the pipeline makes ({@code ConfiguredBackends.estimate}) and prints it here, the same
 * way for {@code batch}, {@code translate} and {@code summarize}.
 */
public final class EstimateOption {

    @Option(
            names = "--estimate",
            description = "Call no backend: print what the run would cost (what the cache would not answer, priced "
                    + "live and deferred; prices from the shipped table and the configuration's 'prices:') as a "
                    + "table, or as json/md with --format json|md, and exit.")
    boolean requested;

    /** True when {@code --estimate} was given. */
    public boolean requested() {
        return requested;
    }

    /** Prints what running {@code step} over every article {@code io} reads would cost, calling no backend. */
    int print(CliContext context, IoOptions io, Settings settings, StepOptions step, BackendChoice choice) {
        List<Article> articles = io.readAll(context);
        return print(
                ConfiguredBackends.estimate(settings, step, choice, e -> e.estimate(articles, step)),
                io.format(),
                io.console());
    }

    /**
     * Prints {@code estimate} on standard output ({@code TEXT}: a table) and its {@link Estimate#notes} on stderr.
     *
     * @return the exit code, 0
     */
    public int print(Estimate estimate, OutputFormat format, Console console) {
        console.out().print(estimate.table().render(format));
        console.out().flush();
        estimate.notes().forEach(note -> console.note("%s", note));
        return 0;
    }
}

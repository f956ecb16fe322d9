package dev.dragoman.cli.batch;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.Console;
import dev.dragoman.cli.VersionProvider;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.UsageException;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.batch.Fetcher;
import dev.dragoman.pipeline.batch.HttpFetcher;
import dev.dragoman.pipeline.batch.JobsGate;
import dev.dragoman.pipeline.config.BackendChoice;
import dev.dragoman.pipeline.config.ConfiguredBackends;
import dev.dragoman.pipeline.config.Settings;
import dev.dragoman.pipeline.cost.Estimate;
import dev.dragoman.pipeline.deferred.DeferredBatches;
import dev.dragoman.pipeline.schedule.BatchJob;
import dev.dragoman.pipeline.schedule.Schedule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dragoman batch}: many inputs, per-article outputs, a digest; once or on a schedule. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Read many inputs (files, directories, globs, feed and page URLs), translate and summarize each article, "
                    + "and write per-article outputs and a digest grouped by story under --out.",
            "Resumable: run the same command again after a crash or kill and only unfinished and failed items are "
                    + "redone."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  dragoman batch wire/ --out news/ --translate-to en --estimate   # the cost first; calls no backend",
            "  dragoman batch wire/ https://example.org/rss --out news/ --translate-to en --summarize --jobs 4",
            "  dragoman batch https://example.org/rss --out news/ --brief en --cron \"0 7 * * *\" --zone Europe/Berlin"
        })
public final class BatchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, directories, globs, feed or page URLs.")
    List<String> inputs = new ArrayList<>();

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Output directory (also holds the state).")
    Path out;

    @Option(
            names = "--translate-to",
            paramLabel = "LANG",
            description = "Translate each article to LANG (a BCP 47 tag or a name: en, Arabic).")
    Language translateTo;

    @Option(
            names = "--summarize",
            description = "Summarize each article: in its language, or with --translate-to, its translation.")
    boolean summarize;

    @Option(names = "--brief", paramLabel = "LANG", description = "A short summary in LANG for each article.")
    Language brief;

    @Option(
            names = "--strict",
            description = "A flagged translation or a summary failing its checks fails the item for good (65).")
    boolean strict;

    @Option(
            names = "--allow-flagged",
            description = "Keep translations flagged as untranslated-looking (with their warnings) instead of failing"
                    + " the item (retriable) for a later run.")
    boolean allowFlagged;

    @Option(
            names = "--jobs",
            defaultValue = "4",
            paramLabel = "N",
            description =
                    "Backend calls in flight at once; reading and writing other items overlap them (default ${DEFAULT-VALUE}).")
    int jobs;

    @Option(
            names = "--format",
            split = ",",
            defaultValue = "json,md",
            paramLabel = "FORMAT",
            description = "Per-article outputs: json, md (default ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--every", paramLabel = "DURATION", description = "Stay up and run every DURATION (30m, 1h, PT6H).")
    String every;

    @Option(
            names = "--cron",
            paramLabel = "EXPR",
            description = "Stay up and run on a five-field cron schedule (needs --zone).")
    String cron;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of --cron, e.g. Europe/Berlin or UTC.")
    String zone;

    @Option(
            names = "--per-host",
            defaultValue = "2",
            paramLabel = "N",
            description = "Fetches in flight per host (default ${DEFAULT-VALUE}).")
    int perHost;

    @Option(
            names = "--fetch-timeout",
            defaultValue = "30s",
            paramLabel = "DURATION",
            description = "HTTP fetch timeout (default ${DEFAULT-VALUE}).")
    Duration fetchTimeout;

    @Option(
            names = "--deferred",
            description = "Send the language-model requests the cache cannot answer as one provider batch (OpenAI"
                    + " Batch API, Anthropic Message Batches: half the price, within 24 h) and exit 3; run the same"
                    + " command again later to complete the run from the answers.")
    boolean deferred;

    @Option(
            names = "--wait",
            description = "With --deferred: stay until the batches have ended and the run is complete.")
    boolean waitForBatches;

    @Option(
            names = "--poll-every",
            defaultValue = "1m",
            paramLabel = "DURATION",
            description = "With --deferred --wait: how often to look at a batch in flight (default ${DEFAULT-VALUE}).")
    Duration pollEvery;

    @Option(
            names = "--translate-backend",
            paramLabel = "NAME",
            description =
                    "Backend for --translate-to and --brief (default: 'translate: backend:' of the configuration).")
    String translateBackend;

    @Option(
            names = "--summarize-backend",
            paramLabel = "NAME",
            description = "extractive or an LLM backend for --summarize and --brief (default: ${DEFAULT-VALUE}).")
    String summarizeBackend;

    @CommandLine.Mixin
    dev.dragoman.cli.command.GlossaryOption glossary = new dev.dragoman.cli.command.GlossaryOption();

    @CommandLine.Mixin
    dev.dragoman.cli.CommonOptions common = new dev.dragoman.cli.CommonOptions();

    @CommandLine.Mixin
    dev.dragoman.cli.command.CacheOptions cache = new dev.dragoman.cli.command.CacheOptions();

    @Option(
            names = "--progress",
            defaultValue = "auto",
            paramLabel = "MODE",
            description = "auto (a bar on a terminal, else one line per item), bar or lines.")
    ProgressListeners.Mode progress;

    @CommandLine.Mixin
    dev.dragoman.cli.command.BudgetOption budget = new dev.dragoman.cli.command.BudgetOption();

    @CommandLine.Mixin
    dev.dragoman.cli.command.EstimateOption estimate = new dev.dragoman.cli.command.EstimateOption();

    @CommandLine.Mixin
    EngineOptions engine = new EngineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CliContext context;

    /** The command as {@code Main} registers it: backends come from the CLI's configuration. */
    public BatchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try {
            return execute(spec.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage()); // a bad --every, --cron, --zone, --format, --jobs or --wait
        }
    }

    private int execute(PrintWriter err) {
        Schedule schedule = Schedule.of(every, cron, zone); // usage errors before any backend is built
        DeferredBatches batches = DeferredBatches.asked(deferred, waitForBatches, pollEvery);
        // --quiet: no progress; failures still go to failures.jsonl and the exit code
        BatchListener listener = common.quiet() ? BatchListener.NONE : ProgressListeners.of(progress, err);
        Console console = new Console(spec, common);
        BatchOptions options = new BatchOptions(
                        inputs,
                        out,
                        translateTo,
                        summarize,
                        brief,
                        jobs,
                        BatchOptions.ArticleFormat.parse(formats),
                        strict ? SummaryOptions.DEFAULT.withStrict(true) : null,
                        null)
                .withAllowFlagged(allowFlagged);
        BackendChoice choice =
                cache.choice(translateBackend, summarizeBackend).withTranslateFlag("--translate-backend");
        Fetcher fetcher = HttpFetcher.of(VersionProvider.version(), fetchTimeout, perHost);
        if (estimate.requested()) {
            Estimate e = ConfiguredBackends.estimate(
                    glossary.apply(context.settings(), console),
                    options.step(),
                    choice,
                    estimator -> estimator.estimate(options, fetcher));
            boolean formatGiven = spec.commandLine().getParseResult().hasMatchedOption("--format");
            return estimate.print(e, formatGiven ? OutputFormat.parse(formats.get(0)) : OutputFormat.TEXT, console);
        }
        if (engine.flink()) {
            return flink(schedule, batches, options, choice, console, err);
        }
        Settings settings = budget.apply(glossary.apply(context.settings(), console));
        // --jobs: a permit only while a backend request is on the wire, not while a worker reads, waits for the
        // cache or the rate limiter, or writes
        JobsGate gate = JobsGate.of(jobs);
        try (ConfiguredBackends backends = ConfiguredBackends.open(
                        settings.withGate(gate), options.step(), choice, console::retrying, batches)
                .onCacheWarning(w -> console.note("Warning: %s.", w))) {
            BatchEngine engine = BatchEngine.builder(options.withBackends(backends.describe()))
                    .translator(backends.translator())
                    .summarizer(backends.summarizer())
                    .gate(gate)
                    .deferred(batches)
                    .fetcher(fetcher)
                    .build();
            return run(BatchJob.once(engine).on(schedule), listener, err);
        } finally {
            dev.dragoman.cli.command.BudgetOption.report(settings, console);
        }
    }

    /** Runs the job; SIGTERM stops it after the items in flight are finished and journaled. */
    private int run(BatchJob job, BatchListener listener, PrintWriter err) {
        if (job.schedule() != null) {
            err.println("dragoman batch: scheduled " + job.schedule().describe() + "; stop with SIGTERM or Ctrl-C");
            err.flush();
        }
        BatchJob.Run last = job.runUntilShutdown(listener, r -> print(r, err));
        return last == null ? 0 : last.report().exitCode();
    }

    private void print(BatchJob.Run r, PrintWriter err) {
        synchronized (err) {
            r.notes(out).forEach(err::println);
            err.flush();
        }
    }

    /** {@code --engine flink}: the same options and configured backends, run once as a Flink job. */
    private int flink(
            Schedule schedule,
            DeferredBatches batches,
            BatchOptions options,
            BackendChoice choice,
            Console console,
            PrintWriter err) {
        if (schedule != null
                || batches != null
                || spec.commandLine().getParseResult().hasMatchedOption("--format")) {
            throw new IllegalArgumentException(
                    "--engine flink runs once and writes JSON Lines: leave out --every, --cron, --deferred and --format");
        }
        if (budget.apply(context.settings()).budget() != null) {
            throw new IllegalArgumentException("--engine flink does not keep --max-cost (budget:) across its workers:"
                    + " leave the budget out, or run the batch without --engine flink");
        }
        BatchJob.Run run = engine.run(
                options, ConfiguredBackends.specs(glossary.apply(context.settings(), console), options.step(), choice));
        err.println(run.report().summaryLine());
        print(run, err);
        return run.report().exitCode();
    }
}

package dev.dragoman.cli;

import dev.dragoman.cli.command.BackendsCommand;
import dev.dragoman.cli.command.BriefCommand;
import dev.dragoman.cli.command.CacheCommand;
import dev.dragoman.cli.command.CompletionCommand;
import dev.dragoman.cli.command.ConfigCommand;
import dev.dragoman.cli.command.DetectCommand;
import dev.dragoman.cli.command.EvalCommand;
import dev.dragoman.cli.command.GlossaryCommand;
import dev.dragoman.cli.command.ParseCommand;
import dev.dragoman.cli.command.ServeCommand;
import dev.dragoman.cli.command.SummarizeCommand;
import dev.dragoman.cli.command.TranslateCommand;
import dev.dragoman.cli.config.ConfigDefaultProvider;
import dev.dragoman.core.backend.MissingKeyException;
import dev.dragoman.core.cache.CachePaths;
import dev.dragoman.core.error.Reasons;
import dev.dragoman.core.error.RedactingStream;
import dev.dragoman.core.error.Secrets;
import dev.dragoman.core.error.UsageException;
import dev.dragoman.core.text.Durations;
import dev.dragoman.pipeline.config.ConfigPaths;
import dev.dragoman.pipeline.config.LogLevels;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code dragoman} command line. {@link #run} is the testable entry point; {@link #main} only wires the real
 * stdio and environment.
 *
 * <p>Commands are created by a factory that hands them the run's {@link CliContext} (a constructor taking one);
 * commands without such a constructor get picocli's default factory.
 *
 * <p>Start-up: picocli builds a command's model by reflection over its annotations, about 20 ms per command on a
 * cold JVM. A run that names its subcommand ({@code dragoman parse …}) registers only that one, and
 * {@code dragoman --version} none; the top-level help, {@code help}, an unknown name and completion get them all.
 */
@Command(
        name = "dragoman",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Translate and summarize news articles.",
        footerHeading = "%nExamples:%n",
        footer = {"  dragoman summarize story.txt", "  dragoman translate story.txt --to en --format md -o story.en.md"
        })
public final class Main implements Runnable {

    /** The subcommands in the order the help lists them, by the name their {@code @Command} gives. */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("parse", ParseCommand.class);
        m.put("detect", DetectCommand.class);
        m.put("translate", TranslateCommand.class);
        m.put("summarize", SummarizeCommand.class);
        m.put("brief", BriefCommand.class);
        m.put("backends", BackendsCommand.class);
        m.put("cache", CacheCommand.class);
        m.put("glossary", GlossaryCommand.class);
        m.put("eval", EvalCommand.class);
        m.put("config", ConfigCommand.class);
        m.put("completion", CompletionCommand.class);
        m.put("batch", dev.dragoman.cli.batch.BatchCommand.class);
        m.put("serve", ServeCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /** Subcommands that read the whole command tree. */
    private static final Set<String> WHOLE_TREE = Set.of("help", "completion");

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI with the real environment and stdin, and the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CliContext.system(), out, err, args);
    }

    /** Runs the CLI in {@code context} (environment, stdin) with the given streams; returns the exit code. */
    public static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        context.load(args);
        // registers the keys: every error built from now on has them masked, whatever sink it reaches; library
        // logging (slf4j-simple writes to System.err) passes through the same redaction
        List<String> secrets = context.secrets();
        Secrets.register(secrets);
        installRedactingSystemErr();
        RedactingStream.showTraces(LogLevels.Verbosity.of(args) == LogLevels.Verbosity.VERBOSE);
        PrintWriter safeOut = secrets.isEmpty() ? out : Secrets.redacting(out);
        PrintWriter safeErr = secrets.isEmpty() ? err : Secrets.redacting(err);
        try {
            CommandLine cli = commandLine(context, args);
            cli.setOut(safeOut);
            cli.setErr(safeErr);
            return cli.execute(args);
        } finally {
            safeOut.flush();
            safeErr.flush();
            out.flush();
            err.flush();
        }
    }

    /** Wraps {@code System.err} once; later calls (another in-process run) keep the wrapper. */
    private static synchronized void installRedactingSystemErr() {
        System.setErr(RedactingStream.over(System.err));
    }

    /** The whole configured command tree (also used to generate shell completion). */
    static CommandLine commandLine(CliContext context) {
        return commandLine(context, new String[0]);
    }

    /** The configured command tree with the subcommands {@code args} can reach (all when in doubt). */
    static CommandLine commandLine(CliContext context, String... args) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cli = new CommandLine(new Main(), factory);
        Set<String> names = reachable(args);
        for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
            if (names.contains(e.getKey())) {
                cli.addSubcommand(e.getKey(), new CommandLine(e.getValue(), factory));
            }
        }
        cli.registerConverter(dev.dragoman.core.Language.class, new LanguageConverter());
        cli.registerConverter(java.time.Duration.class, Durations::parseDuration); // 30s, 1m, PT6H
        cli.setCaseInsensitiveEnumValuesAllowed(true); // --style bullets, --formality more
        cli.setDefaultValueProvider(new ConfigDefaultProvider(context.settingsForDefaults()));
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> handleExecutionException(context, ex, cmd, parsed));
        cli.setParameterExceptionHandler(Main::handleParameterException);
        cli.setExitCodeExceptionMapper(ExitCodes::of);
        document(cli);
        if (cli.getSubcommands().containsKey("config")) {
            ConfigCommand.Show.addSettingOptions(cli.getSubcommands()
                    .get("config")
                    .getSubcommands()
                    .get("show")
                    .getCommandSpec());
        }
        return cli;
    }

    /**
     * The subcommands a run with {@code args} can reach: the one named by the first word when it names one (other
     * than {@code help} and {@code completion}, which read the whole tree), none for {@code --version} alone, else all of them (usage, help, suggestions for a typo).
     * The top-level command takes no options but {@code -h}/{@code -V}, so the first word that is not an option is
     * the subcommand.
     */
    static Set<String> reachable(String... args) {
        boolean version = false;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (!a.startsWith("-")) {
                return SUBCOMMANDS.containsKey(a) && !WHOLE_TREE.contains(a) ? Set.of(a) : SUBCOMMANDS.keySet();
            }
            if (a.equals("-h") || a.equals("--help")) {
                return SUBCOMMANDS.keySet();
            }
            version |= a.equals("-V") || a.equals("--version");
        }
        return version ? Set.of() : SUBCOMMANDS.keySet();
    }

    /** Every command: the version, and the exit codes in {@code --help}. */
    private static void document(CommandLine cli) {
        CommandSpec s = cli.getCommandSpec();
        if (s.mixinStandardHelpOptions()) {
            s.versionProvider(new VersionProvider());
        }
        s.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.documented());
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec() != s) {
                document(sub);
            }
        }
    }

    private static int handleExecutionException(
            CliContext context, Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = matched(parseResult, "--verbose");
        if (ex instanceof CommandLine.ParameterException pe) {
            return handleParameterException(pe, new String[0]);
        }
        if (ex instanceof UsageException) {
            return handleParameterException(new CommandLine.ParameterException(cmd, ex.getMessage()), new String[0]);
        }
        err.print(
                ex instanceof MissingKeyException missing
                        ? "dragoman: " + context.settingsForDefaults().explain(missing) + "\n"
                        : Reasons.report("dragoman", ex, verbose));
        err.flush();
        return ExitCodes.of(ex);
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("dragoman: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static boolean matched(ParseResult pr, String option) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }

    public static void main(String[] args) {
        configureLogging(args);
        CachePaths.useNativeLibraryDirectory(System.getenv(), ConfigPaths.home(System.getenv()));
        Preload.startIfUseful(args);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(out, err, args);
        System.exit(code);
    }

    /** Library logging from the verbosity flags ({@link LogLevels}), before the first logger exists. */
    static void configureLogging(String... args) {
        LogLevels.configure(LogLevels.Verbosity.of(args), args.length > 0 && args[0].equals("serve"));
    }

    /** Creates commands, handing a {@link CliContext} to those whose constructor takes one. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> constructor = cls.getDeclaredConstructor(CliContext.class);
                constructor.setAccessible(true);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return fallback.create(cls);
            }
        }
    }
}

package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.CommonOptions;
import dev.dragoman.cli.Console;
import dev.dragoman.cli.ExitCodes;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.config.BackendConfig;
import dev.dragoman.pipeline.config.BackendTypes;
import dev.dragoman.pipeline.config.Setting;
import dev.dragoman.pipeline.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dragoman backends [--check]}: the configured backends, never their keys. */
@Command(
        name = "backends",
        mixinStandardHelpOptions = true,
        description = {
            "List the configured backends: type, model, base URL, limits and whether a key is present "
                    + "(never the key).",
            "With --check, make one cheap real call to each and report status and latency."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  dragoman backends", "  dragoman backends --check"})
public final class BackendsCommand implements Callable<Integer> {

    private static final String EXTRACTIVE = "extractive";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--check", description = "Make one cheap real call to each backend; report status and latency.")
    boolean check;

    BackendsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Settings settings = context.settings();
        Backends registry = BackendTypes.registry();
        Console console = new Console(spec, common);
        List<BackendConfig> backends = new ArrayList<>(settings.configuredBackends());
        if (backends.stream().noneMatch(b -> b.type().equals(EXTRACTIVE)) && registry.knows(EXTRACTIVE)) {
            backends.add(settings.backend(EXTRACTIVE));
        }
        if (check) {
            return check(console, settings, backends);
        }
        String translateDefault = settings.resolve(Setting.TRANSLATE_BACKEND).value();
        String summarizeDefault = settings.resolve(Setting.SUMMARIZE_BACKEND).value();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "TYPE", "MODEL", "BASE URL", "LIMITS", "KEY", "DEFAULT FOR"});
        for (BackendConfig b : backends) {
            List<String> uses = new ArrayList<>();
            if (b.name().equals(translateDefault)) {
                uses.add("translate");
            }
            if (b.name().equals(summarizeDefault)) {
                uses.add("summarize");
            }
            rows.add(new String[] {
                b.name(),
                b.type(),
                b.spec().model() == null ? "-" : b.spec().model(),
                baseUrl(b),
                limits(b),
                keyStatus(b, settings.env()),
                uses.isEmpty() ? "-" : String.join(", ", uses)
            });
        }
        printTable(console, rows);
        if (settings.configuredBackends().isEmpty()) {
            console.note(
                    "No backends configured in %s; 'dragoman config init' writes a starter file.",
                    settings.config().path());
        }
        return ExitCodes.OK;
    }

    private int check(Console console, Settings settings, List<BackendConfig> backends) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "TYPE", "STATUS", "LATENCY", "DETAIL"});
        int failures = 0;
        for (BackendConfig b : backends) {
            BackendCheck.Result r = BackendCheck.run(b, settings.backends(b));
            if (!r.ok()) {
                failures++;
            }
            rows.add(new String[] {
                b.name(),
                b.type(),
                r.ok() ? "ok" : "FAILED",
                r.latencyMillis() < 0 ? "-" : r.latencyMillis() + " ms",
                r.detail()
            });
        }
        printTable(console, rows);
        if (failures > 0) {
            console.note("%d of %d backends failed the check.", failures, backends.size());
            return ExitCodes.UNAVAILABLE;
        }
        return ExitCodes.OK;
    }

    /** The base URL, "(by key)" for a keyed service that picks its host by the key (DeepL), or "-". */
    static String baseUrl(BackendConfig b) {
        if (b.spec().baseUrl() != null) {
            return b.spec().baseUrl();
        }
        return BackendTypes.registry().keyRequired(b.spec()) ? "(by key)" : "-";
    }

    /** "60 req/min, 100000 chars/min, timeout 120s, 5 attempts", or "-". */
    static String limits(BackendConfig b) {
        List<String> parts = new ArrayList<>();
        BackendSpec s = b.spec();
        if (s.limits().requestsPerMinute() > 0) {
            parts.add(s.limits().requestsPerMinute() + " req/min");
        }
        if (s.limits().charactersPerMinute() > 0) {
            parts.add(s.limits().charactersPerMinute() + " chars/min");
        }
        if (s.limits().tokensPerMinute() > 0) {
            parts.add(s.limits().tokensPerMinute() + " tokens/min");
        }
        if (s.timeout() != null) {
            parts.add("timeout " + s.timeout().toSeconds() + "s");
        }
        if (s.attempts() > 0) {
            parts.add(s.attempts() + " attempts");
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    /** "yes (OPENAI_API_KEY)", "no (set DEEPL_AUTH_KEY)", "not needed", "yes (written in the file)". Never the key. */
    static String keyStatus(BackendConfig b, Map<String, String> env) {
        if (b.literalKey() != null) {
            return "key: yes (written in the file: [REDACTED])";
        }
        String variable = b.spec().keyVariable();
        boolean present = b.apiKey(env).isPresent();
        if (variable == null) {
            return "key: not needed";
        }
        if (present) {
            return "key: yes (" + variable + ")";
        }
        return BackendTypes.registry().keyRequired(b.spec())
                ? "key: no (set " + variable + ")"
                : "key: not needed (" + variable + " unset)";
    }

    private static void printTable(Console console, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i == r.length - 1 ? r[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", r[i]));
            }
            console.out().println(sb.toString().stripTrailing());
        }
    }
}

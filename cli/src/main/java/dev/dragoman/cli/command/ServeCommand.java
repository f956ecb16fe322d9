package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.CommonOptions;
import dev.dragoman.cli.Console;
import dev.dragoman.cli.VersionProvider;
import dev.dragoman.pipeline.config.Setting;
import dev.dragoman.serve.ApiKey;
import dev.dragoman.serve.DragomanServer;
import dev.dragoman.serve.ServeConfig;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dragoman serve}: the HTTP server (module serve) over the configured backends. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the configured backends over HTTP: the LibreTranslate API (/translate, /detect, /languages), the "
                    + "DeepL API v2 (/v2/translate, /v2/usage, /v2/languages), Dragoman's /api/v1 (OpenAPI at "
                    + "/api/v1/openapi.json), a web page at /, and /health, /ready, /metrics.",
            "Settings under 'serve:' in the configuration file (backends, summarizer, keys, digests, max-body, "
                    + "max-glossary, max-glossaries-total, max-in-flight, char-limit, languages). Without keys it listens on loopback only. "
                    + "SIGTERM lets requests in flight finish."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  dragoman serve --port 5000",
            "  curl -s localhost:5000/translate -H 'Content-Type: application/json' \\",
            "       -d '{\"q\":\"مرحبا\",\"source\":\"auto\",\"target\":\"en\"}'",
            "  head -c 32 /dev/urandom | base64 | tee alice.key | dragoman serve --hash-key   # a line for the keys file"
        })
public final class ServeCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    GlossaryOption glossary;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--hash-key",
            description = "Read a client key from standard input and print its keys-file line (NAME sha256:…), "
                    + "then exit; the key itself is never stored.")
    boolean hashKey;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (hashKey) {
            spec.commandLine().getOut().println(ApiKey.keysFileLine(context.stdin()));
            return 0;
        }
        Console console = new Console(spec, common);
        String budget = context.settings().resolve(Setting.BUDGET).value();
        if (budget != null) {
            // said, not silently ignored: a cap per process would reset at every restart and promise what it cannot
            console.note(
                    "dragoman serve: budget (%s) is not applied: it caps one run of translate, summarize, brief or"
                            + " batch, and a server has no run to cap; limit what clients may send with per-key"
                            + " characters/min in serve.keys",
                    budget);
        }
        try (ServeConfig config = ServeConfig.open(glossary.apply(context.settings(), console), host, port);
                DragomanServer server = DragomanServer.start(
                                config.options(), config.backends(), VersionProvider.version())
                        .stopAtShutdown()) {
            console.note(
                    "dragoman serve: listening on %s (backends: %s)",
                    server.url(),
                    String.join(", ", config.backends().translators().keySet()));
            server.join();
        }
        return 0;
    }
}

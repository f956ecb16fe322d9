package dev.dragoman.cli.batch;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Test-only main class run as a real child process by {@link BatchKillResumeTest}: {@code dragoman batch} with a
 * DeepL-shaped translator pointed at {@code -Dsim.url} and the scripted summarizer.
 */
public final class BatchChild {

    private BatchChild() {}

    public static void main(String[] args) {
        BatchBackends backends = Scripted.backends(new SimDeepLTranslator(System.getProperty("sim.url")),
                new Scripted.ScriptedSummarizer());
        CommandLine cli = new CommandLine(new BatchCommand(backends, Clock.systemUTC(), null));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cli.execute(args));
    }
}

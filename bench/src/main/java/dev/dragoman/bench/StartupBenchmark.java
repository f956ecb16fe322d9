package dev.dragoman.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * CLI start-up: {@code dragoman parse} and {@code dragoman summarize} on the seed through {@code bin/dragoman},
 * median of 10 runs after one warm-up, beside the bound a JVM start can reach on this machine (the same JVM flags
 * as bin/dragoman running {@code java -version}) and beside {@code dragoman --version} (picocli, no work).
 * Needs the CLI built ({@code bench/run.sh} runs {@code mvn package} first).
 */
public final class StartupBenchmark {

    private static final int RUNS = 10;

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path launcher = root.resolve("bin/dragoman");
        Path seed = root.resolve("examples/sana-2024-06-25-lukashenko.ar.txt");
        StringBuilder out = new StringBuilder("## CLI start-up (StartupBenchmark)\n\n");
        out.append("Command: `bench/run.sh StartupBenchmark`. Median wall time of ")
                .append(RUNS)
                .append(" runs after one warm-up, each a fresh process through `bin/dragoman`. ")
                .append(LoadAverage.describe())
                .append("\n\n");
        if (!Files.isRegularFile(root.resolve("cli/target/dragoman-cli.jar"))) {
            out.append("skipped: cli/target/dragoman-cli.jar not built (run `mvn -B -q package -DskipTests`)\n");
            System.out.print(out);
            return;
        }
        String java = System.getProperty("java.home") + "/bin/java";
        Measure jvm =
                measure(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-version"), root);
        Measure version = measure(List.of(launcher.toString(), "--version"), root);
        Measure parse = measure(List.of(launcher.toString(), "parse", seed.toString()), root);
        Measure summarize = measure(List.of(launcher.toString(), "summarize", seed.toString()), root);

        out.append(
                "| command | median ms | min ms | max ms | ÷ JVM start (bound) | exit |\n|---|---:|---:|---:|---:|---:|\n");
        row(out, "`java -version` (the bound: JVM start, same flags)", jvm, jvm);
        row(out, "`dragoman --version`", version, jvm);
        row(out, "`dragoman parse SEED`", parse, jvm);
        row(out, "`dragoman summarize SEED`", summarize, jvm);
        out.append('\n');
        for (Measure m : List.of(parse, summarize)) {
            if (m.exitCode() != 0) {
                out.append("- note: `")
                        .append(m.label())
                        .append("` exited ")
                        .append(m.exitCode())
                        .append(": ")
                        .append(m.stderr().lines().findFirst().orElse(""))
                        .append('\n');
            }
        }
        System.out.print(out);
    }

    private static void row(StringBuilder out, String label, Measure m, Measure bound) {
        if (m.exitCode() != 0) {
            out.append("| ")
                    .append(label)
                    .append(" | – | – | – | – (not available) | ")
                    .append(m.exitCode())
                    .append(" |\n");
            return;
        }
        out.append(String.format(
                Locale.ROOT,
                "| %s | %.0f | %.0f | %.0f | %.2f | %d |%n",
                label,
                m.median(),
                m.min(),
                m.max(),
                m.median() / bound.median(),
                m.exitCode()));
    }

    private record Measure(String label, List<Double> millis, int exitCode, String stderr) {
        double median() {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double min() {
            return Collections.min(millis);
        }

        double max() {
            return Collections.max(millis);
        }
    }

    private static Measure measure(List<String> command, Path root) throws IOException, InterruptedException {
        run(command, root); // warm-up: page cache, CDS archive
        List<Double> times = new ArrayList<>();
        int exit = 0;
        String stderr = "";
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Result r = run(command, root);
            times.add((System.nanoTime() - start) / 1e6);
            exit = r.exit();
            stderr = r.stderr();
        }
        return new Measure(String.join(" ", command.subList(1, command.size())), times, exit, stderr);
    }

    private record Result(int exit, String stderr) {}

    private static Result run(List<String> command, Path root) throws IOException, InterruptedException {
        Path err = Files.createTempFile("startup", ".err");
        try {
            Process p = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile())
                    .start();
            int exit = p.waitFor();
            return new Result(exit, Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}

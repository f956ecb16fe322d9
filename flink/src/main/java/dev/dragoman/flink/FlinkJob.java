package dev.dragoman.flink;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.schedule.BatchJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job jar's entry point, for {@code flink run dragoman-flink-job.jar --spec job.json} on a Flink cluster: reads a
 * {@link FlinkBatchSpec} (JSON: the record's fields, an example in docs/DESIGN.md), runs the batch in the
 * environment Flink gives the program (the cluster under {@code flink run}, parallelism from {@code -p}; a local
 * embedded one when started with plain {@code java}), waits for it and writes the digest. Run it attached (not
 * {@code -d}): the digest is written from the committed outputs once the job has ended.
 *
 * <p>A run with failed items ends with an exception naming {@code failures.jsonl}, so {@code flink run} exits
 * non-zero as {@code dragoman batch} does.
 */
public final class FlinkJob {

    private FlinkJob() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(StreamExecutionEnvironment.getExecutionEnvironment(), out, args);
    }

    /**
     * Runs the batch {@code args} name ({@code --spec FILE}) in {@code env} and prints its summary and digest to
     * {@code out}.
     *
     * @throws IllegalArgumentException for arguments other than {@code --spec FILE}, or a file that is not a spec
     * @throws DragomanException when the job fails
     * @throws IllegalStateException when items failed (they are in {@code failures.jsonl}; a second run redoes them)
     */
    static BatchJob.Run run(StreamExecutionEnvironment env, PrintWriter out, String... args) {
        FlinkBatchSpec spec = FlinkBatchSpec.fromJson(read(specFile(args)));
        BatchJob.Run run = FlinkBatch.run(spec, env);
        out.println(run.report().summaryLine());
        if (!run.digest().isEmpty()) {
            out.println("digest: " + run.digest().get(0));
        }
        out.flush();
        if (run.report().failed() > 0) {
            Path failures = Path.of(spec.out()).resolve(BatchEngine.FAILURES);
            throw new IllegalStateException(
                    run.report().failed() + " items failed; see " + failures + " (run the job again to redo them)");
        }
        return run;
    }

    private static Path specFile(String... args) {
        if (args.length != 2 || !args[0].equals("--spec")) {
            throw new IllegalArgumentException(
                    "usage: flink run dragoman-flink-job.jar --spec job.json (a batch spec: see docs/DESIGN.md)");
        }
        return Path.of(args[1]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no batch spec at " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the batch spec " + file + ": " + e.getMessage(), e);
        }
    }
}

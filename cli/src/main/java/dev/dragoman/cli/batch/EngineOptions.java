package dev.dragoman.cli.batch;

import dev.dragoman.flink.FlinkBatchSpec;
import dev.dragoman.flink.FlinkRunner;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.config.ConfiguredBackends;
import dev.dragoman.pipeline.schedule.BatchJob;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where {@code dragoman batch} runs (a {@code @Mixin}): in this process, or as an Apache Flink job. */
final class EngineOptions {

    @Option(
            names = "--engine",
            defaultValue = "local",
            paramLabel = "ENGINE",
            description = "local (this process; default) or flink: an Apache Flink job on an embedded cluster, or on"
                    + " --flink-address; it writes JSON Lines under results/ and runs once.")
    String engine;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            paramLabel = "N",
            description =
                    "With --engine flink: parallel tasks, each with --jobs calls in flight (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--flink-address",
            paramLabel = "HOST:PORT",
            description = "With --engine flink: the cluster's REST endpoint (default: an embedded cluster).")
    String address;

    @Option(
            names = "--flink-jar",
            paramLabel = "FILE",
            description =
                    "With --flink-address: the job jar (default: flink/target/dragoman-flink-job.jar of this build).")
    Path jar;

    /** True for {@code --engine flink}, false for {@code local}. */
    boolean flink() {
        return switch (engine) {
            case "local" -> false;
            case "flink" -> true;
            default -> throw new IllegalArgumentException("--engine must be local or flink, not '" + engine + "'");
        };
    }

    /** Runs the batch as a Flink job with the configuration's backends, cache and rate limit. */
    BatchJob.Run run(BatchOptions options, ConfiguredBackends.Specs specs) {
        return FlinkRunner.run(FlinkBatchSpec.of(options, specs), parallelism, address, jar);
    }
}

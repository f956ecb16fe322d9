package dev.dragoman.flink;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.pipeline.schedule.BatchJob;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where a front end ({@code dragoman batch --engine flink}) runs a Flink batch: without an address, on an embedded
 * cluster in this JVM ({@link LocalFlink}: one task manager with {@code parallelism} slots); with one, on the Flink
 * cluster whose REST endpoint it names, the job jar shipped with the job. Either way this process is the driver: it
 * expands the inputs, waits for the job and writes the digest, so it must see the output folder.
 */
public final class FlinkRunner {

    private FlinkRunner() {}

    /**
     * @param address {@code host:port} of the cluster's REST endpoint, or null for an embedded cluster
     * @param jobJar the job jar ({@code dragoman-flink-job.jar}) a cluster needs, null for the one of the build this
     *     runs from ({@code flink/target/dragoman-flink-job.jar}); unused without an address
     * @throws IllegalArgumentException for a parallelism below 1 or an address that is not {@code host:port}
     * @throws DragomanException (configuration) when a cluster is named but the job jar is missing
     */
    public static BatchJob.Run run(FlinkBatchSpec spec, int parallelism, String address, Path jobJar) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1");
        }
        if (address == null) {
            try (LocalFlink flink = LocalFlink.start(1, parallelism)) {
                return flink.run(spec, parallelism);
            }
        }
        int colon = address.lastIndexOf(':');
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(address.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "--flink-address must be HOST:PORT of the cluster's REST endpoint (e.g. jobmanager:8081), not '"
                            + address + "'");
        }
        jobJar = jobJar != null ? jobJar : builtJar();
        if (jobJar == null || !Files.isRegularFile(jobJar)) {
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "the Flink job jar " + jobJar + " is missing: build it with 'mvn -B -q package -pl flink -am"
                            + " -DskipTests' or name it with --flink-jar");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
                address.substring(0, colon), port, jobJar.toAbsolutePath().toString());
        env.setParallelism(parallelism);
        return FlinkBatch.run(spec, env);
    }

    /** The job jar of the build this class runs from (a module's target/classes, or a jar in a module's target/). */
    private static Path builtJar() {
        try {
            Path here = Path.of(FlinkRunner.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return here.getParent().getParent().getParent().resolve("flink/target/dragoman-flink-job.jar");
        } catch (URISyntaxException | RuntimeException e) {
            return null; // reported as a missing jar, with the way to name one
        }
    }
}

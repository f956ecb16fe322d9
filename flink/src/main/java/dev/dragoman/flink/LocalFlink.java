package dev.dragoman.flink;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.pipeline.schedule.BatchJob;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * An embedded Flink cluster (a {@link MiniCluster}) in this JVM, for {@code dragoman batch --engine flink} on one
 * machine and for tests: task managers with slots, the REST endpoint on a free loopback port, a job restarted from
 * its last checkpoint up to three times when a task fails.
 */
public final class LocalFlink implements AutoCloseable {

    private final MiniCluster cluster;
    private final int slots;

    private LocalFlink(MiniCluster cluster, int slots) {
        this.cluster = cluster;
        this.slots = slots;
    }

    /** Starts {@code taskManagers} task managers with {@code slotsPerTaskManager} slots each. */
    public static LocalFlink start(int taskManagers, int slotsPerTaskManager) {
        return start(taskManagers, slotsPerTaskManager, new Configuration());
    }

    /**
     * As {@link #start(int, int)}, with {@code conf} under the defaults (tests that submit the job jar to this cluster
     * load its classes parent-first: the test's class path already holds them, and a second copy of an interface
     * breaks the service loaders).
     */
    static LocalFlink start(int taskManagers, int slotsPerTaskManager, Configuration conf) {
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(taskManagers)
                .setNumSlotsPerTaskManager(slotsPerTaskManager)
                .build());
        try {
            cluster.start();
        } catch (Exception e) {
            throw new DragomanException(
                    DragomanException.Kind.INTERNAL, "cannot start the embedded Flink cluster: " + e.getMessage(), e);
        }
        return new LocalFlink(cluster, taskManagers * slotsPerTaskManager);
    }

    /** Runs the batch with {@code parallelism} tasks and waits for it, holding the output folder's lock. */
    public BatchJob.Run run(FlinkBatchSpec spec, int parallelism) {
        return run(spec, parallelism, job -> {});
    }

    /** As {@link #run(FlinkBatchSpec, int)}; {@code submitted} hears the job's id once it runs (tests kill a task). */
    BatchJob.Run run(FlinkBatchSpec spec, int parallelism, java.util.function.Consumer<JobID> submitted) {
        if (parallelism < 1 || parallelism > slots) {
            throw new IllegalArgumentException("--parallelism must be between 1 and " + slots);
        }
        return FlinkBatch.run(spec, batch -> {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(parallelism);
            batch.define(env);
            StreamGraph graph = env.getStreamGraph();
            graph.setJobName(batch.jobName());
            graph.setJobId(JobID.generate());
            await(graph, submitted);
        });
    }

    private void await(StreamGraph graph, java.util.function.Consumer<JobID> submitted) {
        try {
            JobID id = cluster.submitJob(graph).get().getJobID();
            submitted.accept(id);
            JobResult result = cluster.requestJobResult(id).get();
            if (!result.isSuccess()) {
                Throwable cause = result.getSerializedThrowable()
                        .map(t -> t.deserializeError(getClass().getClassLoader()))
                        .orElse(null);
                throw new DragomanException(
                        DragomanException.Kind.INTERNAL,
                        "the Flink job failed: " + (cause == null ? "no cause reported" : cause.getMessage()),
                        cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DragomanException(DragomanException.Kind.INTERNAL, "interrupted while the Flink job ran", e);
        } catch (ExecutionException e) {
            throw new DragomanException(
                    DragomanException.Kind.INTERNAL,
                    "the Flink job failed: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** The embedded cluster, for tests that kill a task manager. */
    MiniCluster miniCluster() {
        return cluster;
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new DragomanException(
                    DragomanException.Kind.INTERNAL, "cannot stop the embedded Flink cluster: " + e.getMessage(), e);
        }
    }
}

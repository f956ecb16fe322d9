package dev.dragoman.flink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.cluster.MinHashStoryClusterer;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.backend.RunBackends;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.DoneRecord;
import dev.dragoman.pipeline.batch.HttpFetcher;
import dev.dragoman.pipeline.batch.ItemSource;
import dev.dragoman.pipeline.batch.OutputLock;
import dev.dragoman.pipeline.batch.RunReport;
import dev.dragoman.pipeline.digest.Digest;
import dev.dragoman.pipeline.digest.DigestWriter;
import dev.dragoman.pipeline.schedule.BatchJob;
import dev.dragoman.pipeline.step.StageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The batch as a Flink job: inputs → read (the pipeline's {@link ItemSource}) → the first item of each article →
 * the per-article step under Async I/O ({@link StepFunction}, capacity = the in-flight limit) → JSON Lines through
 * Flink's {@link FileSink}, committed on checkpoints (exactly once: a restarted task's uncommitted output is discarded,
 * its items are redone, and the result cache answers what they had already sent) → after the job, the run's digest
 * (the pipeline's {@link Digest} and {@link DigestWriter}) on the driver.
 *
 * <p>Layout under the output directory: {@code results/run-<run>-*.jsonl} (one article's document per line, as
 * {@code articles/<id>.json} holds it in a local batch), {@code failures/run-<run>-*.jsonl} (the run's failures;
 * also gathered into {@code failures.jsonl}), {@code digests/}. The article id and the options fingerprint are the
 * idempotency keys: an article already in {@code results/} under the same fingerprint is not read into the job again,
 * and one id is processed once per run.
 *
 * <p>Use: {@link #run} with what runs the job ({@link LocalFlink}, {@link FlinkJob}); or {@link #prepare} on the
 * driver, {@link #define} into an environment, run it, then {@link #finish}.
 */
public final class FlinkBatch {

    public static final String RESULTS = "results";
    public static final String FAILURE_PARTS = "failures";

    private final FlinkBatchSpec spec;
    private final String runId;
    private final String description;
    private final String fingerprint;
    private final List<String> sources;
    private final Map<String, DoneRecord> earlier;

    private FlinkBatch(
            FlinkBatchSpec spec,
            String runId,
            String description,
            String fingerprint,
            List<String> sources,
            Map<String, DoneRecord> earlier) {
        this.spec = spec;
        this.runId = runId;
        this.description = description;
        this.fingerprint = fingerprint;
        this.sources = sources;
        this.earlier = earlier;
    }

    /**
     * Expands the inputs, works out the fingerprint and reads what earlier runs finished under it. Needs no key: the
     * backends are built on the workers.
     *
     * @throws DragomanException (configuration) for an unknown backend type or one that cannot do its role
     */
    public static FlinkBatch prepare(FlinkBatchSpec spec) {
        Backends backends = Backends.load();
        String description =
                RunBackends.describe(backends, spec.translatorIfNeeded(), backends, spec.summarizerOrDefault());
        if (spec.translatorIfNeeded() == null && (spec.translateTo() != null || spec.brief() != null)) {
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "--translate-to and --brief need a translation backend; name one (--translate-backend)");
        }
        String fingerprint = spec.options(description).fingerprint();
        Path out = Path.of(spec.out());
        List<String> sources =
                new ItemSource(HttpFetcher.standard(), ArticleReaders.wireAndJson(), out).expand(spec.inputs());
        Map<String, DoneRecord> earlier = new LinkedHashMap<>();
        for (JsonNode line : lines(out.resolve(RESULTS), null)) {
            DoneRecord r = record(line);
            if (r != null && fingerprint.equals(r.fingerprint())) {
                earlier.putIfAbsent(r.id(), r);
            }
        }
        String runId = UUID.randomUUID().toString().substring(0, 8);
        return new FlinkBatch(spec, runId, description, fingerprint, sources, earlier);
    }

    /**
     * The whole run on the driver: holds the output folder's lock ({@link OutputLock}, as the local batch does),
     * prepares the batch, hands it to {@code execute} (which defines the job in an environment and runs it to the
     * end) unless there is nothing to read, then writes the digest.
     */
    public static BatchJob.Run run(FlinkBatchSpec spec, Consumer<FlinkBatch> execute) {
        Instant started = Instant.now();
        Path out = Path.of(spec.out());
        try (OutputLock lock = OutputLock.acquire(out, out.resolve(BatchEngine.STATE_DIR), started)) {
            FlinkBatch batch = prepare(spec);
            if (!batch.sources().isEmpty()) {
                execute.accept(batch);
            }
            return batch.finish(started, Instant.now());
        }
    }

    /** {@link #run(FlinkBatchSpec, Consumer)} in {@code env}: the job defined there, executed, awaited. */
    public static BatchJob.Run run(FlinkBatchSpec spec, StreamExecutionEnvironment env) {
        return run(spec, batch -> {
            batch.define(env);
            try {
                env.execute(batch.jobName());
            } catch (Exception e) {
                throw new DragomanException(
                        DragomanException.Kind.INTERNAL, "the Flink job failed: " + e.getMessage(), e);
            }
        });
    }

    /** The job's name in Flink's web UI and logs. */
    String jobName() {
        return "dragoman batch " + Path.of(spec.out()).getFileName();
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The single inputs (files and URLs) the job reads. */
    public List<String> sources() {
        return sources;
    }

    /**
     * Defines the job in {@code env}: streaming mode, exactly-once checkpoints at the spec's interval, unaligned: the
     * read tasks hand a batch's items to the step far faster than the backends take them, so the network buffers in
     * front of the step hold most of the batch, and an aligned barrier would wait behind all of it (no checkpoint
     * before the end, and a failure would redo everything); an unaligned one overtakes them and stores them with the
     * checkpoint. Generic types are off: every record the job moves is a string or a record of strings that Flink
     * serializes itself, and a type that would fall back to Kryo fails the job's definition instead.
     */
    public void define(StreamExecutionEnvironment env) {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.enableCheckpointing(spec.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().enableUnalignedCheckpoints();
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);
        DataStream<Item> items = env.fromData(sources, Types.STRING)
                .name("inputs")
                .rebalance()
                .flatMap(new ReadItems(spec.out(), earlier.keySet()))
                .name("read")
                .keyBy(new ByArticle())
                .process(new FirstById())
                .name("first of each article")
                // spread over the step's tasks evenly: left on the task its key hashed to, one task would get ~10 %
                // more than its share at 4 tasks and the job would wait for it alone at the end
                .rebalance();
        DataStream<Outcome> outcomes = AsyncDataStream.unorderedWait(
                        items,
                        new StepFunction(spec, fingerprint, description),
                        spec.itemTimeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        spec.inFlight())
                .name("step");
        outcomes.filter(new Failed(false)).map(new Line()).sinkTo(sink(RESULTS)).name("results");
        outcomes.filter(new Failed(true))
                .map(new Line())
                .sinkTo(sink(FAILURE_PARTS))
                .name("failures");
    }

    private FileSink<String> sink(String dir) {
        return FileSink.forRowFormat(
                        new org.apache.flink.core.fs.Path(
                                Path.of(spec.out()).resolve(dir).toUri()),
                        new SimpleStringEncoder<String>(StandardCharsets.UTF_8.name()))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix(prefix())
                        .withPartSuffix(".jsonl")
                        .build())
                .build();
    }

    private String prefix() {
        return "run-" + runId;
    }

    /**
     * Reads the run's committed outputs and writes its digest ({@code digests/}) and {@code failures.jsonl}. The
     * digest covers the whole batch: this run's articles and those earlier runs finished under the same options.
     */
    public BatchJob.Run finish(Instant started, Instant ended) {
        Path out = Path.of(spec.out());
        Map<String, DoneRecord> entries = new LinkedHashMap<>(earlier);
        int done = 0;
        int fromCache = 0;
        Usage usage = Usage.NONE;
        for (JsonNode line : lines(out.resolve(RESULTS), prefix())) {
            DoneRecord r = record(line);
            if (r != null && entries.putIfAbsent(r.id(), r) == null) {
                done++;
                fromCache += r.fromCache() ? 1 : 0;
                usage = usage.plus(r.usage());
            }
        }
        List<StageException> failures = new ArrayList<>();
        List<RunReport.FailedItem> failedItems = new ArrayList<>();
        StringBuilder failureLog = new StringBuilder();
        for (JsonNode f : lines(out.resolve(FAILURE_PARTS), prefix())) {
            String stage = f.path("stage").asText("process");
            String reason = f.path("reason").asText("");
            boolean retriable = f.path("retriable").asBoolean(false);
            failures.add(new StageException(stage, reason, retriable, null));
            failedItems.add(new RunReport.FailedItem(f.path("input").asText(null), stage, reason, retriable));
            failureLog.append(f).append('\n');
        }
        failedItems.sort(
                Comparator.comparing(RunReport.FailedItem::input, Comparator.nullsLast(Comparator.naturalOrder())));
        List<DoneRecord> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing(DoneRecord::id));
        RunReport report = new RunReport(
                started,
                ended,
                done,
                fromCache,
                failures.size(),
                entries.size() - done,
                usage,
                sorted,
                failures,
                false,
                failedItems);
        try {
            Files.writeString(out.resolve(BatchEngine.FAILURES), failureLog.toString(), StandardCharsets.UTF_8);
            return new BatchJob.Run(
                    report, new DigestWriter().write(out, Digest.of(report, new MinHashStoryClusterer())));
        } catch (IOException e) {
            throw new DragomanException(
                    DragomanException.Kind.CANNOT_WRITE,
                    "cannot write the digest under " + out + ": " + e.getMessage(),
                    e);
        }
    }

    private static DoneRecord record(JsonNode document) {
        JsonNode batch = document.path("batch");
        if (!batch.isObject()) {
            return null;
        }
        try {
            return Json.mapper().treeToValue(batch, DoneRecord.class);
        } catch (IOException e) {
            return null; // a line this version cannot read: the article is redone
        }
    }

    /** The JSON lines of the committed part files under {@code dir} (those of one run when {@code prefix} is set). */
    private static List<JsonNode> lines(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<JsonNode> nodes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                // in-progress and pending files are hidden (".run-…inprogress…"): only committed parts count
                if (name.startsWith(".")
                        || !name.endsWith(".jsonl")
                        || (prefix != null && !name.startsWith(prefix + "-"))) {
                    continue;
                }
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        nodes.add(Json.mapper().readTree(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return nodes;
    }

    private static final class ByArticle implements KeySelector<Item, String> {
        @Override
        public String getKey(Item item) {
            return item.dedupKey();
        }
    }

    private static final class Failed implements FilterFunction<Outcome> {
        private final boolean failed;

        Failed(boolean failed) {
            this.failed = failed;
        }

        @Override
        public boolean filter(Outcome o) {
            return o.failed() == failed;
        }
    }

    private static final class Line implements MapFunction<Outcome, String> {
        @Override
        public String map(Outcome o) {
            return o.line();
        }
    }
}

package dev.dragoman.flink;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.store.CacheStoreSpec;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.config.ConfiguredBackends;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything a Flink batch needs, in a form the driver sends to every worker as JSON: the inputs, the output directory
 * (on a file system every task manager sees), what the step makes, the backends as {@link BackendSpec}s (never a key:
 * each worker reads the key from its own environment, under the variable the spec names), the result cache
 * (a shared Redis store on a cluster), the cluster-wide rate limit's Redis, and the in-flight limit per parallel
 * task. Immutable; variants via {@code with*}.
 *
 * @param inputs files, directories, globs, feed and page URLs, as the local batch takes them
 * @param out the output directory (results, failures, digests)
 * @param translate the translation backend, or null
 * @param summarizer the summarizer, or null (extractive when a summary is asked for)
 * @param cache the result cache every worker opens (redis on a cluster; its URL must carry no password)
 * @param rateLimitUrl {@code redis://host:port/db} of the cluster-wide rate limit, or null for per-worker limits only
 * @param inFlight items in flight per parallel task (the Async I/O capacity)
 * @param itemTimeout the most one item may take before it is recorded as failed
 * @param checkpointInterval how often the job checkpoints (and so how often outputs are committed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlinkBatchSpec(
        List<String> inputs,
        String out,
        Language translateTo,
        boolean summarize,
        Language brief,
        SummaryOptions summaryOptions,
        BackendSpec translate,
        BackendSpec summarizer,
        CacheStoreSpec cache,
        String rateLimitUrl,
        int inFlight,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration itemTimeout,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration checkpointInterval) {

    public FlinkBatchSpec {
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        Objects.requireNonNull(out, "out");
        summaryOptions = summaryOptions == null ? SummaryOptions.DEFAULT : summaryOptions;
        cache = cache == null ? CacheStoreSpec.of("memory") : cache;
        if (cache.url() != null && URI.create(cache.url()).getRawUserInfo() != null) {
            throw new IllegalArgumentException("the cache URL of a Flink batch must carry no password: it would travel"
                    + " in the job graph to every worker; use a Redis reachable without one from the task managers");
        }
        if (rateLimitUrl != null && URI.create(rateLimitUrl).getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "the rate-limit URL of a Flink batch must carry no password: it would travel in the job graph");
        }
        if (inFlight < 1) {
            throw new IllegalArgumentException("the in-flight limit must be at least 1");
        }
        itemTimeout = itemTimeout == null ? Duration.ofMinutes(10) : itemTimeout;
        checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(2) : checkpointInterval;
    }

    /** Inputs into {@code out}: nothing made yet, an in-memory cache per worker, 4 items in flight per task. */
    public static FlinkBatchSpec of(List<String> inputs, Path out) {
        return new FlinkBatchSpec(
                inputs,
                out.toAbsolutePath().toString(),
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                4,
                null,
                null);
    }

    /**
     * A local batch's options and the configuration's specs ({@link ConfiguredBackends#specs}) as a Flink batch: the
     * same inputs, output folder, translation, summary and brief; {@code jobs} becomes the in-flight limit per task.
     * The job writes JSON Lines under {@code results/} whatever the options' per-article formats.
     *
     * @throws IllegalArgumentException for what the job does not do yet (keeping flagged translations)
     */
    public static FlinkBatchSpec of(BatchOptions options, ConfiguredBackends.Specs specs) {
        if (options.allowFlagged()) {
            throw new IllegalArgumentException("--allow-flagged is not supported by the Flink job yet");
        }
        return new FlinkBatchSpec(
                options.inputs(),
                options.out().toAbsolutePath().toString(),
                options.translateTo(),
                options.summarize(),
                options.brief(),
                options.summaryOptions(),
                specs.translate(),
                specs.summarize(),
                specs.cache(),
                specs.rateLimitUrl(),
                options.jobs(),
                null,
                null);
    }

    public FlinkBatchSpec withTranslation(Language to, BackendSpec backend) {
        return with(c -> {
            c.translateTo = to;
            c.translate = backend;
        });
    }

    public FlinkBatchSpec withSummary(boolean on, BackendSpec backend) {
        return with(c -> {
            c.summarize = on;
            c.summarizer = backend;
        });
    }

    public FlinkBatchSpec withBrief(Language language) {
        return with(c -> c.brief = language);
    }

    public FlinkBatchSpec withSummaryOptions(SummaryOptions options) {
        return with(c -> c.summaryOptions = options);
    }

    public FlinkBatchSpec withCache(CacheStoreSpec store) {
        return with(c -> c.cache = store);
    }

    public FlinkBatchSpec withRateLimit(String redisUrl) {
        return with(c -> c.rateLimitUrl = redisUrl);
    }

    public FlinkBatchSpec withInFlight(int n) {
        return with(c -> c.inFlight = n);
    }

    public FlinkBatchSpec withItemTimeout(Duration timeout) {
        return with(c -> c.itemTimeout = timeout);
    }

    public FlinkBatchSpec withCheckpointInterval(Duration interval) {
        return with(c -> c.checkpointInterval = interval);
    }

    /** A copy with what {@code change} sets, checked by the record's constructor like any spec. */
    private FlinkBatchSpec with(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** A spec being copied: starts as {@code from}, its fields set by one {@code with*} method. */
    private static final class Copy {
        final List<String> inputs;
        final String out;
        Language translateTo;
        boolean summarize;
        Language brief;
        SummaryOptions summaryOptions;
        BackendSpec translate;
        BackendSpec summarizer;
        CacheStoreSpec cache;
        String rateLimitUrl;
        int inFlight;
        Duration itemTimeout;
        Duration checkpointInterval;

        Copy(FlinkBatchSpec from) {
            inputs = from.inputs;
            out = from.out;
            translateTo = from.translateTo;
            summarize = from.summarize;
            brief = from.brief;
            summaryOptions = from.summaryOptions;
            translate = from.translate;
            summarizer = from.summarizer;
            cache = from.cache;
            rateLimitUrl = from.rateLimitUrl;
            inFlight = from.inFlight;
            itemTimeout = from.itemTimeout;
            checkpointInterval = from.checkpointInterval;
        }

        FlinkBatchSpec build() {
            return new FlinkBatchSpec(
                    inputs,
                    out,
                    translateTo,
                    summarize,
                    brief,
                    summaryOptions,
                    translate,
                    summarizer,
                    cache,
                    rateLimitUrl,
                    inFlight,
                    itemTimeout,
                    checkpointInterval);
        }
    }

    /** The summarizer the step uses when a summary is needed: the named one, else the embedded extractive one. */
    @JsonIgnore
    BackendSpec summarizerOrDefault() {
        if (!summarize && brief == null) {
            return null;
        }
        return summarizer != null ? summarizer : BackendSpec.of("extractive");
    }

    /** The translation backend when the options need one (a translation or a brief). */
    @JsonIgnore
    BackendSpec translatorIfNeeded() {
        return translateTo != null || brief != null ? translate : null;
    }

    /**
     * The same options as a local batch, for the step options and the fingerprint: a Flink run and a local run with
     * the same options and backends have the same fingerprint (only JSON outputs are written).
     */
    BatchOptions options(String backendsDescription) {
        return new BatchOptions(
                inputs,
                Path.of(out),
                translateTo,
                summarize,
                brief,
                inFlight,
                Set.of(BatchOptions.ArticleFormat.JSON),
                summaryOptions,
                backendsDescription);
    }

    String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FlinkBatchSpec fromJson(String json) {
        try {
            return Json.mapper().readValue(json, FlinkBatchSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Flink batch spec: " + e.getOriginalMessage(), e);
        }
    }
}

package dev.dragoman.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dragoman.core.Article;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.store.CacheStores;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.ratelimit.SharedRateLimits;
import dev.dragoman.core.ratelimit.redis.RedisRateLimits;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.backend.RunBackends;
import dev.dragoman.pipeline.batch.ArticleOutputs;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.DoneRecord;
import dev.dragoman.pipeline.step.ArticleStep;
import dev.dragoman.pipeline.step.StageException;
import dev.dragoman.pipeline.step.StepOptions;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * The per-article step under Flink's Async I/O: every parallel task builds the pipeline's {@link ArticleStep} once,
 * from the job's {@link dev.dragoman.core.backend.BackendSpec}s, with the API keys read from the task manager's own
 * environment (never sent with the job), the job's shared result cache and its cluster-wide rate limits (Redis), and
 * runs up to the in-flight limit of items at once on its own threads (the step blocks on backend calls). A failing item becomes a failure record — the job
 * goes on — and so does an item that takes longer than the item timeout. Each outcome carries what the task's
 * backends were paid for since its previous one ({@link Outcome#spent()}, read from the run's meter,
 * {@link RunBackends#meter()}), so the paid answers of items that failed are counted too.
 */
final class StepFunction extends RichAsyncFunction<Item, Outcome> {

    private final String specJson;
    private final String fingerprint;
    private final String backendsDescription;

    private transient ArticleStep step;
    private transient StepOptions options;
    private transient FlinkBatchSpec spec;
    private transient ResultCache store;
    private transient SharedRateLimits rateLimits;
    private transient ExecutorService pool;
    private transient UsageMeter meter;
    /** The meter's total when the previous outcome took its growth; guarded by {@code this}. */
    private transient Usage reported;

    StepFunction(FlinkBatchSpec spec, String fingerprint, String backendsDescription) {
        this.specJson = spec.toJson();
        this.fingerprint = fingerprint;
        this.backendsDescription = backendsDescription;
    }

    @Override
    public void open(OpenContext context) {
        spec = FlinkBatchSpec.fromJson(specJson);
        ClassLoader loader = getRuntimeContext().getUserCodeClassLoader();
        store = CacheStores.load(loader).open(spec.cache());
        rateLimits = spec.rateLimitUrl() == null ? null : RedisRateLimits.open(spec.rateLimitUrl());
        Backends backends = Backends.load(loader)
                .withVariables(System.getenv())
                .withCache(store)
                .withRateLimits(rateLimits);
        RunBackends built = RunBackends.build(backends, spec.translatorIfNeeded(), spec.summarizerOrDefault());
        meter = built.meter();
        reported = Usage.NONE;
        step = ArticleStep.builder()
                .translator(built.translator())
                .summarizer(built.summarizer())
                .build();
        options = spec.options(backendsDescription).step();
        step.check(options);
        AtomicInteger n = new AtomicInteger();
        int task = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        pool = Executors.newFixedThreadPool(spec.inFlight(), r -> {
            Thread t = new Thread(r, "dragoman-step-" + task + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void asyncInvoke(Item item, ResultFuture<Outcome> result) {
        if (item.isFailed()) {
            complete(result, failure(item, new StageException(item.stage(), item.reason(), item.retriable(), null)));
            return;
        }
        CompletableFuture.supplyAsync(() -> process(item), pool).whenComplete((outcome, thrown) -> {
            if (thrown != null) {
                complete(result, failure(item, StageException.of("process", thrown)));
            } else {
                complete(result, outcome);
            }
        });
    }

    /** Hands {@code outcome} to Flink with what the backends were paid for since the previous one. */
    private void complete(ResultFuture<Outcome> result, Outcome outcome) {
        result.complete(List.of(outcome.withSpent(spentSinceLast())));
    }

    /** The meter's growth since the previous outcome took it, as JSON; null when nothing was paid for. */
    private synchronized String spentSinceLast() {
        Usage now = meter.total();
        Usage spent = now.minus(reported);
        reported = now;
        if (spent.equals(Usage.NONE)) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsString(spent);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    @Override
    public void timeout(Item item, ResultFuture<Outcome> result) {
        complete(
                result,
                failure(
                        item,
                        new StageException(
                                "process",
                                "timed out after " + spec.itemTimeout() + " (the job's item timeout)",
                                true,
                                null)));
    }

    private Outcome process(Item item) {
        try {
            Article article;
            try {
                article = Json.mapper().readValue(item.article(), Article.class);
            } catch (JsonProcessingException e) {
                throw new StageException("read", "unreadable article: " + e.getOriginalMessage(), false, e);
            }
            var stepResult = step.apply(article, options);
            DoneRecord record = DoneRecord.of(
                    item.id(),
                    fingerprint,
                    item.input(),
                    item.url(),
                    stepResult,
                    spec.translateTo(),
                    List.of(),
                    Instant.now());
            return Outcome.done(Json.mapper().writeValueAsString(ArticleOutputs.document(record, stepResult)));
        } catch (JsonProcessingException e) {
            return failure(item, StageException.of("write", new UncheckedIOException(e)));
        } catch (RuntimeException e) {
            return failure(item, StageException.of("process", e));
        }
    }

    private static Outcome failure(Item item, StageException e) {
        try {
            return Outcome.failure(Json.mapper()
                    .writeValueAsString(
                            BatchEngine.failureJson(item.input(), item.key(), item.url(), e, Instant.now())));
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (store != null) {
            store.close();
        }
        if (rateLimits != null) {
            rateLimits.close();
        }
    }
}

package dev.dragoman.pipeline.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.Reasons;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.pipeline.deferred.DeferredBatches;
import dev.dragoman.pipeline.internal.AtomicFiles;
import dev.dragoman.pipeline.step.ArticleStep;
import dev.dragoman.pipeline.step.StageException;
import dev.dragoman.pipeline.step.StepResult;
import dev.dragoman.translate.TranslationBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch: reads every input lazily, and for each article not already done under the same options
 * (journal, then an existing output) runs the {@link ArticleStep} (translate, summarize, brief) with at most
 * {@code jobs} backend calls in flight, writes its outputs atomically, and records it in the journal — forced to disk —
 * before it counts as finished. Local work overlaps the waiting: {@link #LOCAL_WORKERS} more workers than {@code jobs}
 * read, detect, write and journal other items while {@code jobs} of them wait for the backend (the backends' HTTP
 * requests pass a {@link JobsGate} of {@code jobs} permits, see {@link Builder#gate}; without one, the translator and
 * the summarizer given to the builder are gated at {@code jobs} calls at once), so the backend is never left with fewer
 * than {@code jobs} requests because a worker was busy writing. A failing item is recorded (journal and {@code failures.jsonl}: input, stage, reason,
 * retriable) and the batch goes on. {@link #requestStop()} (SIGTERM) stops taking new items; the ones in flight
 * finish and are recorded.
 *
 * <p>Order of the resume checks, so that no finished item reaches a backend twice: a feed item's URL or key is
 * checked before its page is fetched; an article's content id before any backend call; an output written by a run
 * killed before its journal record is adopted from the JSON output's batch record.
 *
 * <p>Build one with {@link #builder(BatchOptions)}; {@link #run} may be called again (a schedule does). Thread-safe:
 * {@link #requestStop()} may come from any thread.
 */
public final class BatchEngine {

    private static final Logger LOG = LoggerFactory.getLogger(BatchEngine.class);
    /** The directory under the output directory that holds the journal. */
    public static final String STATE_DIR = ".dragoman";
    /** This run's failures, one JSON object per line, under the output directory. */
    public static final String FAILURES = "failures.jsonl";
    /** Workers beyond {@code jobs}, doing the local work (read, write, journal) while {@code jobs} others wait. */
    static final int LOCAL_WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final BatchOptions options;
    private final ItemSource source;
    private final ArticleStep step;
    private final Clock clock;
    private final DeferredBatches deferred;
    /** Workers: {@code jobs}, plus {@link #LOCAL_WORKERS} when the backend calls are gated at {@code jobs}. */
    private final int workers;

    private final AtomicBoolean stop = new AtomicBoolean();
    /** The first backend-wide refusal (quota exhausted, key rejected) of the current run; the batch fails fast. */
    private final AtomicReference<StageException> fatal = new AtomicReference<>();
    /** Content id → a hash of the key of the item that took it in the current run (synchronized on itself). */
    private final KeyIndex claimed = new KeyIndex();

    private BatchEngine(
            BatchOptions options,
            ItemSource source,
            ArticleStep step,
            Clock clock,
            int workers,
            DeferredBatches deferred) {
        this.options = options;
        this.workers = workers;
        this.source = source;
        this.step = step;
        this.clock = clock;
        this.deferred = deferred;
        step.check(options.step());
    }

    /** A builder for a batch with these options; backends, fetcher, readers and clock are set on it. */
    public static Builder builder(BatchOptions options) {
        return new Builder(options);
    }

    public BatchOptions options() {
        return options;
    }

    /** Asks a running {@link #run} to stop taking new items; items in flight finish and are recorded. */
    public void requestStop() {
        stop.set(true);
    }

    /**
     * Runs the batch once, holding the output folder's lock ({@code <out>/.dragoman/lock}) throughout.
     *
     * @param onlyNew true for scheduled runs: the report's entries are only the items finished by this run; false
     *     for one-shot runs: entries also include the inputs' items finished by earlier runs (a resumed batch's
     *     digest covers the whole batch)
     * @throws DragomanException of kind BUSY when another run (this process or another) holds the output folder
     */
    public RunReport run(BatchListener listener, boolean onlyNew) {
        return run(listener, onlyNew, report -> report);
    }

    /**
     * As {@link #run(BatchListener, boolean)}, then {@code finish} (writing the run's digest) while the output
     * folder's lock is still held, so a run waiting for the folder never starts before this one's digest is written.
     */
    public <T> T run(BatchListener listener, boolean onlyNew, java.util.function.Function<RunReport, T> finish) {
        Instant started = clock.instant();
        fatal.set(null);
        synchronized (claimed) {
            claimed.clear();
        }
        Path out = options.out();
        String fingerprint = options.fingerprint();
        ArticleOutputs outputs = new ArticleOutputs(out, options.formats());
        try (OutputLock lock = OutputLock.acquire(out, out.resolve(STATE_DIR), started)) {
            if (deferred != null) {
                return finish.apply(runDeferred(listener, onlyNew, started, out, fingerprint, outputs));
            }
            return finish.apply(runLocked(listener, onlyNew, started, out, fingerprint, outputs));
        }
    }

    /**
     * Deferred mode, under the output folder's lock (so two processes never send the same batch): look at the
     * batches in flight; while one is, return (or wait and look again); else run the items — answered from ended
     * batches, or handing their requests over — and send what they handed over as one batch per backend. A pass that
     * hands nothing over is the last: the run is complete.
     */
    private RunReport runDeferred(
            BatchListener listener,
            boolean onlyNew,
            Instant started,
            Path out,
            String fingerprint,
            ArticleOutputs outputs) {
        deferred.open(out.resolve(STATE_DIR));
        while (true) {
            List<DeferredBatches.InFlight> waiting = deferred.settle();
            if (!waiting.isEmpty()) {
                if (deferred.waitsForResults() && !stop.get() && deferred.pause()) {
                    continue;
                }
                RunReport report = new RunReport(
                                started, clock.instant(), 0, 0, 0, 0, Usage.NONE, List.of(), List.of(), stop.get())
                        .withDeferred(
                                waiting.stream()
                                        .mapToInt(b -> b.requests().size())
                                        .sum(),
                                waiting.stream()
                                        .map(DeferredBatches.InFlight::describe)
                                        .toList());
                listener.finished(report);
                return report;
            }
            RunReport pass = runLocked(listener, onlyNew, started, out, fingerprint, outputs);
            List<DeferredBatches.InFlight> sent = deferred.submit();
            RunReport report = pass.withDeferred(
                    pass.deferred(),
                    sent.stream().map(DeferredBatches.InFlight::describe).toList());
            listener.finished(report);
            if (sent.isEmpty()) {
                if (pass.deferred() == 0 && !pass.stopped()) {
                    deferred.finish(); // every answer is used: the cache holds the good ones
                }
                return report;
            }
            if (!deferred.waitsForResults() || stop.get()) {
                return report;
            }
        }
    }

    private RunReport runLocked(
            BatchListener listener,
            boolean onlyNew,
            Instant started,
            Path out,
            String fingerprint,
            ArticleOutputs outputs) {
        try {
            Files.createDirectories(out.resolve(ArticleOutputs.DIR));
            AtomicFiles.sweep(out.resolve(ArticleOutputs.DIR));
            AtomicFiles.sweep(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + out + ": " + e.getMessage(), e);
        }
        List<String> sources = source.expand(options.inputs());
        listener.started(sources.size());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger fromCache = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger waiting = new AtomicInteger();
        AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);
        // the entries are places in the journal, not records: a batch of any size keeps a few bytes per article
        JournalEntries.Collector entries = new JournalEntries.Collector(BatchJournal.file(out.resolve(STATE_DIR)));
        List<StageException> failures = Collections.synchronizedList(new ArrayList<>());
        List<RunReport.FailedItem> failedItems = Collections.synchronizedList(new ArrayList<>());

        try (BatchJournal journal = BatchJournal.open(out.resolve(STATE_DIR));
                FailureLog failureLog = FailureLog.open(out.resolve(FAILURES))) {
            ExecutorService pool = Executors.newFixedThreadPool(workers, threads("batch-"));
            Semaphore inFlight = new Semaphore(workers * 2);
            ReadAhead pendingSources = new ReadAhead(sources.iterator(), src -> {
                ItemSource.FileStamp stamp = ItemSource.stamp(src);
                if (stamp != null) {
                    Map<String, Long> finished = journal.doneFile(stamp, fingerprint);
                    if (finished != null) {
                        return new ReadAhead.Read(src, stamp, finished, List.of()); // not even read
                    }
                }
                return new ReadAhead.Read(src, stamp, null, source.itemsOf(src));
            });
            try {
                sources:
                while (!stop.get() && pendingSources.hasNext()) {
                    ReadAhead.Read read = pendingSources.next();
                    ItemSource.FileStamp stamp = read.stamp();
                    if (read.finished() != null) {
                        // an unchanged file whose items all finished under these options: not even read
                        for (Map.Entry<String, Long> e : read.finished().entrySet()) {
                            listener.discovered(1);
                            skipped.incrementAndGet();
                            if (!onlyNew) {
                                entries.add(e.getValue(), null);
                            }
                            listener.item(BatchListener.Outcome.SKIPPED, e.getKey(), null);
                        }
                        continue;
                    }
                    List<WorkItem> sourceItems = read.items();
                    FileProgress progress = stamp == null
                            ? null
                            : new FileProgress(
                                    stamp,
                                    fingerprint,
                                    sourceItems.stream().map(WorkItem::key).toList());
                    for (WorkItem item : sourceItems) {
                        if (stop.get()) {
                            break sources;
                        }
                        listener.discovered(1);
                        inFlight.acquireUninterruptibly();
                        if (stop.get()) {
                            inFlight.release();
                            break sources;
                        }
                        pool.execute(() -> {
                            boolean finishedItem = false;
                            boolean ended = false;
                            try {
                                StageException fatalSoFar = fatal.get();
                                if (fatalSoFar != null) {
                                    // a backend-wide refusal (quota, key): sending this item would only be refused too
                                    throw notAttempted(fatalSoFar);
                                }
                                Outcome o = process(item, journal, outputs, fingerprint);
                                long at = o.at;
                                if (o.toJournal) {
                                    // the done record, with the file's record when this was its last item: one force
                                    ObjectNode fileRecord = progress == null ? null : progress.itemEnded(true);
                                    ended = true;
                                    try {
                                        at = journal.appendDone(o.record, item.key(), fileRecord);
                                    } catch (RuntimeException e) {
                                        throw StageException.of("write", e);
                                    }
                                }
                                switch (o.kind) {
                                    case DONE, FROM_CACHE -> {
                                        done.incrementAndGet();
                                        if (o.kind == BatchListener.Outcome.FROM_CACHE) {
                                            fromCache.incrementAndGet();
                                        }
                                        usage.accumulateAndGet(o.record.usage(), Usage::plus);
                                        entries.add(at, o.record.id());
                                    }
                                    case SKIPPED -> {
                                        skipped.incrementAndGet();
                                        if (!onlyNew && at >= 0) {
                                            entries.add(at, o.id);
                                        }
                                    }
                                    default -> {}
                                }
                                finishedItem = at >= 0;
                                listener.item(
                                        o.kind,
                                        item.key(),
                                        o.kind == BatchListener.Outcome.SKIPPED ? null : item.note());
                            } catch (RuntimeException | Error thrown) {
                                if (handedToBatch(thrown)) {
                                    // deferred mode: neither done nor failed; a run after the batch completes it
                                    waiting.incrementAndGet();
                                    listener.item(BatchListener.Outcome.DEFERRED, item.key(), "waiting for a batch");
                                    return;
                                }
                                // an unexpected exception (a defect, a hostile input no stage expected) is a failure
                                // of this item, never of the worker: every item ends done or failed
                                StageException e = thrown instanceof StageException s ? s : unexpected(item, thrown);
                                if (isBackendWide(e) && fatal.compareAndSet(null, e)) {
                                    LOG.error("stopping the batch: {}", e.getMessage());
                                }
                                failures.add(e);
                                failedItems.add(new RunReport.FailedItem(
                                        item.input(), e.stage(), e.getMessage(), e.retriable()));
                                ObjectNode f = failureJson(item, e);
                                try {
                                    journal.appendFailed(f);
                                    failureLog.append(f);
                                } catch (RuntimeException logError) {
                                    LOG.error("cannot record the failure of {}: {}", item.key(), logError.getMessage());
                                }
                                listener.item(
                                        BatchListener.Outcome.FAILED, item.key(), e.stage() + ": " + e.getMessage());
                            } finally {
                                if (progress != null && !ended) {
                                    ObjectNode fileRecord = progress.itemEnded(finishedItem);
                                    if (fileRecord != null) {
                                        appendFile(journal, fileRecord);
                                    }
                                }
                                inFlight.release();
                            }
                        });
                    }
                }
            } finally {
                pendingSources.close();
                pool.shutdown();
                awaitQuietly(pool);
            }
        }
        RunReport report = new RunReport(
                started,
                clock.instant(),
                done.get(),
                fromCache.get(),
                failures.size(),
                skipped.get(),
                usage.get(),
                entries.finish(),
                failures,
                stop.get(),
                failedItems.stream()
                        .sorted(java.util.Comparator.comparing(
                                RunReport.FailedItem::input,
                                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                        .toList(),
                waiting.get(),
                List.of());
        if (deferred == null) {
            listener.finished(report); // a deferred pass is reported with the batches it sent (runDeferred)
        }
        return report;
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
                LOG.info("waiting for the items in flight to finish ...");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * True for failures no other item can escape: the account's quota or the run's budget is exhausted, or the backend
     * rejects the key (or the configuration). Retriable failures and bad input stay per item.
     */
    private static boolean isBackendWide(StageException e) {
        return e.getCause() instanceof DragomanException d
                && (d.kind() == DragomanException.Kind.QUOTA_EXCEEDED
                        || d.kind() == DragomanException.Kind.BUDGET_EXCEEDED
                        || d.kind() == DragomanException.Kind.AUTHENTICATION_FAILED
                        || d.kind() == DragomanException.Kind.CONFIGURATION);
    }

    /** True when the item's work was handed to a provider batch (deferred mode) rather than failing. */
    private static boolean handedToBatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DragomanException d && d.kind() == DragomanException.Kind.DEFERRED) {
                return true;
            }
        }
        return false;
    }

    private static StageException unexpected(WorkItem item, Throwable e) {
        LOG.debug("unexpected failure of {}", item.key(), e);
        return new StageException("process", "unexpected failure: " + Reasons.of(e), false, e);
    }

    private static StageException notAttempted(StageException cause) {
        return new StageException(
                cause.stage(), "not attempted: the batch stopped after " + cause.getMessage(), false, cause.getCause());
    }

    /**
     * The sources, read ahead on {@link #LOCAL_WORKERS} threads of their own (reading, decoding, parsing and language
     * detection are the batch's largest local cost, and one dispatching thread reading them in turn would bound the
     * whole batch) and handed back in input order. At most {@code 2 × LOCAL_WORKERS} sources are read ahead, so a
     * batch of any size still streams; sources read ahead but never taken (a stop) are dropped unrecorded.
     */
    private static final class ReadAhead implements AutoCloseable {
        /** One source: its stamp (files), its items, or, for an unchanged finished file, its finished items. */
        record Read(String source, ItemSource.FileStamp stamp, Map<String, Long> finished, List<WorkItem> items) {}

        private final Iterator<String> sources;
        private final java.util.function.Function<String, Read> reader;
        private final ExecutorService threads = Executors.newFixedThreadPool(LOCAL_WORKERS, threads("batch-read-"));
        private final java.util.ArrayDeque<java.util.concurrent.Future<Read>> window = new java.util.ArrayDeque<>();

        ReadAhead(Iterator<String> sources, java.util.function.Function<String, Read> reader) {
            this.sources = sources;
            this.reader = reader;
        }

        boolean hasNext() {
            fill();
            return !window.isEmpty();
        }

        Read next() {
            fill();
            java.util.concurrent.Future<Read> next = window.poll();
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return next.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (java.util.concurrent.ExecutionException e) { // an Error while reading
                        throw new IllegalStateException("reading an input failed: " + e.getCause(), e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void fill() {
            while (window.size() < 2 * LOCAL_WORKERS && sources.hasNext()) {
                String src = sources.next();
                window.add(threads.submit(() -> {
                    try {
                        return reader.apply(src);
                    } catch (RuntimeException e) { // a defect: the source fails as one item and the batch goes on
                        return new Read(
                                src, null, null, List.of(WorkItem.failed(src, src, StageException.of("read", e))));
                    }
                }));
            }
        }

        @Override
        public void close() {
            threads.shutdownNow();
        }
    }

    /**
     * What became of an item: its record (when done now), where its done record starts in the journal ({@code at},
     * −1 when it has none or it is still to be appended: {@code toJournal}, the worker does it) and its id when known.
     */
    private record Outcome(BatchListener.Outcome kind, DoneRecord record, long at, String id, boolean toJournal) {
        static Outcome skipped(long at, String id) {
            return new Outcome(BatchListener.Outcome.SKIPPED, null, at, id, false);
        }
    }

    private static void appendFile(BatchJournal journal, ObjectNode fileRecord) {
        try {
            journal.appendFile(fileRecord);
        } catch (RuntimeException e) {
            // only an optimisation is lost: the next run reads the file and skips its items by key
            LOG.warn(
                    "cannot record the finished input {}: {}",
                    fileRecord.path("path").asText(),
                    e.getMessage());
        }
    }

    /**
     * The items of one file input still in flight: when the last one ends and every one finished, the file's
     * stamp goes into the journal so an unchanged re-run skips it unread. A failed item (or a stop before all its
     * items started) leaves no file record, so the file is read again next time.
     */
    private static final class FileProgress {
        private final ItemSource.FileStamp stamp;
        private final String fingerprint;
        private final List<String> keys;
        private final AtomicInteger remaining;
        private final AtomicBoolean allFinished = new AtomicBoolean(true);

        FileProgress(ItemSource.FileStamp stamp, String fingerprint, List<String> keys) {
            this.stamp = stamp;
            this.fingerprint = fingerprint;
            this.keys = keys;
            this.remaining = new AtomicInteger(keys.size());
        }

        /**
         * Counts one item of the file as ended; returns the file's journal record when it was the last one and every
         * one finished (the caller appends it: with the last item's done record, or alone), else null.
         */
        ObjectNode itemEnded(boolean finished) {
            if (!finished) {
                allFinished.set(false);
            }
            if (remaining.decrementAndGet() == 0 && allFinished.get()) {
                return BatchJournal.fileRecord(stamp, fingerprint, keys);
            }
            return null;
        }
    }

    private Outcome process(WorkItem item, BatchJournal journal, ArticleOutputs outputs, String fingerprint) {
        if (item.fetches()) {
            // only an item whose page is still to be fetched is known by its URL before loading; one that carries
            // its article is known by its content below, so a URL it declares never hides another article
            long seen = journal.findKey(item.key(), fingerprint);
            if (seen >= 0) {
                return Outcome.skipped(seen, null); // never fetch a finished feed item's page again
            }
            if (journal.doneUrl(item.url(), fingerprint)) {
                return Outcome.skipped(-1, null); // the same page reached through another feed
            }
        }
        Article article;
        try {
            article = item.loader().load();
        } catch (RuntimeException e) {
            throw StageException.of("read", e);
        }
        // the content id, never an id the input declares: two different articles that declare one id both survive,
        // and no declared name ever reaches a path
        String id = Article.contentId(article.headline(), article.paragraphs());
        long done = journal.findArticle(id, fingerprint);
        if (done >= 0) {
            return Outcome.skipped(done, id);
        }
        if (!claim(id, item.key())) {
            // the same story reached twice in this run (two files, two feeds): it is done once, by the first
            LOG.debug("{} is the same article as an earlier item of this run", item.key());
            return Outcome.skipped(-1, null);
        }
        DoneRecord recovered = outputs.recover(id, fingerprint);
        if (recovered != null && !recovered.fallback()) {
            long at = journal.appendDone(recovered, item.key());
            LOG.debug("adopted the outputs of {} written by an interrupted run", item.key());
            return Outcome.skipped(at, id);
        }

        StepResult result = step.apply(article, options.step());
        DoneRecord record = record(id, item, result, outputs.paths(id), fingerprint);
        try {
            outputs.write(record, result);
        } catch (IOException | RuntimeException e) {
            throw StageException.of("write", e);
        }
        long before = journal.findFallback(id, fingerprint);
        if (before >= 0 && record.fallback()) {
            // redone because a fallback helped last time, and the configured backend is still out of quota: nothing
            // new to report (a digest of new items does not list it again)
            return Outcome.skipped(before, id);
        }
        return new Outcome(
                record.fromCache() ? BatchListener.Outcome.FROM_CACHE : BatchListener.Outcome.DONE,
                record,
                -1,
                id,
                true);
    }

    /**
     * True when this item takes the content id in the current run: no other item did, or this same item did (the
     * keys are compared by their 32-bit hash codes: a clash only lets a duplicate be done twice, never drops one).
     */
    private boolean claim(String id, String key) {
        long mine = key.hashCode() & 0xffffffffL;
        long first;
        synchronized (claimed) {
            first = claimed.putIfAbsent(id, mine);
        }
        return first < 0 || first == mine;
    }

    private DoneRecord record(String id, WorkItem item, StepResult result, List<String> paths, String fingerprint) {
        return DoneRecord.of(
                id, fingerprint, item.input(), item.url(), result, options.translateTo(), paths, clock.instant());
    }

    private ObjectNode failureJson(WorkItem item, StageException e) {
        return failureJson(item.input(), item.key(), item.url(), e, clock.instant());
    }

    /**
     * One line of {@code failures.jsonl}: the input, the item's key, its URL (when known), the stage, the (redacted)
     * reason, whether a re-run may pass, and when it failed. Every engine writes failures in this shape.
     */
    public static ObjectNode failureJson(String input, String key, String url, StageException e, Instant time) {
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("input", input);
        f.put("key", key);
        if (url != null) {
            f.put("url", url);
        }
        f.put("stage", e.stage());
        f.put("reason", e.getMessage());
        f.put("retriable", e.retriable());
        f.put("time", time.toString());
        return f;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(false);
            return t;
        };
    }

    /** {@code failures.jsonl}: this run's failures, one JSON object per line, each forced to disk. */
    static final class FailureLog implements AutoCloseable {
        private final FileChannel channel;

        private FailureLog(FileChannel channel) {
            this.channel = channel;
        }

        static FailureLog open(Path file) {
            try {
                return new FailureLog(FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
            }
        }

        synchronized void append(ObjectNode failure) {
            try {
                ByteBuffer b = ByteBuffer.wrap(
                        (Json.mapper().writeValueAsString(failure) + "\n").getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    channel.write(b);
                }
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("closing failures.jsonl: {}", e.getMessage());
            }
        }
    }

    /** Builds a {@link BatchEngine}. Not thread-safe; {@link #build()} may be called once per engine. */
    public static final class Builder {
        private final BatchOptions options;
        private ArticleStep step;
        private TranslationBackend translator;
        private Summarizer summarizer;
        private Fetcher fetcher;
        private ArticleReaders readers = ArticleReaders.standard();
        private Clock clock = Clock.systemUTC();
        private DeferredBatches deferred;
        private JobsGate gate;

        private Builder(BatchOptions options) {
            this.options = Objects.requireNonNull(options, "options");
        }

        /** The decorated translation backend for {@code translateTo} and briefs (shared by every worker). */
        public Builder translator(TranslationBackend translator) {
            this.translator = translator;
            return this;
        }

        /** The summarizer for summaries and briefs (shared by every worker). */
        public Builder summarizer(Summarizer summarizer) {
            this.summarizer = summarizer;
            return this;
        }

        /** A ready step instead of {@link #translator} and {@link #summarizer}. */
        public Builder step(ArticleStep step) {
            this.step = step;
            return this;
        }

        /**
         * Fetches feed and page URLs (default: an {@link HttpFetcher} over a new OkHttp client, 30 s timeout, two
         * requests per host). Pass one over the application's shared client.
         */
        public Builder fetcher(Fetcher fetcher) {
            this.fetcher = fetcher;
            return this;
        }

        /** Reads files and fetched documents into articles (default: {@link ArticleReaders#standard()}). */
        public Builder readers(ArticleReaders readers) {
            this.readers = Objects.requireNonNull(readers, "readers");
            return this;
        }

        /**
         * Deferred mode: the language-model requests the cache cannot answer go to provider batches, and a run
         * completes from their answers ({@link DeferredBatches}). Give the same object to
         * {@link dev.dragoman.pipeline.backend.Backends#withDeferral} before building the backends. Null (the
         * default): live calls.
         */
        public Builder deferred(DeferredBatches batches) {
            this.deferred = batches;
            return this;
        }

        /**
         * The gate the backends' HTTP client passes through ({@link JobsGate#around}): then a permit is held only
         * while a request is on the wire, and the translator and the summarizer are not gated here as a whole (which
         * would hold a permit through cache look-ups, the store's lock, rate-limit waits and local summaries). Its
         * {@link JobsGate#jobs()} must be the options' {@code jobs}. Null (the default): gated here.
         */
        public Builder gate(JobsGate g) {
            this.gate = g;
            return this;
        }

        /** The clock for run times and records (default: the UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @throws DragomanException of kind CONFIGURATION when the options need a backend that was not given
         */
        public BatchEngine build() {
            ArticleStep s;
            int workers;
            if (step != null) {
                s = step; // a ready step is not gated: jobs workers, each one item at a time
                workers = options.jobs();
            } else if (gate != null) {
                if (gate.jobs() != options.jobs()) {
                    throw new IllegalArgumentException("the backends' gate lets " + gate.jobs()
                            + " requests through at once, but the batch runs " + options.jobs() + " jobs");
                }
                s = ArticleStep.builder()
                        .translator(translator)
                        .summarizer(summarizer)
                        .build();
                workers = options.jobs() + LOCAL_WORKERS;
            } else {
                Semaphore calls = new Semaphore(options.jobs(), true);
                s = ArticleStep.builder()
                        .translator(translator == null ? null : gated(translator, calls))
                        .summarizer(summarizer == null ? null : gated(summarizer, calls))
                        .build();
                workers = options.jobs() + LOCAL_WORKERS;
            }
            Fetcher f = fetcher != null ? fetcher : HttpFetcher.standard();
            return new BatchEngine(options, new ItemSource(f, readers, options.out()), s, clock, workers, deferred);
        }

        /** {@code t}, letting at most {@code calls}' permits of callers in at once. */
        private static TranslationBackend gated(TranslationBackend t, Semaphore calls) {
            return TranslationBackend.of(
                    t.profile(), request -> withPermit(calls, () -> t.translate(request)), t.toString());
        }

        private static Summarizer gated(Summarizer s, Semaphore calls) {
            return (article, opts) -> withPermit(calls, () -> s.summarize(article, opts));
        }

        private static <T> T withPermit(Semaphore calls, java.util.function.Supplier<T> call) {
            calls.acquireUninterruptibly();
            try {
                return call.get();
            } finally {
                calls.release();
            }
        }
    }
}

package dev.dragoman.pipeline.deferred;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.retry.Sleeper;
import dev.dragoman.pipeline.internal.AtomicFiles;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deferred mode of one batch run: every language-model request the run's cache cannot answer is handed to the
 * provider's batch API (half the price, answers within 24 hours) instead of being sent, and the run completes from
 * the answers when the batch has ended.
 *
 * <p>How a run goes ({@link dev.dragoman.pipeline.batch.BatchEngine} drives it while holding the output folder's
 * lock): {@link #open} reads the state under {@code <out>/.dragoman/deferred/}; {@link #settle} looks at every batch in
 * flight once and, for one that has ended, appends its answers to {@code answers.jsonl} (forced) before it drops the
 * batch from {@code batches.json}; with a batch still in flight the run stops there (or, when it waits, sleeps the
 * poll interval and looks again). Otherwise the items run: the chat models {@link #model} made answer from the
 * answers, or {@link #collect} the request and throw {@link DeferredException}. {@link #submit} then sends what was
 * collected as one batch per backend, with the digest of each request body as its custom id, and writes the batch id
 * to {@code batches.json} at once — a restarted or scheduled process polls that batch instead of paying twice. When a
 * pass collects nothing, {@link #finish} deletes the answers: the cache holds what was good in them.
 *
 * <p>Thread-safe: the chat models are called from the run's workers; the other methods from the engine's thread.
 */
public final class DeferredBatches {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredBatches.class);

    /** The directory under the run's state directory that holds the deferred state. */
    public static final String DIR = "deferred";

    static final String BATCHES = "batches.json";
    static final String ANSWERS = "answers.jsonl";

    /** The default poll interval of a run that waits. */
    public static final Duration DEFAULT_POLL = Duration.ofMinutes(1);

    private final Duration pollEvery;
    private final boolean waitForResults;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Map<String, BatchApi> apis = new ConcurrentHashMap<>();
    private final Map<String, Map<String, JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger sentLive = new AtomicInteger();
    private volatile Map<String, BatchApi.Answer> answers = Map.of();
    private volatile List<InFlight> inFlight = List.of();
    private volatile Path dir;

    private DeferredBatches(Duration pollEvery, boolean waitForResults, Sleeper sleeper, Clock clock) {
        if (pollEvery.isNegative() || pollEvery.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive, not " + pollEvery);
        }
        this.pollEvery = pollEvery;
        this.waitForResults = waitForResults;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param pollEvery how long a waiting run sleeps between two looks at a batch in flight
     * @param waitForResults true: the run blocks until its batches have ended and completes; false: it submits (or
     *     looks at the batch in flight once) and returns, to be run again later
     */
    public static DeferredBatches of(Duration pollEvery, boolean waitForResults) {
        return new DeferredBatches(pollEvery, waitForResults, Sleeper.SYSTEM, Clock.systemUTC());
    }

    /**
     * Deferred mode as a front end's flags ask for it ({@code --deferred}, {@code --wait}, {@code --poll-every}).
     *
     * @return null when {@code deferred} is off: the backends are called live
     * @throws IllegalArgumentException when waiting is asked for without deferred mode
     */
    public static DeferredBatches asked(boolean deferred, boolean waitForResults, Duration pollEvery) {
        if (!deferred) {
            if (waitForResults) {
                throw new IllegalArgumentException("--wait goes with --deferred");
            }
            return null;
        }
        return of(pollEvery, waitForResults);
    }

    /** As {@link #of(Duration, boolean)} with the waits and times of a test. */
    public static DeferredBatches of(Duration pollEvery, boolean waitForResults, Sleeper sleeper, Clock clock) {
        return new DeferredBatches(pollEvery, waitForResults, sleeper, clock);
    }

    public boolean waitsForResults() {
        return waitForResults;
    }

    public Duration pollEvery() {
        return pollEvery;
    }

    /**
     * The chat model of backend {@code backend} in deferred mode: answers from ended batches, or hands the request to
     * the next batch of {@code api}. Called once per backend when it is built.
     *
     * @param live the provider's own model, for requests a batch failed in a way a retry may cure
     */
    public ChatModel model(String backend, BatchApi api, ChatModel live) {
        apis.put(backend, api);
        return new DeferredChatModel(backend, api, live, this);
    }

    /** A batch in flight, as {@code batches.json} keeps it. */
    public record InFlight(String backend, String id, Instant submitted, List<String> requests) {
        public InFlight {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(submitted, "submitted");
            requests = List.copyOf(requests);
        }

        /** "batch batch_abc of backend 'gpt' (12 requests, submitted 2026-12-05T13:00:00Z)". */
        public String describe() {
            return "batch " + id + " of backend '" + backend + "' (" + requests.size() + " requests, submitted "
                    + submitted + ")";
        }
    }

    /**
     * Reads the state of the run whose state directory is {@code stateDir} (the batches in flight, the answers not yet
     * used up) and forgets what a previous run of this object collected.
     */
    public void open(Path stateDir) {
        Path d = stateDir.resolve(DIR);
        this.dir = d;
        pending.clear();
        sentLive.set(0);
        this.inFlight = readBatches(d.resolve(BATCHES));
        this.answers = readAnswers(d.resolve(ANSWERS));
    }

    /** The batches in flight, as last read or written. */
    public List<InFlight> inFlight() {
        return inFlight;
    }

    /**
     * Looks at every batch in flight once; the answers of those that ended are appended to {@code answers.jsonl}
     * (a request without an answer line gets a retriable failure naming the batch's final state) and the batches are
     * dropped from {@code batches.json}.
     *
     * @return the batches still in flight
     * @throws DragomanException (configuration) when a batch in flight belongs to a backend this run does not use;
     *     mapped provider errors when a batch cannot be read
     */
    public List<InFlight> settle() {
        Path d = requireOpen();
        List<InFlight> still = new ArrayList<>();
        for (InFlight b : inFlight) {
            BatchApi api = apis.get(b.backend());
            if (api == null) {
                throw new DragomanException(
                        DragomanException.Kind.CONFIGURATION,
                        b.describe() + " is in flight (" + d.resolve(BATCHES) + "), but this run does not use backend '"
                                + b.backend() + "': run with the same backends, or delete that file to abandon it"
                                + " (the provider still bills it)");
            }
            BatchApi.Status s = api.status(b.id());
            if (!s.ended()) {
                LOG.info("{} is {}", b.describe(), s.state());
                still.add(b);
                continue;
            }
            Map<String, BatchApi.Answer> got = new HashMap<>();
            for (BatchApi.Answer a : api.results(s)) {
                got.put(a.customId(), a);
            }
            List<BatchApi.Answer> ended = new ArrayList<>();
            int failed = 0;
            for (String id : b.requests()) {
                BatchApi.Answer a = got.get(id);
                if (a == null) {
                    a = BatchApi.Answer.failed(id, "the batch ended (" + s.state() + ") without an answer", true);
                }
                failed += a.succeeded() ? 0 : 1;
                ended.add(a);
            }
            LOG.info("{} ended ({}): {} answers, {} failed", b.describe(), s.state(), ended.size() - failed, failed);
            appendAnswers(d.resolve(ANSWERS), ended);
            Map<String, BatchApi.Answer> all = new HashMap<>(answers);
            ended.forEach(a -> all.put(a.customId(), a));
            answers = Map.copyOf(all);
        }
        if (still.size() != inFlight.size()) {
            writeBatches(d.resolve(BATCHES), still);
            inFlight = List.copyOf(still);
        }
        return inFlight;
    }

    /**
     * Sends what the items collected since {@link #open}: one batch per backend, its id written to
     * {@code batches.json} as soon as the provider gives it.
     *
     * @return the batches sent (empty when nothing was collected)
     */
    public List<InFlight> submit() {
        Path d = requireOpen();
        List<InFlight> sent = new ArrayList<>();
        for (Map.Entry<String, Map<String, JsonNode>> e : new LinkedHashMap<>(pending).entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            List<BatchApi.Request> requests = new ArrayList<>();
            e.getValue().forEach((id, body) -> requests.add(new BatchApi.Request(id, (ObjectNode) body)));
            String id = apis.get(e.getKey()).submit(requests);
            InFlight b = new InFlight(
                    e.getKey(),
                    id,
                    clock.instant(),
                    requests.stream().map(BatchApi.Request::customId).toList());
            List<InFlight> all = new ArrayList<>(inFlight);
            all.add(b);
            writeBatches(d.resolve(BATCHES), all);
            inFlight = List.copyOf(all);
            pending.remove(e.getKey());
            sent.add(b);
            LOG.info("sent {}", b.describe());
        }
        return sent;
    }

    /** Deletes the answers (all used by now: the cache holds the good ones); for a run that collected nothing. */
    public void finish() {
        Path d = requireOpen();
        try {
            Files.deleteIfExists(d.resolve(ANSWERS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + d.resolve(ANSWERS) + ": " + e.getMessage(), e);
        }
        answers = Map.of();
    }

    /**
     * Sleeps the poll interval.
     *
     * @return false when the thread was interrupted (the run should stop waiting)
     */
    public boolean pause() {
        try {
            sleeper.sleep(pollEvery);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many requests were collected for the next batch since {@link #open}. */
    public int collected() {
        return pending.values().stream().mapToInt(Map::size).sum();
    }

    /** How many failed batch requests were sent live since {@link #open}. */
    public int sentLive() {
        return sentLive.get();
    }

    BatchApi.Answer answer(String customId) {
        return answers.get(customId);
    }

    void collect(String backend, String customId, JsonNode body) {
        pending.computeIfAbsent(backend, k -> new ConcurrentHashMap<>()).putIfAbsent(customId, body);
    }

    void countLive() {
        sentLive.incrementAndGet();
    }

    private Path requireOpen() {
        Path d = dir;
        if (d == null) {
            throw new IllegalStateException("open() the deferred state first");
        }
        return d;
    }

    private static List<InFlight> readBatches(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<InFlight> out = new ArrayList<>();
            for (JsonNode b : root.path("batches")) {
                List<String> ids = new ArrayList<>();
                b.path("requests").forEach(r -> ids.add(r.asText()));
                out.add(new InFlight(
                        b.path("backend").asText(),
                        b.path("id").asText(),
                        Instant.parse(b.path("submitted").asText()),
                        ids));
            }
            return List.copyOf(out);
        } catch (IOException | RuntimeException e) {
            // never guess: a batch id lost here would be paid for twice
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "cannot read the batches in flight from " + file + " (" + e.getMessage()
                            + "); repair it, or delete it to abandon those batches (the provider still bills them)",
                    e);
        }
    }

    private static void writeBatches(Path file, List<InFlight> batches) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode list = root.putArray("batches");
        for (InFlight b : batches) {
            ObjectNode o = list.addObject();
            o.put("backend", b.backend());
            o.put("id", b.id());
            o.put("submitted", b.submitted().toString());
            ArrayNode ids = o.putArray("requests");
            b.requests().forEach(ids::add);
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, root.toPrettyString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, BatchApi.Answer> readAnswers(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, BatchApi.Answer> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode a = Json.mapper().readTree(line);
                    String id = a.path("custom_id").asText();
                    out.put(
                            id,
                            a.hasNonNull("text")
                                    ? BatchApi.Answer.ok(
                                            id,
                                            a.get("text").asText(),
                                            a.path("input_tokens").asLong(),
                                            a.path("output_tokens").asLong())
                                    : BatchApi.Answer.failed(
                                            id,
                                            a.path("error").asText("unknown"),
                                            a.path("retriable").asBoolean(true)));
                } catch (IOException | RuntimeException e) {
                    // a line cut short by a kill: its batch is still in batches.json and is read again
                    LOG.warn("skipping an unreadable line of {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return Map.copyOf(out);
    }

    private static void appendAnswers(Path file, List<BatchApi.Answer> answers) {
        StringBuilder sb = new StringBuilder();
        for (BatchApi.Answer a : answers) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("custom_id", a.customId());
            if (a.succeeded()) {
                o.put("text", a.text());
                o.put("input_tokens", a.inputTokens());
                o.put("output_tokens", a.outputTokens());
            } else {
                o.put("error", a.error());
                o.put("retriable", a.retriable());
            }
            sb.append(o).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

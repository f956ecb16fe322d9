package dev.dragoman.core.testing.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.testing.OpenAiJson;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated translation backend for tests and benchmarks: a small HTTP/1.1 server on 127.0.0.1 (a free port)
 * that speaks the OpenAI chat-completions shape ({@code POST /v1/chat/completions}) and the DeepL shape
 * ({@code POST /v2/translate}, {@code /v2/usage}; glossaries through {@code GET|POST /v3/glossaries} and
 * {@code DELETE /v3/glossaries/ID}, applied by {@code glossary_id}), with configurable latency, a rate limit (429 with
 * {@code Retry-After}), injected faults and a character quota (DeepL 456, OpenAI 429 {@code insufficient_quota}).
 *
 * <p>It answers with {@link SimTranslation#translate}, so every output can be checked exactly. It counts how often
 * each distinct segment was sent and notices a segment sent again after a correct answer for it had been delivered
 * ({@link #resentAfterDelivery()}), so tests can assert that no finished item is sent twice.
 *
 * <p>Every random choice (latency draws, whether a request gets a fault) is made from a stream seeded by the
 * configured seed, the request body and how many times that same body was seen before; a run with the same seed
 * and inputs therefore repeats regardless of thread timing. Faults can also be scripted for the next requests in
 * arrival order ({@link #injectNext}).
 *
 * <p>Written on the JDK and Jackson alone (a raw {@link ServerSocket} and a thread pool) because the test kit depends
 * on no Dragoman module (core's own tests use it), and because resets and stalls need control of the socket that mock
 * servers do not give.
 */
public final class SimulatedBackend implements AutoCloseable {

    /** A plain mapper, as a vendor's server has: the simulator parses and writes the vendors' JSON, not Dragoman's. */
    static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket server;
    private final ExecutorService pool;
    private final ChatProtocol chat;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile SimConfig config;
    private volatile boolean closed;

    private final ConcurrentLinkedDeque<Fault> scripted = new ConcurrentLinkedDeque<>();
    private final Map<Long, AtomicInteger> attemptsByBody = new ConcurrentHashMap<>();
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> resent = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<List<ChatProtocol.Message>> chats = new ConcurrentLinkedQueue<>();
    private final Map<Integer, Runnable> hooks = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicInteger> faults = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong billed = new AtomicLong();
    private final AtomicLong paidRequests = new AtomicLong();
    private final AtomicLong paidCharacters = new AtomicLong();
    private final AtomicLong paidInputTokens = new AtomicLong();
    private final AtomicLong paidOutputTokens = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, SimGlossary> glossaries = new ConcurrentHashMap<>();
    private final Object quotaLock = new Object();

    private SimulatedBackend(SimConfig config, ChatProtocol chat) throws IOException {
        this.config = config;
        this.chat = chat;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sim-backend-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.execute(this::acceptLoop);
    }

    /** Starts a backend on a free loopback port with the {@link GenericChatProtocol}. */
    public static SimulatedBackend start(SimConfig config) {
        return start(config, new GenericChatProtocol());
    }

    /** Starts a backend on a free loopback port reading prompts with {@code chat}. */
    public static SimulatedBackend start(SimConfig config, ChatProtocol chat) {
        try {
            return new SimulatedBackend(config, chat);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated backend", e);
        }
    }

    /** {@code http://127.0.0.1:PORT} (no trailing slash); DeepL clients append {@code /v2/translate}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The OpenAI-compatible base URL, {@code http://127.0.0.1:PORT/v1}. */
    public String openAiBaseUrl() {
        return baseUrl() + "/v1";
    }

    public int port() {
        return server.getLocalPort();
    }

    public SimConfig config() {
        return config;
    }

    /** Changes behaviour from the next request on (e.g. faults off after a burst). */
    public void reconfigure(SimConfig newConfig) {
        this.config = newConfig;
    }

    /** The next {@code count} requests, in arrival order, get {@code fault} (before any configured rate applies). */
    public void injectNext(Fault fault, int count) {
        for (int i = 0; i < count; i++) {
            scripted.add(fault);
        }
    }

    /**
     * Runs {@code action} on the serving thread when the {@code nth} translation request (counted like
     * {@link Stats#requests()}) arrives, before it is answered: a deterministic "mid-batch" moment for tests that
     * restart a cache server or kill a process.
     */
    public void onRequest(int nth, Runnable action) {
        hooks.put(nth, action);
    }

    /** How many requests carried exactly this segment text (any outcome). */
    public int sendCount(String segment) {
        AtomicInteger n = sent.get(segment);
        return n == null ? 0 : n.get();
    }

    /** Every distinct segment received, with how many requests carried it. */
    public Map<String, Integer> sentSegments() {
        Map<String, Integer> out = new TreeMap<>();
        sent.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Segments received again after a correct translation of them had been delivered (should be empty). */
    public List<String> resentAfterDelivery() {
        return List.copyOf(resent);
    }

    /** The messages of every chat-completions request received (since start or {@link #resetStats()}), in order. */
    public List<List<ChatProtocol.Message>> chatRequests() {
        return List.copyOf(chats);
    }

    /**
     * When each translation request arrived ({@link System#nanoTime()}, sorted; since start or {@link #resetStats()}),
     * for checking the combined rate of several clients.
     */
    public List<Long> arrivals() {
        return arrivals.stream().sorted().toList();
    }

    /** Segments for which a correct translation was delivered. */
    public Set<String> deliveredSegments() {
        return Set.copyOf(delivered);
    }

    /** The names of the DeepL glossaries this account holds, in creation order. */
    public List<String> glossaryNames() {
        return glossaries.values().stream()
                .sorted(java.util.Comparator.comparing(SimGlossary::created).thenComparing(SimGlossary::id))
                .map(SimGlossary::name)
                .toList();
    }

    /** A snapshot of the counters. */
    public Stats stats() {
        Map<Integer, Integer> statuses = new TreeMap<>();
        byStatus.forEach((k, v) -> statuses.put(k, v.get()));
        Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
        faults.forEach((k, v) -> injected.put(k, v.get()));
        return new Stats(
                requests.get(),
                statuses,
                injected,
                billed.get(),
                maxInFlight.get(),
                new Paid(paidRequests.get(), paidCharacters.get(), paidInputTokens.get(), paidOutputTokens.get()));
    }

    /** Zeroes the counters and the per-segment records (the quota usage and rate window are kept). */
    public void resetStats() {
        requests.set(0);
        arrivals.clear();
        byStatus.clear();
        faults.clear();
        sent.clear();
        delivered.clear();
        resent.clear();
        chats.clear();
        paidRequests.set(0);
        paidCharacters.set(0);
        paidInputTokens.set(0);
        paidOutputTokens.set(0);
        maxInFlight.set(inFlight.get());
    }

    /**
     * What a client is billed, in the shape of core's {@code Usage} (same components, so AssertJ's
     * {@code usingRecursiveComparison()} compares the two); the kit depends on no Dragoman module.
     */
    public record Paid(long requests, long characters, long inputTokens, long outputTokens) {}

    /**
     * Counters since start or {@link #resetStats()}.
     *
     * @param requests translation requests received (chat completions and DeepL translate; usage calls excluded)
     * @param byStatus responses by HTTP status (resets and stalls have none)
     * @param faultsInjected faults injected, by kind (rate-limit 429s are in {@code byStatus})
     * @param charactersBilled characters of successfully answered requests since start (quota usage)
     * @param maxInFlight most requests being served at once
     * @param paid what the answers a client can read bill it for, as a client adds it up: one request per such answer
     *     plus the characters of each correct DeepL answer and the tokens in the {@code usage} of each chat answer —
     *     used or not (a segment missing, prose instead of JSON); answers whose body cannot be read (malformed or
     *     cut-off JSON) bill nothing a client could know
     */
    public record Stats(
            int requests,
            Map<Integer, Integer> byStatus,
            Map<Fault, Integer> faultsInjected,
            long charactersBilled,
            int maxInFlight,
            Paid paid) {
        public int status(int code) {
            return byStatus.getOrDefault(code, 0);
        }

        public int faults(Fault fault) {
            return faultsInjected.getOrDefault(fault, 0);
        }

        /** Requests answered 200 with a correct translation. */
        public int ok() {
            return status(200)
                    - faults(Fault.MALFORMED_JSON)
                    - faults(Fault.TRUNCATED_JSON)
                    - faults(Fault.WRONG_SEGMENT_COUNT)
                    - faults(Fault.MALFORMED_CONTENT);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- connection handling

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                pool.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                HttpRequest request = HttpRequest.read(in, out);
                if (request == null) {
                    return;
                }
                if (!handle(request, socket, out) || request.wantsClose()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or a reset we caused ourselves: nothing to do
        } finally {
            open.remove(socket);
        }
    }

    /** Returns false when the connection must not be reused. */
    private boolean handle(HttpRequest request, Socket socket, OutputStream out) throws IOException {
        String path = request.path();
        if (path.equals("/v2/usage")) {
            ObjectNode usage = JSON.createObjectNode();
            usage.put("character_count", billed.get());
            usage.put("character_limit", config.quotaCharacters() < 0 ? 1_000_000_000_000L : config.quotaCharacters());
            return respond(out, 200, usage.toString(), Map.of());
        }
        if (path.equals("/v3/glossaries") || path.startsWith("/v3/glossaries/")) {
            String authError = checkAuth(request, config, true);
            return authError != null ? respond(out, 403, authError, Map.of()) : glossaries(request, out);
        }
        boolean deepl = path.equals("/v2/translate");
        boolean openai = path.equals("/v1/chat/completions") || path.equals("/chat/completions");
        if (!deepl && !openai) {
            return respond(out, 404, "{\"message\":\"no such endpoint: " + path.replace("\"", "") + "\"}", Map.of());
        }
        if (!request.method().equals("POST")) {
            return respond(out, 405, "{\"message\":\"use POST\"}", Map.of());
        }
        SimConfig cfg = config;
        String authError = checkAuth(request, cfg, deepl);
        if (authError != null) {
            return respond(out, deepl ? 403 : 401, authError, Map.of());
        }
        Parsed parsed;
        try {
            parsed = deepl ? parseDeepL(request, glossaries) : parseChat(request);
        } catch (IOException | RuntimeException e) {
            return respond(
                    out, 400, errorBody(deepl, "Bad request: " + e.getMessage(), "invalid_request_error"), Map.of());
        }
        arrivals.add(System.nanoTime());
        Runnable hook = hooks.remove(requests.incrementAndGet());
        if (hook != null) {
            hook.run();
        }
        for (String segment : parsed.segments().values()) {
            sent.computeIfAbsent(segment, k -> new AtomicInteger()).incrementAndGet();
            if (delivered.contains(segment)) {
                resent.add(segment);
            }
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            return answer(request, parsed, cfg, deepl, socket, out);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private boolean answer(
            HttpRequest request, Parsed parsed, SimConfig cfg, boolean deepl, Socket socket, OutputStream out)
            throws IOException {
        long bodyHash = hash(request.body());
        int attempt = attemptsByBody
                .computeIfAbsent(bodyHash, k -> new AtomicInteger())
                .getAndIncrement();
        SplittableRandom random = new SplittableRandom(mix(cfg.seed(), bodyHash, attempt));

        Duration wait = rateLimit(cfg);
        if (wait != null) {
            long ms = Math.max(1, wait.toMillis());
            String seconds = Long.toString(Math.max(1, (ms + 999) / 1000));
            return respond(
                    out,
                    429,
                    errorBody(deepl, "Too many requests, please slow down.", "rate_limit_exceeded"),
                    Map.of("Retry-After", seconds, "retry-after-ms", Long.toString(ms)));
        }
        Fault fault = chooseFault(cfg, random, attempt);
        Duration latency = cfg.latency().draw(random);
        if (fault == null) {
            long chars = parsed.characters();
            synchronized (quotaLock) {
                if (cfg.quotaCharacters() >= 0 && billed.get() + chars > cfg.quotaCharacters()) {
                    return deepl
                            ? respond(out, 456, "{\"message\":\"Quota Exceeded\"}", Map.of())
                            : respond(
                                    out,
                                    429,
                                    errorBody(
                                            false,
                                            "You exceeded your current quota, please check your plan and billing details.",
                                            "insufficient_quota"),
                                    Map.of());
                }
                billed.addAndGet(chars);
            }
        } else {
            faults.computeIfAbsent(fault, k -> new AtomicInteger()).incrementAndGet();
        }
        if (!sleep(fault == Fault.STALL ? cfg.stall() : latency)) {
            return false;
        }
        if (fault == null) {
            String body = deepl ? deepLBody(parsed, false) : chatBody(parsed, request, false, false, true);
            if (deepl) {
                paidRequests.incrementAndGet();
                paidCharacters.addAndGet(parsed.characters());
            }
            // recorded before writing so that a client reading the answer sees it counted; undone if the write fails
            List<String> fresh = new ArrayList<>();
            for (String segment : parsed.segments().values()) {
                if (delivered.add(segment)) {
                    fresh.add(segment);
                }
            }
            try {
                return respond(out, 200, body, Map.of());
            } catch (IOException e) {
                fresh.forEach(delivered::remove);
                throw e;
            }
        }
        switch (fault) {
            case SERVER_ERROR:
                return respond(
                        out, 500, errorBody(deepl, "Internal server error (simulated)", "server_error"), Map.of());
            case SERVICE_UNAVAILABLE:
                return respond(out, 503, errorBody(deepl, "Service unavailable (simulated)", "server_error"), Map.of());
            case STALL:
                return false; // held the connection past the client's timeout; close without a word
            case CONNECTION_RESET:
                socket.setSoLinger(true, 0);
                socket.close();
                return false;
            case MALFORMED_JSON:
                return respond(
                        out,
                        200,
                        deepl ? "{\"translations\": [{\"text\": oops" : "{\"id\": \"chatcmpl-x\", \"choices\": [oops",
                        Map.of());
            case TRUNCATED_JSON: {
                String full = deepl ? deepLBody(parsed, false) : chatBody(parsed, request, false, false, false);
                byte[] bytes = full.getBytes(StandardCharsets.UTF_8);
                return respondBytes(out, 200, java.util.Arrays.copyOf(bytes, bytes.length / 2), Map.of());
            }
            case WRONG_SEGMENT_COUNT:
                return respond(
                        out,
                        200,
                        deepl ? deepLBody(parsed, true) : chatBody(parsed, request, true, false, true),
                        Map.of());
            case MALFORMED_CONTENT:
                return respond(
                        out,
                        200,
                        deepl ? "{\"translations\": oops" : chatBody(parsed, request, false, true, true),
                        Map.of());
            default:
                throw new IllegalStateException("unhandled fault " + fault);
        }
    }

    private Fault chooseFault(SimConfig cfg, SplittableRandom random, int attempt) {
        Fault next = scripted.poll();
        if (next != null) {
            return next;
        }
        boolean eligible = cfg.faultyAttempts() == 0 || attempt < cfg.faultyAttempts();
        Fault chosen = null;
        for (Fault fault : Fault.values()) {
            double roll = random.nextDouble(); // always drawn, so the stream does not depend on the rates set
            double rate = cfg.faultRates().getOrDefault(fault, 0.0);
            if (chosen == null && eligible && roll < rate) {
                chosen = fault;
            }
        }
        return chosen;
    }

    /** Null when the request is accepted, else how long until a slot frees. */
    private Duration rateLimit(SimConfig cfg) {
        if (cfg.rateLimitPerSecond() <= 0) {
            return null;
        }
        long now = System.nanoTime();
        long second = TimeUnit.SECONDS.toNanos(1);
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= second) {
                window.pollFirst();
            }
            if (window.size() >= cfg.rateLimitPerSecond()) {
                return Duration.ofNanos(window.peekFirst() + second - now);
            }
            window.addLast(now);
            return null;
        }
    }

    private boolean sleep(Duration d) {
        if (d.isZero()) {
            return true;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(d.toNanos());
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String checkAuth(HttpRequest request, SimConfig cfg, boolean deepl) {
        if (cfg.apiKey() == null) {
            return null;
        }
        String header = request.header("authorization");
        String expected = (deepl ? "DeepL-Auth-Key " : "Bearer ") + cfg.apiKey();
        if (expected.equals(header)) {
            return null;
        }
        return deepl
                ? "{\"message\":\"Authorization failure, check auth_key\"}"
                : errorBody(false, "Incorrect API key provided.", "invalid_api_key");
    }

    private static String errorBody(boolean deepl, String message, String code) {
        if (deepl) {
            ObjectNode body = JSON.createObjectNode();
            body.put("message", message);
            return body.toString();
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put(
                "type",
                code.equals("insufficient_quota")
                        ? "insufficient_quota"
                        : code.equals("rate_limit_exceeded")
                                ? "requests"
                                : code.equals("server_error") ? "server_error" : "invalid_request_error");
        error.putNull("param");
        error.put("code", code);
        return body.toString();
    }

    // ---------------------------------------------------------------- the two wire shapes

    /** Segments keyed by id (DeepL: 1..n), the target language, the model, the chat messages. */
    private record Parsed(
            LinkedHashMap<String, String> segments,
            String target,
            String model,
            List<ChatProtocol.Message> messages,
            Map<String, String> terms) {
        long characters() {
            long n = 0;
            for (String s : segments.values()) {
                n += s.codePointCount(0, s.length());
            }
            return n;
        }
    }

    private static Parsed parseDeepL(HttpRequest request, Map<String, SimGlossary> glossaries) throws IOException {
        List<String> texts = new ArrayList<>();
        String target;
        String source = null;
        String glossaryId = null;
        String type = request.header("content-type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            target = null;
            for (String pair : request.bodyText().split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (key.equals("text")) {
                    texts.add(value);
                } else if (key.equals("target_lang")) {
                    target = value;
                } else if (key.equals("source_lang")) {
                    source = value;
                } else if (key.equals("glossary_id")) {
                    glossaryId = value;
                }
            }
        } else {
            JsonNode body = JSON.readTree(request.body());
            JsonNode text = body.path("text");
            if (!text.isArray()) {
                throw new IllegalArgumentException("'text' must be an array of strings");
            }
            text.forEach(t -> texts.add(t.asText()));
            target = body.path("target_lang").isTextual()
                    ? body.get("target_lang").asText()
                    : null;
            source = body.path("source_lang").isTextual()
                    ? body.get("source_lang").asText()
                    : null;
            glossaryId = body.path("glossary_id").isTextual()
                    ? body.get("glossary_id").asText()
                    : null;
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("Value for 'target_lang' not supported.");
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("Parameter 'text' not specified.");
        }
        LinkedHashMap<String, String> segments = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            segments.put(Integer.toString(i + 1), texts.get(i));
        }
        return new Parsed(segments, target, "deepl", List.of(), terms(glossaries, glossaryId, source, target));
    }

    private Parsed parseChat(HttpRequest request) throws IOException {
        JsonNode body = JSON.readTree(request.body());
        if (body.path("stream").asBoolean(false)) {
            throw new IllegalArgumentException("streaming is not simulated");
        }
        List<ChatProtocol.Message> messages = new ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            JsonNode content = m.path("content");
            String text;
            if (content.isArray()) { // content parts
                StringBuilder sb = new StringBuilder();
                content.forEach(part -> sb.append(part.path("text").asText("")));
                text = sb.toString();
            } else {
                text = content.asText("");
            }
            messages.add(new ChatProtocol.Message(m.path("role").asText(""), text));
        }
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("'messages' must not be empty");
        }
        chats.add(List.copyOf(messages));
        LinkedHashMap<String, String> segments = chat.segments(messages);
        if (segments.isEmpty()) {
            // no numbered segments: a free-form task; translate the last user message as one segment
            for (int i = messages.size() - 1; i >= 0 && segments.isEmpty(); i--) {
                if (messages.get(i).role().equals("user")) {
                    segments.put("", messages.get(i).content());
                }
            }
        }
        return new Parsed(
                segments, chat.targetLanguage(messages), body.path("model").asText("sim"), messages, Map.of());
    }

    private static String deepLBody(Parsed parsed, boolean dropOne) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode translations = body.putArray("translations");
        List<String> texts = new ArrayList<>(parsed.segments().values());
        int n = dropOne ? texts.size() - 1 : texts.size();
        for (int i = 0; i < n; i++) {
            ObjectNode t = translations.addObject();
            t.put("detected_source_language", detect(texts.get(i)));
            t.put("text", SimTranslation.translate(applyTerms(texts.get(i), parsed.terms()), parsed.target()));
        }
        return body.toString();
    }

    /** A chat completion; {@code readable}: the client can read its usage, so it counts in {@link Stats#paid()}. */
    private String chatBody(Parsed parsed, HttpRequest request, boolean dropOne, boolean badContent, boolean readable) {
        String content;
        if (badContent) {
            content = "Sure! Here are your translations: 1) ...";
        } else if (parsed.segments().containsKey("")) {
            content = freeForm(parsed);
        } else {
            LinkedHashMap<String, String> out = new LinkedHashMap<>();
            List<Map.Entry<String, String>> entries =
                    new ArrayList<>(parsed.segments().entrySet());
            int n = dropOne ? entries.size() - 1 : entries.size();
            for (int i = 0; i < n; i++) {
                out.put(
                        entries.get(i).getKey(),
                        SimTranslation.translate(entries.get(i).getValue(), parsed.target()));
            }
            content = chat.answer(parsed.messages(), out);
        }
        // as OpenAI bills: the model's tokens of every message plus 3 per message and 3 for the answer's start
        int prompt = 3;
        for (ChatProtocol.Message m : parsed.messages()) {
            prompt += tokens(m.content()) + 3;
        }
        int completion = tokens(content);
        if (readable) {
            paidRequests.incrementAndGet();
            paidInputTokens.addAndGet(prompt);
            paidOutputTokens.addAndGet(completion);
        }
        return OpenAiJson.chatCompletion(
                        "chatcmpl-sim-" + ids.incrementAndGet(),
                        System.currentTimeMillis() / 1000,
                        parsed.model(),
                        content,
                        prompt,
                        completion)
                .toString();
    }

    private static final java.util.regex.Pattern FRAMED_BODY =
            java.util.regex.Pattern.compile("(?s)<body>\\s*(.*?)\\s*</body>");
    private static final java.util.regex.Pattern FRAMED_HEADLINE =
            java.util.regex.Pattern.compile("(?s)<headline>(.*?)</headline>");

    /**
     * A task without numbered segments. A summary request (the article framed in {@code <article>} tags, as Dragoman's
     * summarizer sends it) is answered in the shape its system message asks for — {@code {"bullets": [...]}},
     * {@code {"headline": "..."}} or one paragraph of prose — made of the translation of the body's first three
     * paragraphs (the headline's for a headline), so tests can compute it; anything else with the translation of the
     * last user message.
     */
    private static String freeForm(Parsed parsed) {
        String user = parsed.segments().get("");
        String target = parsed.target();
        java.util.regex.Matcher body = FRAMED_BODY.matcher(user);
        if (!body.find()) {
            return SimTranslation.translate(user, target);
        }
        List<String> paragraphs = body.group(1)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .limit(3)
                .toList();
        String system = parsed.messages().stream()
                .filter(m -> m.role().equals("system"))
                .map(ChatProtocol.Message::content)
                .findFirst()
                .orElse("");
        if (system.contains("{\"bullets\"")) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode bullets = answer.putArray("bullets");
            paragraphs.forEach(p -> bullets.add(SimTranslation.translate(p, target)));
            return answer.toString();
        }
        if (system.contains("{\"headline\"")) {
            java.util.regex.Matcher headline = FRAMED_HEADLINE.matcher(user);
            ObjectNode answer = JSON.createObjectNode();
            answer.put(
                    "headline",
                    SimTranslation.translate(headline.find() ? headline.group(1) : paragraphs.get(0), target));
            return answer.toString();
        }
        return SimTranslation.translate(String.join(" ", paragraphs), target);
    }

    /** OpenAI's tokenizer of its current models ({@code o200k_base}). */
    private static final com.knuddels.jtokkit.api.Encoding O200K =
            com.knuddels.jtokkit.Encodings.newLazyEncodingRegistry()
                    .getEncoding(com.knuddels.jtokkit.api.EncodingType.O200K_BASE);

    private static int tokens(String text) {
        return Math.max(1, O200K.countTokensOrdinary(text));
    }

    private static String detect(String text) {
        long arabic = text.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC)
                .count();
        return arabic * 2 > text.codePoints().filter(Character::isLetter).count() ? "AR" : "EN";
    }

    // ---------------------------------------------------------------- DeepL glossaries (v3)

    /** One glossary: its dictionaries by "source>target" (bare lower-case codes), each term → target in order. */
    private record SimGlossary(String id, String name, String created, Map<String, Map<String, String>> dictionaries) {
        ObjectNode info() {
            ObjectNode g = JSON.createObjectNode().put("glossary_id", id).put("name", name);
            ArrayNode list = g.putArray("dictionaries");
            dictionaries.forEach((pair, entries) -> list.addObject()
                    .put("source_lang", pair.substring(0, pair.indexOf('>')))
                    .put("target_lang", pair.substring(pair.indexOf('>') + 1))
                    .put("entry_count", entries.size()));
            return g.put("creation_time", created);
        }
    }

    /** {@code GET|POST /v3/glossaries}, {@code DELETE /v3/glossaries/ID}, in DeepL's documented shapes. */
    private boolean glossaries(HttpRequest request, OutputStream out) throws IOException {
        String path = request.path();
        if (path.equals("/v3/glossaries") && request.method().equals("GET")) {
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode list = answer.putArray("glossaries");
            glossaries.values().forEach(g -> list.add(g.info()));
            return respond(out, 200, answer.toString(), Map.of());
        }
        if (path.equals("/v3/glossaries") && request.method().equals("POST")) {
            JsonNode body = JSON.readTree(request.body());
            Map<String, Map<String, String>> dictionaries = new LinkedHashMap<>();
            for (JsonNode d : body.path("dictionaries")) {
                if (!"tsv".equals(d.path("entries_format").asText("tsv"))) {
                    return respond(out, 400, errorBody(true, "Unsupported entries_format", ""), Map.of());
                }
                Map<String, String> entries = new LinkedHashMap<>();
                for (String line : d.path("entries").asText("").split("\n")) {
                    String[] st = line.split("\t");
                    if (st.length == 2) {
                        entries.put(st[0].strip(), st[1].strip());
                    }
                }
                dictionaries.put(
                        lang(d.path("source_lang").asText())
                                + '>'
                                + lang(d.path("target_lang").asText()),
                        entries);
            }
            if (!body.path("name").isTextual() || dictionaries.isEmpty()) {
                return respond(out, 400, errorBody(true, "Missing name or dictionaries", ""), Map.of());
            }
            SimGlossary g = new SimGlossary(
                    java.util.UUID.randomUUID().toString(),
                    body.get("name").asText(),
                    java.time.Instant.now().toString(),
                    dictionaries);
            glossaries.put(g.id(), g);
            return respond(out, 201, g.info().toString(), Map.of());
        }
        if (request.method().equals("DELETE") && path.lastIndexOf('/') == "/v3/glossaries".length()) {
            return glossaries.remove(path.substring(path.lastIndexOf('/') + 1)) != null
                    ? respondBytes(out, 204, new byte[0], Map.of())
                    : respond(out, 404, errorBody(true, "Glossary not found", ""), Map.of());
        }
        return respond(out, 405, errorBody(true, "not simulated: " + request.method() + " " + path, ""), Map.of());
    }

    /** The terms a translation applies: none without glossary_id; else the glossary's dictionary for the pair. */
    private static Map<String, String> terms(
            Map<String, SimGlossary> glossaries, String glossaryId, String source, String target) {
        if (glossaryId == null || glossaryId.isBlank()) {
            return Map.of();
        }
        SimGlossary g = glossaries.get(glossaryId);
        if (g == null) {
            throw new IllegalArgumentException("Glossary not found");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("Use of a glossary requires the source_lang parameter to be specified");
        }
        Map<String, String> d = g.dictionaries().get(lang(source) + '>' + lang(target));
        if (d == null) {
            throw new IllegalArgumentException("The glossary has no dictionary for this language pair");
        }
        return d;
    }

    private static String lang(String code) {
        int dash = code.indexOf('-');
        return (dash < 0 ? code : code.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** Each glossary term in {@code text} replaced by its target, longest terms first, before the "translation". */
    private static String applyTerms(String text, Map<String, String> terms) {
        List<String> longestFirst = new ArrayList<>(terms.keySet());
        longestFirst.sort(java.util.Comparator.comparingInt(String::length).reversed());
        String out = text;
        for (String term : longestFirst) {
            out = out.replace(term, terms.get(term));
        }
        return out;
    }

    // ---------------------------------------------------------------- HTTP plumbing

    private boolean respond(OutputStream out, int status, String body, Map<String, String> headers) throws IOException {
        return respondBytes(out, status, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private boolean respondBytes(OutputStream out, int status, byte[] body, Map<String, String> headers)
            throws IOException {
        byStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason(status))
                .append("\r\n");
        head.append("Content-Type: application/json; charset=utf-8\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return true;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 456 -> "Quota Exceeded";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static long hash(byte[] body) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64
        for (byte b : body) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long seed, long bodyHash, int attempt) {
        long z = seed * 0x9E3779B97F4A7C15L + bodyHash * 31 + attempt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One parsed HTTP/1.1 request. */
    private record HttpRequest(String method, String path, Map<String, String> headers, byte[] body) {

        String header(String lowerName) {
            return headers.get(lowerName);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean wantsClose() {
            String connection = headers.get("connection");
            return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
        }

        /** Null at a clean end of stream before a request line. */
        static HttpRequest read(InputStream in, OutputStream out) throws IOException {
            String line = readLine(in);
            while (line != null && line.isEmpty()) {
                line = readLine(in);
            }
            if (line == null) {
                return null;
            }
            String[] parts = line.split(" ");
            if (parts.length < 3) {
                throw new IOException("bad request line: " + line);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            h.substring(colon + 1).trim());
                }
            }
            if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                while (true) {
                    String size = readLine(in);
                    if (size == null) {
                        throw new IOException("truncated chunked body");
                    }
                    int semi = size.indexOf(';');
                    int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        for (String t = readLine(in); t != null && !t.isEmpty(); t = readLine(in)) {
                            // trailers ignored
                        }
                        break;
                    }
                    buf.write(in.readNBytes(n));
                    readLine(in);
                }
                body = buf.toByteArray();
            } else {
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                body = in.readNBytes(length);
                if (body.length < length) {
                    throw new IOException("truncated body");
                }
            }
            String target = parts[1];
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            return new HttpRequest(parts[0], path, Collections.unmodifiableMap(headers), body);
        }

        private static String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(64);
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
                }
                line.write(b);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}

package dev.dragoman.translate;

import dev.dragoman.core.Language;
import dev.dragoman.core.cache.CacheEntry;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.usage.UsageMeter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segment-level caching and request packing: looks every segment up in the {@link ResultCache} (key: operation
 * "translate", backend id, model, template version, glossary version, source and target language, the options that
 * change the output, the segment text), sends only the misses — each distinct text once, packed into as few
 * requests as the backend's {@link BatchLimits} allow — and stores each batch's results as soon as it returns, so a
 * failure in a later batch loses nothing already paid for. Segments with warnings (flagged by the guard or the
 * glossary check) are never cached: a degraded result must not outlive the run that produced it.
 *
 * <p>Single flight: a segment that another thread of the same instance is already translating is awaited rather
 * than sent twice (it then counts as from the cache); if that other call fails, the waiter sends it itself. A thread
 * sends all its own batches before it waits for others, so two threads never wait on each other.
 *
 * <p>A failing cache store never fails the translation: the error is counted, logged once, and the call goes on
 * as if the entry were missing. Thread-safe; no lock is held while the backend is called.
 */
public final class CachingTranslator implements TranslationBackend {

    private static final Logger LOG = LoggerFactory.getLogger(CachingTranslator.class);
    public static final String OPERATION = "translate";

    private final TranslationBackend inner;
    private final ResultCache cache;
    private final UsageMeter meter;
    private final Clock clock;
    private final AtomicLong cacheErrors = new AtomicLong();
    private final AtomicBoolean cacheErrorLogged = new AtomicBoolean();
    private final ConcurrentMap<String, CompletableFuture<TranslatedSegment>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param inner the decorated backend that receives the misses (retry, rate limit, guard …)
     * @param meter where cache savings are recorded; may be null
     */
    public CachingTranslator(TranslationBackend inner, ResultCache cache, UsageMeter meter, Clock clock) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.meter = meter;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    public CachingTranslator(TranslationBackend inner, ResultCache cache) {
        this(inner, cache, null, null);
    }

    @Override
    public BackendProfile profile() {
        return inner.profile();
    }

    /** How many cache store failures were stepped around. */
    public long cacheErrors() {
        return cacheErrors.get();
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        BackendProfile p = inner.profile();
        List<String> segments = request.segments();
        TranslatedSegment[] out = new TranslatedSegment[segments.size()];
        // distinct missing texts, in first-seen order, with their keys
        Map<String, CacheKey> misses = new LinkedHashMap<>();
        Usage saved = Usage.NONE;
        for (int i = 0; i < segments.size(); i++) {
            String text = segments.get(i);
            CacheKey key = key(p, request, text);
            CacheEntry hit = misses.containsKey(text) ? null : lookup(key);
            if (hit != null) {
                out[i] = new TranslatedSegment(hit.value(), true, List.of());
                saved = saved.plus(hit.usage());
            } else {
                misses.putIfAbsent(text, key);
            }
        }
        if (meter != null && saved.requests() + saved.characters() + saved.totalTokens() > 0) {
            meter.recordSaved(p.id(), saved);
        }
        // single flight: a miss another thread is already translating is awaited, not sent again
        Map<String, CompletableFuture<TranslatedSegment>> owned = new LinkedHashMap<>();
        Map<String, CompletableFuture<TranslatedSegment>> awaited = new LinkedHashMap<>();
        for (Map.Entry<String, CacheKey> m : misses.entrySet()) {
            CompletableFuture<TranslatedSegment> mine = new CompletableFuture<>();
            CompletableFuture<TranslatedSegment> other =
                    inFlight.putIfAbsent(m.getValue().digest(), mine);
            if (other != null) {
                awaited.put(m.getKey(), other);
                continue;
            }
            // it may have been stored between our lookup and our claim
            CacheEntry late = lookup(m.getValue());
            if (late != null) {
                TranslatedSegment hit = new TranslatedSegment(late.value(), true, List.of());
                mine.complete(hit);
                inFlight.remove(m.getValue().digest(), mine);
                awaited.put(m.getKey(), mine);
            } else {
                owned.put(m.getKey(), mine);
            }
        }
        Map<String, TranslatedSegment> fresh = new HashMap<>();
        Sent sent = new Sent();
        try {
            send(request, new ArrayList<>(owned.keySet()), misses, fresh, sent, owned);
        } catch (RuntimeException e) {
            owned.forEach((text, f) -> {
                f.completeExceptionally(e);
                inFlight.remove(misses.get(text).digest(), f);
            });
            throw e;
        }
        List<String> orphans = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<TranslatedSegment>> a : awaited.entrySet()) {
            try {
                fresh.put(a.getKey(), a.getValue().get().withFromCache(true));
            } catch (ExecutionException failedElsewhere) {
                orphans.add(a.getKey()); // the other caller failed: translate it ourselves
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.dragoman.core.error.DragomanException(
                        dev.dragoman.core.error.DragomanException.Kind.INTERNAL,
                        "interrupted while waiting for a translation in progress",
                        e);
            }
        }
        if (!orphans.isEmpty()) {
            send(request, orphans, misses, fresh, sent, Map.of());
        }
        for (int i = 0; i < segments.size(); i++) {
            if (out[i] == null) {
                out[i] = fresh.get(segments.get(i));
            }
        }
        return new TranslationResult(List.of(out), sent.detected, p.id(), p.model(), sent.usage);
    }

    /** What this call paid for and learned. */
    private static final class Sent {
        Usage usage = Usage.NONE;
        Language detected;
    }

    /** Sends {@code texts} in packed batches, storing clean results and completing their in-flight futures. */
    private void send(
            TranslationRequest request,
            List<String> texts,
            Map<String, CacheKey> keys,
            Map<String, TranslatedSegment> fresh,
            Sent sent,
            Map<String, CompletableFuture<TranslatedSegment>> owned) {
        BackendProfile p = inner.profile();
        for (int[] range : SegmentPacker.pack(texts, p.limits())) {
            List<String> batch = texts.subList(range[0], range[1]);
            TranslationResult r = inner.translate(request.withSegments(batch));
            if (r.segments().size() != batch.size()) {
                throw new dev.dragoman.core.error.DragomanException(
                        dev.dragoman.core.error.DragomanException.Kind.INTERNAL,
                        p.id() + " returned " + r.segments().size() + " translations for " + batch.size()
                                + " segments");
            }
            sent.usage = sent.usage.plus(r.usage());
            sent.detected = sent.detected != null ? sent.detected : r.detectedSource();
            long batchChars =
                    Math.max(1, batch.stream().mapToLong(String::length).sum());
            for (int k = 0; k < batch.size(); k++) {
                String text = batch.get(k);
                TranslatedSegment t = r.segments().get(k).withFromCache(false);
                fresh.put(text, t);
                if (t.warnings().isEmpty()) {
                    store(keys.get(text), t.text(), r, share(r.usage(), text.length(), batchChars));
                }
                CompletableFuture<TranslatedSegment> f = owned.get(text);
                if (f != null) {
                    f.complete(t);
                    inFlight.remove(keys.get(text).digest(), f);
                }
            }
        }
    }

    /** The cache key of one segment; never contains a secret (profiles carry none). */
    public static CacheKey key(BackendProfile p, TranslationRequest request, String text) {
        TranslationOptions o = request.options();
        return CacheKey.builder(OPERATION)
                .backend(p.id())
                .model(p.model())
                .templateVersion(p.templateVersion())
                .glossaryVersion(o.glossary() == null ? "" : o.glossary().version())
                .source(request.source())
                .target(request.target())
                .option("format", o.format())
                .option("formality", o.formality())
                .option("context", p.supportsContext() && o.context() != null ? o.context() : "")
                .input(text)
                .build();
    }

    private CacheEntry lookup(CacheKey key) {
        try {
            return cache.get(key).orElse(null);
        } catch (RuntimeException e) { // CacheException by contract; any store failure is stepped around
            cacheFailed("read", e);
            return null;
        }
    }

    private void store(CacheKey key, String text, TranslationResult r, Usage usage) {
        try {
            cache.put(key, new CacheEntry(text, clock.instant(), r.backend(), r.model(), usage));
        } catch (RuntimeException e) { // CacheException by contract; any store failure is stepped around
            cacheFailed("write", e);
        }
    }

    private void cacheFailed(String what, RuntimeException e) {
        cacheErrors.incrementAndGet();
        if (cacheErrorLogged.compareAndSet(false, true)) {
            LOG.warn("the result cache failed to {} ({}); translating without it where needed", what, e.getMessage());
        }
    }

    /** A segment's share of a batch's usage, by characters (for cache-savings statistics). */
    private static Usage share(Usage total, long chars, long batchChars) {
        double f = (double) chars / batchChars;
        return new Usage(
                Math.round(total.requests() * f),
                Math.round(total.characters() * f),
                Math.round(total.inputTokens() * f),
                Math.round(total.outputTokens() * f));
    }

    @Override
    public String toString() {
        return "Caching(" + inner + ")";
    }
}

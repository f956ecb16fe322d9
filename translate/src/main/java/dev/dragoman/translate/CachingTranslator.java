package dev.dragoman.translate;

import dev.dragoman.core.Language;
import dev.dragoman.core.cache.CacheEntry;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.CachedCall;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.usage.UsageMeter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The translation adapter of the load-through cache ({@link CachedCall#getAll}): looks every segment up (key:
 * operation "translate", backend id, model, template version, glossary version, source and target language, the
 * options that change the output, the segment text), sends only the misses — each distinct text once, packed into
 * as few requests as the backend's {@link BatchLimits} allow — and hands each batch's results to the cache as soon as
 * it returns, so a failure in a later batch loses nothing already paid for. Segments with warnings (flagged by the
 * guard or the glossary check) are returned but never cached. A pack handed to a provider batch
 * ({@link DragomanException.Kind#DEFERRED}) does not stop the others: every pack is handed over, then the call throws.
 *
 * <p>Single flight, counting, and stepping around a failing store are {@link CachedCall}'s: a segment another thread
 * is already translating is awaited, not sent twice (it then counts as from the cache). Thread-safe; no lock is held
 * while the backend is called.
 */
public final class CachingTranslator implements TranslationBackend {

    public static final String OPERATION = "translate";

    private final TranslationBackend inner;
    private final CachedCall cache;
    private final UsageMeter meter;
    private final Clock clock;

    /**
     * @param inner the decorated backend that receives the misses (guards, rate limit, metering …)
     * @param cache the run's load-through cache (shared by every user of the store)
     * @param meter where cache savings are recorded; may be null
     */
    public CachingTranslator(TranslationBackend inner, CachedCall cache, UsageMeter meter, Clock clock) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.meter = meter;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    public CachingTranslator(TranslationBackend inner, ResultCache cache, UsageMeter meter, Clock clock) {
        this(inner, new CachedCall(cache), meter, clock);
    }

    public CachingTranslator(TranslationBackend inner, ResultCache cache) {
        this(inner, cache, null, null);
    }

    @Override
    public BackendProfile profile() {
        return inner.profile();
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        BackendProfile p = inner.profile();
        List<String> segments = request.segments();
        List<CacheKey> keys = new ArrayList<>(segments.size());
        Map<CacheKey, String> texts = new HashMap<>();
        for (String text : segments) {
            CacheKey key = key(p, request, text);
            keys.add(key);
            texts.putIfAbsent(key, text);
        }
        Sent sent = new Sent();
        Map<CacheKey, CachedCall.Result> results =
                cache.getAll(keys, (misses, sink) -> send(request, misses, texts, sink, sent));
        Usage saved = Usage.NONE;
        List<TranslatedSegment> out = new ArrayList<>(segments.size());
        for (CacheKey key : keys) {
            CachedCall.Result r = results.get(key);
            out.add(new TranslatedSegment(r.value(), r.fromCache(), r.warnings()));
        }
        for (CachedCall.Result r : results.values()) {
            if (r.source() == CachedCall.Source.CACHE) {
                saved = saved.plus(r.entry().usage());
            }
        }
        if (meter != null && saved.requests() + saved.characters() + saved.totalTokens() > 0) {
            meter.recordSaved(p.id(), saved);
        }
        return new TranslationResult(List.copyOf(out), sent.detected, p.id(), p.model(), sent.usage);
    }

    /** What this call paid for and learned. */
    private static final class Sent {
        Usage usage = Usage.NONE;
        Language detected;
    }

    /** Sends the misses in packed batches, handing each result to the cache as its batch returns. */
    private void send(
            TranslationRequest request,
            List<CacheKey> misses,
            Map<CacheKey, String> texts,
            CachedCall.Sink sink,
            Sent sent) {
        BackendProfile p = inner.profile();
        List<String> missTexts = misses.stream().map(texts::get).toList();
        DragomanException deferred = null;
        for (int[] range : SegmentPacker.pack(missTexts, p.limits())) {
            List<String> batch = missTexts.subList(range[0], range[1]);
            TranslationResult r;
            try {
                r = inner.translate(request.withSegments(batch));
            } catch (DragomanException e) {
                if (e.kind() != DragomanException.Kind.DEFERRED) {
                    throw e;
                }
                // handed to a provider batch (deferred mode): the other packs are handed over in the same run, so
                // one batch carries the whole article instead of one pack per run
                deferred = deferred == null ? e : deferred;
                continue;
            }
            if (r.segments().size() != batch.size()) {
                throw new DragomanException(
                        DragomanException.Kind.INTERNAL,
                        p.id() + " returned " + r.segments().size() + " translations for " + batch.size()
                                + " segments");
            }
            sent.usage = sent.usage.plus(r.usage());
            sent.detected = sent.detected != null ? sent.detected : r.detectedSource();
            long batchChars =
                    Math.max(1, batch.stream().mapToLong(String::length).sum());
            long before = 0;
            for (int k = 0; k < batch.size(); k++) {
                String text = batch.get(k);
                TranslatedSegment t = r.segments().get(k);
                CacheEntry entry = new CacheEntry(
                        t.text(),
                        clock.instant(),
                        r.backend(),
                        r.model(),
                        share(r.usage(), before, before + text.length(), batchChars));
                before += text.length();
                sink.accept(misses.get(range[0] + k), new CachedCall.Loaded(entry, t.warnings()));
            }
        }
        if (deferred != null) {
            throw deferred;
        }
    }

    /** The cache key of one segment; never contains a secret (profiles carry none). */
    public static CacheKey key(BackendProfile p, TranslationRequest request, String text) {
        TranslationOptions o = request.options();
        CacheKey.Builder key = CacheKey.builder(OPERATION)
                .backend(p.id())
                .model(p.model())
                .templateVersion(p.templateVersion())
                .glossaryVersion(o.glossary() == null ? "" : o.glossary().version())
                .source(request.source())
                .target(request.target())
                .option("format", o.format())
                .option("formality", o.formality())
                .option("context", p.supportsContext() && o.context() != null ? o.context() : "")
                .input(text);
        if (!p.endpoint().isEmpty()) {
            // a self-hosted server is another backend; absent at the default address, so those keys stay as they were
            key.option("endpoint", p.endpoint());
        }
        return key.build();
    }

    /**
     * A segment's share of a batch's usage, by characters (for cache-savings statistics): the segment covering
     * characters {@code [from, to)} of the batch gets {@code floor(total·to/batch) − floor(total·from/batch)} of each
     * count, so the shares add up to the batch's usage exactly. Rounding each share on its own gave every segment of a
     * one-request batch 0 requests, and a warm run reported "Saved: 0 requests".
     */
    static Usage share(Usage total, long from, long to, long batchChars) {
        return new Usage(
                part(total.requests(), from, to, batchChars),
                part(total.characters(), from, to, batchChars),
                part(total.inputTokens(), from, to, batchChars),
                part(total.outputTokens(), from, to, batchChars));
    }

    private static long part(long total, long from, long to, long batchChars) {
        return Math.floorDiv(total * to, batchChars) - Math.floorDiv(total * from, batchChars);
    }

    @Override
    public String toString() {
        return "Caching(" + inner + ")";
    }
}

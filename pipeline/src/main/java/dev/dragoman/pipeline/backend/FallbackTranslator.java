package dev.dragoman.pipeline.backend;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.translate.BackendProfile;
import dev.dragoman.translate.BatchLimits;
import dev.dragoman.translate.SegmentPacker;
import dev.dragoman.translate.TranslationBackend;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fallback chain ({@code fallback:} of a configured backend, e.g. DeepL → an LLM → Apertium): each request goes to
 * the first backend's whole stack; when that backend has used up its quota ({@link DragomanException.Kind#QUOTA_EXCEEDED}),
 * to the next one's, and so on. Nothing else moves a request down the chain: a rate limit or an outage is retried
 * by the backend's own stack, a rejected key or a bad request stays an error, and the run's budget
 * ({@link DragomanException.Kind#BUDGET_EXCEEDED}) caps the whole chain.
 *
 * <p>Each link is a backend's complete stack (retry, its own per-segment cache, guards), so a fallback's answers are
 * cached under the fallback's own keys (its type, model and server), never as the first backend's: a later run whose
 * quota is back is not served an Apertium translation as DeepL's. A result from any backend but the first is marked
 * ({@link TranslationResult#fallback()}): which backend answered and why, which the article's provenance keeps per
 * part and every output shows. Each link's bottom is a {@link QuotaGate}, so once a backend has said its quota is
 * gone it is not called again in this run, while its cache still answers what it holds.
 *
 * <p>Request sizes: the chain's profile is the first backend's (its id and model name the provenance, its segments
 * per request pack the caller's requests), with the tightest size limits of the whole chain — characters, UTF-8
 * bytes, tokens per request — so a part too large for any link is cut before it is sent ({@code ArticleTranslator}),
 * and a fallback never gets a segment its limits refuse. A request handed to a fallback is re-packed by that
 * fallback's own limits (segments and size per request), so a fallback with smaller requests than the first backend
 * gets several. Thread-safe: one chain serves a run's workers.
 */
final class FallbackTranslator implements TranslationBackend {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackTranslator.class);

    /** One backend of the chain: its spec (for names in messages), its whole stack and its gate. */
    record Link(BackendSpec spec, TranslationBackend stack, QuotaGate gate) {
        Link {
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(stack, "stack");
            Objects.requireNonNull(gate, "gate");
        }
    }

    private final List<Link> links;
    private final List<BackendSpec> specs;
    private final BackendProfile profile;

    FallbackTranslator(List<Link> links) {
        if (links.size() < 2) {
            throw new IllegalArgumentException("a fallback chain has at least two backends");
        }
        this.links = List.copyOf(links);
        this.specs = this.links.stream().map(Link::spec).toList();
        BackendProfile first = this.links.get(0).stack().profile();
        this.profile = first.withLimits(tightest(this.links));
    }

    /** The first backend's segments per request; per kind of size, the smallest limit any link sets (0 = none). */
    static BatchLimits tightest(List<Link> links) {
        BatchLimits first = links.get(0).stack().profile().limits();
        long characters = first.maxCharacters();
        long bytes = first.maxBytes();
        long tokens = first.maxTokens();
        for (Link link : links.subList(1, links.size())) {
            BatchLimits l = link.stack().profile().limits();
            characters = smallest(characters, l.maxCharacters());
            bytes = smallest(bytes, l.maxBytes());
            tokens = smallest(tokens, l.maxTokens());
        }
        return new BatchLimits(first.maxSegments(), characters, bytes, tokens);
    }

    private static long smallest(long a, long b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    @Override
    public BackendProfile profile() {
        return profile;
    }

    @Override
    public List<String> wireText(TranslationRequest request) {
        return links.get(0).stack().wireText(request);
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        return from(0, request);
    }

    /**
     * {@code request} translated by link {@code i}, packed by its limits (the first link takes the request as the
     * caller packed it); what it cannot do for want of quota goes on to link {@code i + 1}.
     */
    private TranslationResult from(int i, TranslationRequest request) {
        Link link = links.get(i);
        List<String> segments = request.segments();
        List<int[]> packs = i == 0 || segments.isEmpty()
                ? List.<int[]>of(new int[] {0, segments.size()})
                : SegmentPacker.pack(segments, link.stack().profile().limits());
        List<TranslationResult> results = new ArrayList<>();
        for (int[] range : packs) {
            TranslationRequest pack =
                    packs.size() == 1 ? request : request.withSegments(segments.subList(range[0], range[1]));
            try {
                TranslationResult result = link.stack().translate(pack);
                results.add(i == 0 ? result : result.withFallback(FallbackChain.why(specs, i, "translated")));
            } catch (RuntimeException e) {
                DragomanException quota = FallbackChain.handOver(e, specs, i, link.gate(), LOG, "cache misses");
                if (i + 1 == links.size()) {
                    throw FallbackChain.allExhausted(specs, quota);
                }
                TranslationRequest rest =
                        range[0] == 0 ? request : request.withSegments(segments.subList(range[0], segments.size()));
                results.add(from(i + 1, rest));
                break;
            }
        }
        return joined(results);
    }

    /** The results of consecutive packs as one, in order; every fallback's reason is kept. */
    private static TranslationResult joined(List<TranslationResult> results) {
        if (results.size() == 1) {
            return results.get(0);
        }
        List<TranslatedSegment> segments = new ArrayList<>();
        Usage usage = Usage.NONE;
        Language detected = null;
        Set<String> fallbacks = new LinkedHashSet<>();
        for (TranslationResult r : results) {
            segments.addAll(r.segments());
            usage = usage.plus(r.usage());
            detected = detected != null ? detected : r.detectedSource();
            if (r.fallback() != null) {
                fallbacks.add(r.fallback());
            }
        }
        TranslationResult first = results.get(0);
        return new TranslationResult(
                segments, detected, first.backend(), first.model(), usage, String.join("; ", fallbacks));
    }

    @Override
    public String toString() {
        return "Fallback("
                + String.join(" → ", specs.stream().map(FallbackChain::describe).toList()) + ")";
    }
}

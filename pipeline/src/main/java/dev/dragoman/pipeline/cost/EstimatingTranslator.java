package dev.dragoman.pipeline.cost;

import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.translate.BackendProfile;
import dev.dragoman.translate.TranslationBackend;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bottom of an estimate's translation stack, in the real backend's place: it sends nothing, adds what the
 * backend is {@link BackendCost#expected expected to bill} for each request the cache let through, and answers with
 * the source segments as stand-ins (behind an {@link EstimateCache}, so they are never stored). The real backend's
 * profile keeps the cache keys and the request packing those of a live run. Thread-safe.
 */
final class EstimatingTranslator implements TranslationBackend {

    private final TranslationBackend backend;
    private final BackendCost cost;
    private final AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);

    EstimatingTranslator(TranslationBackend backend, BackendCost cost) {
        this.backend = backend;
        this.cost = cost;
    }

    @Override
    public BackendProfile profile() {
        return backend.profile();
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        Usage u = cost.expected(backend, request);
        usage.accumulateAndGet(u, Usage::plus);
        return new TranslationResult(
                request.segments().stream().map(TranslatedSegment::of).toList(),
                request.source(),
                profile().id(),
                profile().model(),
                u);
    }

    /** Everything the requests so far would have billed. */
    Usage usage() {
        return usage.get();
    }

    @Override
    public String toString() {
        return "Estimating(" + backend + ")";
    }
}

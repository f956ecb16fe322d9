package dev.dragoman.pipeline.backend;

import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.translate.BackendProfile;
import dev.dragoman.translate.TranslationBackend;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>The profile (cache keys of the whole chain's caller, request packing) is the first backend's; each link packs
 * its cache misses by its own limits. Thread-safe: one chain serves a run's workers.
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

        String describe() {
            return "'" + spec.name() + "' (" + spec.type() + (spec.model() == null ? "" : ", " + spec.model()) + ")";
        }
    }

    private final List<Link> links;

    FallbackTranslator(List<Link> links) {
        if (links.size() < 2) {
            throw new IllegalArgumentException("a fallback chain has at least two backends");
        }
        this.links = List.copyOf(links);
    }

    @Override
    public BackendProfile profile() {
        return links.get(0).stack().profile();
    }

    @Override
    public List<String> wireText(TranslationRequest request) {
        return links.get(0).stack().wireText(request);
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        DragomanException last = null;
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            try {
                TranslationResult result = link.stack().translate(request);
                return i == 0 ? result : result.withFallback(why(i));
            } catch (RuntimeException e) {
                DragomanException quota = QuotaGate.quotaExceeded(e);
                if (quota == null) {
                    throw e;
                }
                last = quota;
                if (i + 1 < links.size() && link.gate().announce()) {
                    LOG.warn(
                            "backend {} has used up its quota; its cache misses go to fallback {} for the rest of"
                                    + " this run ({})",
                            link.describe(),
                            links.get(i + 1).describe(),
                            quota.getMessage());
                }
            }
        }
        throw new DragomanException(
                DragomanException.Kind.QUOTA_EXCEEDED,
                "every backend of the fallback chain has used up its quota ("
                        + String.join(" → ", links.stream().map(Link::describe).toList()) + "); the last said: "
                        + last.getMessage(),
                last);
    }

    /** "translated by fallback 'ap' (apertium): 'dl' (deepl) has used up its quota" — for link {@code i}. */
    private String why(int i) {
        List<String> before = links.subList(0, i).stream().map(Link::describe).toList();
        return "translated by fallback backend " + links.get(i).describe() + ": " + String.join(" and ", before)
                + (before.size() == 1 ? " has" : " have") + " used up " + (before.size() == 1 ? "its" : "their")
                + " quota";
    }

    @Override
    public String toString() {
        return "Fallback("
                + String.join(" → ", links.stream().map(Link::describe).toList()) + ")";
    }

    /**
     * The bottom of a chain link's stack ({@link #around}): once its backend has answered
     * {@link DragomanException.Kind#QUOTA_EXCEEDED}, every later call is refused the same way without being sent (the
     * cache above still answers its hits), so a run does not spend a request per segment learning again that the
     * quota is gone. Thread-safe.
     */
    static final class QuotaGate {
        private final AtomicReference<DragomanException> exhausted = new AtomicReference<>();
        private final AtomicBoolean announced = new AtomicBoolean();

        /** {@code raw} behind this gate. */
        TranslationBackend around(TranslationBackend raw) {
            return new TranslationBackend() {
                @Override
                public BackendProfile profile() {
                    return raw.profile();
                }

                @Override
                public List<String> wireText(TranslationRequest request) {
                    return raw.wireText(request);
                }

                @Override
                public TranslationResult translate(TranslationRequest request) {
                    return pass(raw, request);
                }

                @Override
                public String toString() {
                    return "QuotaGate(" + raw + ")";
                }
            };
        }

        private TranslationResult pass(TranslationBackend raw, TranslationRequest request) {
            DragomanException gone = exhausted.get();
            if (gone != null) {
                throw new DragomanException(
                        DragomanException.Kind.QUOTA_EXCEEDED, "not sent: earlier in this run " + gone.getMessage());
            }
            try {
                return raw.translate(request);
            } catch (RuntimeException e) {
                DragomanException quota = quotaExceeded(e);
                if (quota != null) {
                    exhausted.compareAndSet(null, quota);
                }
                throw e;
            }
        }

        /** True the first time it is asked: the chain says once that this backend is out of quota. */
        boolean announce() {
            return announced.compareAndSet(false, true);
        }

        /** The quota error in {@code e}'s cause chain, or null. */
        static DragomanException quotaExceeded(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof DragomanException d && d.kind() == DragomanException.Kind.QUOTA_EXCEEDED) {
                    return d;
                }
            }
            return null;
        }
    }
}

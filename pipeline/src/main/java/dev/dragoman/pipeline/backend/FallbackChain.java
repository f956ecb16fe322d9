package dev.dragoman.pipeline.backend;

import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.error.DragomanException;
import java.util.List;
import org.slf4j.Logger;

/**
 * The words and the hand-over rule shared by the translation and the summary fallback chains
 * ({@link FallbackTranslator}, {@link FallbackSummarizer}), so both say the same things the same way. Stateless.
 */
final class FallbackChain {

    private FallbackChain() {}

    /** "'gpt' (openai, gpt-4o-mini)". */
    static String describe(BackendSpec spec) {
        return "'" + spec.name() + "' (" + spec.type() + (spec.model() == null ? "" : ", " + spec.model()) + ")";
    }

    /**
     * Why link {@code i} answered: "translated by fallback backend 'ap' (apertium): 'dl' (deepl) and 'gpt' (openai,
     * gpt-4o-mini) have used up their quota".
     *
     * @param done "translated", "summarized"
     */
    static String why(List<BackendSpec> chain, int i, String done) {
        List<String> before =
                chain.subList(0, i).stream().map(FallbackChain::describe).toList();
        return done + " by fallback backend " + describe(chain.get(i)) + ": " + String.join(" and ", before)
                + (before.size() == 1 ? " has" : " have") + " used up " + (before.size() == 1 ? "its" : "their")
                + " quota";
    }

    /**
     * The quota error in {@code e} when it should move the work on to link {@code i + 1} (closing link {@code i}'s
     * gate and saying so once); otherwise {@code e} is rethrown: only a used-up quota moves work down a chain.
     */
    static DragomanException handOver(
            RuntimeException e, List<BackendSpec> chain, int i, QuotaGate gate, Logger log, String what) {
        DragomanException quota = QuotaGate.quotaExceeded(e);
        if (quota == null) {
            throw e;
        }
        gate.close(quota);
        if (i + 1 < chain.size() && gate.announce()) {
            log.warn(
                    "backend {} has used up its quota; its {} go to fallback {} for the rest of this run ({})",
                    describe(chain.get(i)),
                    what,
                    describe(chain.get(i + 1)),
                    quota.getMessage());
        }
        return quota;
    }

    /** The error when every link is out of quota. */
    static DragomanException allExhausted(List<BackendSpec> chain, DragomanException last) {
        return new DragomanException(
                DragomanException.Kind.QUOTA_EXCEEDED,
                "every backend of the fallback chain has used up its quota ("
                        + String.join(
                                " → ",
                                chain.stream().map(FallbackChain::describe).toList())
                        + "); the last said: " + last.getMessage(),
                last);
    }
}

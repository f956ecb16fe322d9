package dev.dragoman.pipeline.cost;

import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.llm.TokenEstimate;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.pipeline.backend.ForwardingChatModel;
import dev.dragoman.pipeline.backend.SizedChatModel;
import dev.dragoman.pipeline.backend.SpendingCap;
import dev.dragoman.translate.BackendProfile;
import dev.dragoman.translate.TranslationBackend;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Locale;
import java.util.Objects;

/**
 * A run's cost cap ({@code --max-cost}, {@code budget:}), in US dollars at live prices: no backend call is made that
 * could cross it. Before each call the most it can bill ({@link BackendCost#ceiling}: exact characters for machine
 * translation; for a language model the prompt's tokens and the answer room it may use) is reserved; when the call
 * fails the reservation is returned, when it answers the reservation is replaced by what the answer says it billed.
 * A call whose reservation does not fit beside what is spent and reserved is refused with a
 * {@link DragomanException.Kind#BUDGET_EXCEEDED} error before anything is sent, so calls in flight at once never
 * overshoot together. The decorators sit at the bottom of each stack, under the cache (a hit costs nothing) and under
 * the retry (each attempt is reserved on its own).
 *
 * <p>The cap is per run: a new run starts from nothing spent, and since finished work is cached and journaled, it
 * goes on where the stopped one ended. Thread-safe.
 */
public final class Budget implements SpendingCap {

    private final double maxUsd;
    private final PriceTable prices;
    private double spent;
    private double reserved;

    private Budget(double maxUsd, PriceTable prices) {
        if (!(maxUsd > 0) || Double.isInfinite(maxUsd)) {
            throw new IllegalArgumentException("a budget is a positive number of dollars, not " + maxUsd);
        }
        this.maxUsd = maxUsd;
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /** A cap of {@code maxUsd} dollars, calls priced from {@code prices}. */
    public static Budget of(double maxUsd, PriceTable prices) {
        return new Budget(maxUsd, prices);
    }

    /** The cap, in dollars. */
    public double max() {
        return maxUsd;
    }

    /** What the calls answered so far billed, in dollars. */
    public synchronized double spent() {
        return spent;
    }

    /**
     * The cost rules of a backend under this budget.
     *
     * @throws DragomanException of kind CONFIGURATION when the price table has no price for it: a budget cannot
     *     be kept without one
     */
    public BackendCost costOf(String name, String type, String model, boolean tokens) {
        BackendCost cost = BackendCost.of(name, type, model, tokens, prices);
        if (!cost.priced()) {
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "A budget (--max-cost) needs a price for backend '" + name + "' (" + type
                            + (model == null ? "" : ", model " + model) + "), and the price table has none: add it"
                            + " under 'prices:' in the configuration, e.g. '" + (model == null ? type : model)
                            + ": { input_cost_per_token: 0.00000015, output_cost_per_token: 0.0000006 }'.");
        }
        return cost;
    }

    /** {@code backend} (machine translation) with every request reserved and settled against this budget. */
    public TranslationBackend translator(TranslationBackend backend, BackendCost cost) {
        return new BudgetedTranslator(backend, cost);
    }

    /** {@code model} (a language model's translations and summaries) with every call kept within this budget. */
    public ChatModel chatModel(ChatModel model, BackendCost cost) {
        return new BudgetedChatModel(model, cost);
    }

    /** {@inheritDoc} Priced by {@link #costOf} as characters. */
    @Override
    public TranslationBackend translator(TranslationBackend backend, BackendSpec spec) {
        return translator(backend, costOf(spec.name(), spec.type(), spec.model(), false));
    }

    /** {@inheritDoc} Priced by {@link #costOf} as tokens. */
    @Override
    public ChatModel chatModel(ChatModel model, BackendSpec spec) {
        return chatModel(model, costOf(spec.name(), spec.type(), spec.model(), true));
    }

    /** Reserves {@code usd} for a call of {@code backend}, or refuses it. */
    private synchronized double reserve(String backend, double usd) {
        if (spent + reserved + usd > maxUsd) {
            throw new DragomanException(
                    DragomanException.Kind.BUDGET_EXCEEDED,
                    String.format(
                            Locale.ROOT,
                            "stopped at the budget of $%s: the next call to '%s' could cost up to $%s, and $%s is"
                                    + " spent (+ $%s in calls under way); nothing over the budget was sent. Finished"
                                    + " work is kept: run again with a larger --max-cost (or budget:) to go on",
                            usd(maxUsd),
                            backend,
                            usd(usd),
                            usd(spent),
                            usd(reserved)));
        }
        reserved += usd;
        return usd;
    }

    private synchronized void settle(double reservation, double actualUsd) {
        reserved = Math.max(0, reserved - reservation);
        spent += actualUsd;
    }

    private static String usd(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0{1,4}$", "");
    }

    /**
     * Whether a failed call may still have been billed: one that timed out may have been answered after we stopped
     * waiting, so it counts in full; one the vendor refused (an error status) or that never connected bills nothing.
     */
    static boolean billedOnFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DragomanException d && d.kind() == DragomanException.Kind.TIMEOUT) {
                return true;
            }
            if (t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    /** The price of {@code usage} at live prices (the budget is kept at live prices). */
    private static double live(BackendCost cost, Usage usage) {
        return cost.cost(usage).live();
    }

    private final class BudgetedTranslator implements TranslationBackend {
        private final TranslationBackend backend;
        private final BackendCost cost;

        BudgetedTranslator(TranslationBackend backend, BackendCost cost) {
            this.backend = backend;
            this.cost = cost;
        }

        @Override
        public BackendProfile profile() {
            return backend.profile();
        }

        @Override
        public java.util.List<String> wireText(TranslationRequest request) {
            return backend.wireText(request);
        }

        @Override
        public TranslationResult translate(TranslationRequest request) {
            double most = live(cost, cost.ceiling(backend, request));
            double reservation = reserve(cost.name(), most);
            double actual = most;
            try {
                TranslationResult result = backend.translate(request);
                Usage billed = result.usage();
                actual = billed == null || billed.equals(Usage.NONE) ? most : live(cost, billed);
                return result;
            } catch (RuntimeException e) {
                actual = billedOnFailure(e) ? most : 0;
                throw e;
            } finally {
                settle(reservation, actual);
            }
        }

        @Override
        public String toString() {
            return "Budgeted(" + backend + ")";
        }
    }

    private final class BudgetedChatModel extends ForwardingChatModel {
        private final BackendCost cost;

        BudgetedChatModel(ChatModel delegate, BackendCost cost) {
            super(delegate);
            this.cost = cost;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            long prompt = cost.counter().prompt(TokenEstimate.texts(request.messages()));
            // the answer room Dragoman gives the model (a request's own limit, else twice its data + 256)
            Usage most = Usage.ofTokens(1, prompt, SizedChatModel.answerTokens(request));
            double ceiling = live(cost, most);
            double reservation = reserve(cost.name(), ceiling);
            double actual = ceiling;
            try {
                ChatResponse response = delegate().chat(request);
                TokenUsage u = response.tokenUsage();
                if (u != null && u.inputTokenCount() != null && u.outputTokenCount() != null) {
                    actual = live(cost, Usage.ofTokens(1, u.inputTokenCount(), u.outputTokenCount()));
                }
                return response;
            } catch (RuntimeException e) {
                actual = billedOnFailure(e) ? ceiling : 0;
                throw e;
            } finally {
                settle(reservation, actual);
            }
        }

        @Override
        public String toString() {
            return "Budgeted(" + delegate() + ")";
        }
    }
}

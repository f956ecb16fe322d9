package dev.dragoman.pipeline.cost;

import dev.dragoman.core.usage.Usage;

/**
 * One entry of a {@link PriceTable}, in US dollars per unit, as LiteLLM's {@code model_prices_and_context_window.json}
 * names its fields: {@code input_cost_per_token}, {@code output_cost_per_token}, their {@code *_batches} variants
 * (the providers' batch APIs) and {@code input_cost_per_character} (machine translation). Immutable.
 *
 * @param inputPerToken {@code input_cost_per_token}
 * @param outputPerToken {@code output_cost_per_token}
 * @param inputPerTokenBatch {@code input_cost_per_token_batches}; null when the provider has no batch price
 * @param outputPerTokenBatch {@code output_cost_per_token_batches}; null when the provider has no batch price
 * @param inputPerCharacter {@code input_cost_per_character}
 */
public record ModelPrice(
        double inputPerToken,
        double outputPerToken,
        Double inputPerTokenBatch,
        Double outputPerTokenBatch,
        double inputPerCharacter) {

    public ModelPrice {
        if (inputPerToken < 0 || outputPerToken < 0 || inputPerCharacter < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
        if ((inputPerTokenBatch != null && inputPerTokenBatch < 0)
                || (outputPerTokenBatch != null && outputPerTokenBatch < 0)) {
            throw new IllegalArgumentException("batch prices must not be negative");
        }
    }

    /** True when the provider sells the same work through a batch API at its own price. */
    public boolean hasBatchPrice() {
        return inputPerTokenBatch != null || outputPerTokenBatch != null;
    }

    /** What {@code usage} costs when sent live. */
    public double live(Usage usage) {
        return usage.characters() * inputPerCharacter
                + usage.inputTokens() * inputPerToken
                + usage.outputTokens() * outputPerToken;
    }

    /**
     * What {@code usage} costs in a deferred run: through the provider's batch API at its batch prices; a backend
     * without one (machine translation, local models) is sent live in a deferred run too, at its live price.
     */
    public double deferred(Usage usage) {
        if (!hasBatchPrice()) {
            return live(usage);
        }
        double in = inputPerTokenBatch != null ? inputPerTokenBatch : inputPerToken;
        double out = outputPerTokenBatch != null ? outputPerTokenBatch : outputPerToken;
        return usage.characters() * inputPerCharacter + usage.inputTokens() * in + usage.outputTokens() * out;
    }
}

package dev.dragoman.core.usage;

/**
 * What a backend call cost: requests made, characters billed (MT APIs) and input/output tokens (LLMs). Values add
 * up with {@link #plus}; {@link #minus} is a running total's growth. Immutable.
 */
public record Usage(long requests, long characters, long inputTokens, long outputTokens) {

    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public Usage {
        if (requests < 0 || characters < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("usage counts must not be negative");
        }
    }

    public static Usage ofCharacters(long requests, long characters) {
        return new Usage(requests, characters, 0, 0);
    }

    public static Usage ofTokens(long requests, long inputTokens, long outputTokens) {
        return new Usage(requests, 0, inputTokens, outputTokens);
    }

    public Usage plus(Usage other) {
        return new Usage(
                requests + other.requests,
                characters + other.characters,
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens);
    }

    /**
     * What was added to {@code earlier} to make this: a running total's growth since an earlier reading of it.
     *
     * @throws IllegalArgumentException when {@code earlier} is larger in some count (it was not an earlier reading)
     */
    public Usage minus(Usage earlier) {
        return new Usage(
                requests - earlier.requests,
                characters - earlier.characters,
                inputTokens - earlier.inputTokens,
                outputTokens - earlier.outputTokens);
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}

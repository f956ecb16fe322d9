package dev.dragoman.core.usage;

import java.util.concurrent.atomic.LongAdder;

/**
 * A running {@link Usage} total that many threads add to without a lock or a retry loop (one {@link LongAdder} per
 * count): a server adds to the same backend's total on every cache hit, where a {@code ConcurrentHashMap.merge} of
 * immutable totals made every request take the same lock. {@link #sum()} is exact once the adding calls have
 * returned; taken while they run, each count is a recent value. Thread-safe.
 */
public final class UsageAdder {

    private final LongAdder requests = new LongAdder();
    private final LongAdder characters = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();

    public void add(Usage usage) {
        if (usage.requests() != 0) {
            requests.add(usage.requests());
        }
        if (usage.characters() != 0) {
            characters.add(usage.characters());
        }
        if (usage.inputTokens() != 0) {
            inputTokens.add(usage.inputTokens());
        }
        if (usage.outputTokens() != 0) {
            outputTokens.add(usage.outputTokens());
        }
    }

    public Usage sum() {
        return new Usage(requests.sum(), characters.sum(), inputTokens.sum(), outputTokens.sum());
    }
}

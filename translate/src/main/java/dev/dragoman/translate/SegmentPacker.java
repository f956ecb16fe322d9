package dev.dragoman.translate;

import dev.dragoman.core.llm.TokenEstimate;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs segments, in order, into as few batches as {@link BatchLimits} allow (greedy first fit, which is optimal
 * for contiguous batches). Stateless.
 */
public final class SegmentPacker {

    private SegmentPacker() {}

    /** Consecutive index ranges {@code [from, to)} over {@code segments}; every index is in exactly one range. */
    public static List<int[]> pack(List<String> segments, BatchLimits limits) {
        List<int[]> batches = new ArrayList<>();
        int start = 0;
        long chars = 0;
        long bytes = 0;
        long tokens = 0;
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            long c = s.length();
            long b = limits.maxBytes() > 0 ? TokenEstimate.utf8Length(s) : 0;
            long t = limits.maxTokens() > 0 ? TokenEstimate.of(s) : 0;
            int count = i - start;
            boolean full = count > 0
                    && ((limits.maxSegments() > 0 && count + 1 > limits.maxSegments())
                            || (limits.maxCharacters() > 0 && chars + c > limits.maxCharacters())
                            || (limits.maxBytes() > 0 && bytes + b > limits.maxBytes())
                            || (limits.maxTokens() > 0 && tokens + t > limits.maxTokens()));
            if (full) {
                batches.add(new int[] {start, i});
                start = i;
                chars = 0;
                bytes = 0;
                tokens = 0;
            }
            chars += c;
            bytes += b;
            tokens += t;
        }
        if (start < segments.size()) {
            batches.add(new int[] {start, segments.size()});
        }
        return batches;
    }
}

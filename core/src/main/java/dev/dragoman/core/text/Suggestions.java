package dev.dragoman.core.text;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean …?": the known word closest to a mistyped one, by edit distance (Levenshtein), case-insensitive. The
 * one place configuration keys, language names and other user-typed words get their suggestion. Stateless.
 */
public final class Suggestions {

    private Suggestions() {}

    /**
     * The word of {@code known} fewest edits away from {@code typed} when that is at most {@code maxEdits}, else null;
     * on a tie, the first in iteration order.
     */
    public static String nearest(String typed, Collection<String> known, int maxEdits) {
        String word = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = maxEdits + 1;
        for (String k : known) {
            int d = distance(word, k.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** Levenshtein distance, or {@code limit} as soon as it cannot be below it. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit);
    }
}

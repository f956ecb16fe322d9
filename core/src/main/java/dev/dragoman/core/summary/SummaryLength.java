package dev.dragoman.core.summary;

/**
 * A summary length as a number of sentences, a number of words, or a ratio of the article's sentences (0 < r ≤ 1).
 * Immutable.
 */
public record SummaryLength(Unit unit, double value) {

    public enum Unit {
        SENTENCES,
        WORDS,
        RATIO
    }

    public SummaryLength {
        java.util.Objects.requireNonNull(unit, "unit");
        if (!(value > 0) || (unit == Unit.RATIO && value > 1)) {
            throw new IllegalArgumentException("summary length must be positive (a ratio at most 1): " + value);
        }
    }

    public static SummaryLength sentences(int n) {
        return new SummaryLength(Unit.SENTENCES, n);
    }

    public static SummaryLength words(int n) {
        return new SummaryLength(Unit.WORDS, n);
    }

    public static SummaryLength ratio(double r) {
        return new SummaryLength(Unit.RATIO, r);
    }
}

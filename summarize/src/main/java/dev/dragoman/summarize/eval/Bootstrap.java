package dev.dragoman.summarize.eval;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Paired bootstrap confidence interval of the mean difference between two systems scored on the same articles:
 * articles are resampled with replacement (a fixed seed, so the interval is reproducible) and the 2.5th and 97.5th
 * percentiles of the resampled mean differences bound the 95 % interval. Stateless.
 */
public final class Bootstrap {

    /** Resamples drawn. */
    public static final int RESAMPLES = 2_000;

    private static final long SEED = 20261204L;

    private Bootstrap() {}

    /** Mean of {@code a − b} and its 95 % interval. */
    public record Interval(double mean, double low, double high) {
        /** True when the whole interval is above zero: a real win. */
        public boolean above() {
            return low > 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%+.4f [95%% CI %+.4f, %+.4f]", mean, low, high);
        }
    }

    /**
     * The paired interval of {@code a[i] − b[i]}.
     *
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static Interval pairedDifference(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException(
                    "paired scores need the same non-zero length: " + a.length + ", " + b.length);
        }
        int n = a.length;
        double[] d = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
            mean += d[i];
        }
        mean /= n;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += d[random.nextInt(n)];
            }
            means[r] = s / n;
        }
        java.util.Arrays.sort(means);
        return new Interval(mean, means[(int) (0.025 * RESAMPLES)], means[(int) (0.975 * RESAMPLES) - 1]);
    }
}

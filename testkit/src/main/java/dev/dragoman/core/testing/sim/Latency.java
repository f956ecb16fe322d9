package dev.dragoman.core.testing.sim;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How long the {@link SimulatedBackend} waits before answering: fixed, or drawn from a seeded distribution (the
 * draw is made from the request's own random stream, so a run with the same seed and inputs repeats).
 */
public sealed interface Latency {

    /** The delay for one response, drawn from {@code random}. */
    Duration draw(SplittableRandom random);

    static Latency none() {
        return new Fixed(Duration.ZERO);
    }

    static Latency fixed(Duration delay) {
        return new Fixed(delay);
    }

    /** Uniform between {@code min} and {@code max} inclusive. */
    static Latency uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    /** Log-normal around {@code median} with shape {@code sigma} (0.5 gives a realistic long tail). */
    static Latency logNormal(Duration median, double sigma) {
        return new LogNormal(median, sigma);
    }

    record Fixed(Duration delay) implements Latency {
        public Fixed {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative latency " + delay);
            }
        }

        @Override
        public Duration draw(SplittableRandom random) {
            return delay;
        }
    }

    record Uniform(Duration min, Duration max) implements Latency {
        public Uniform {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("bad latency range " + min + ".." + max);
            }
        }

        @Override
        public Duration draw(SplittableRandom random) {
            long span = max.toNanos() - min.toNanos();
            return min.plusNanos(span == 0 ? 0 : random.nextLong(span + 1));
        }
    }

    record LogNormal(Duration median, double sigma) implements Latency {
        @Override
        public Duration draw(SplittableRandom random) {
            // Box-Muller from the request's own stream
            double u1 = Math.max(random.nextDouble(), 1e-12);
            double u2 = random.nextDouble();
            double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            return Duration.ofNanos((long) (median.toNanos() * Math.exp(sigma * z)));
        }
    }
}

package dev.dragoman.summarize.extractive;

import dev.dragoman.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Learned weights of the extractive sentence scorer, per language and length regime: a linear model over
 * {@link SentenceFeatures} trained offline on the dev sets ({@code bench/run.sh ScorerTraining} writes
 * {@code scorer-weights.properties} beside this class). A language or regime without weights is scored by the
 * hand-set formula of {@link ExtractiveSummarizer.Tuning}. Keys are {@code <language>.<regime>}, values the weights
 * in {@link SentenceFeatures#NAMES} order; {@code version} names the training run. Immutable and thread-safe.
 */
public final class ScorerWeights {

    /** Length regimes: a summary of about one sentence, or longer. */
    public enum Regime {
        SHORT,
        LONG;

        /** The regime of a summary of about {@code k} sentences. */
        public static Regime of(double k) {
            return k <= 1.5 ? SHORT : LONG;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String RESOURCE = "scorer-weights.properties";
    private static final ScorerWeights NONE = new ScorerWeights("none", Map.of());
    private static volatile ScorerWeights builtIn;

    private final String version;
    private final Map<String, double[]> weights;

    private ScorerWeights(String version, Map<String, double[]> weights) {
        this.version = version;
        this.weights = Map.copyOf(weights);
    }

    /** No learned weights: every sentence is scored by the hand-set formula. */
    public static ScorerWeights none() {
        return NONE;
    }

    /** The weights shipped with Dragoman (the resource), loaded once. */
    public static ScorerWeights builtIn() {
        ScorerWeights w = builtIn;
        if (w == null) {
            try (InputStream in = ScorerWeights.class.getResourceAsStream(RESOURCE)) {
                w = in == null ? NONE : read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in " + RESOURCE, e);
            }
            builtIn = w;
        }
        return w;
    }

    /** Weights for the given keys ({@code ar.short} → weights in {@link SentenceFeatures#NAMES} order). */
    public static ScorerWeights of(String version, Map<String, double[]> weights) {
        for (Map.Entry<String, double[]> e : weights.entrySet()) {
            if (e.getValue().length != SentenceFeatures.NAMES.size()) {
                throw new IllegalArgumentException("weights for " + e.getKey() + " need "
                        + SentenceFeatures.NAMES.size() + " values, not " + e.getValue().length);
            }
        }
        return new ScorerWeights(version, weights);
    }

    /** Reads the properties format written by {@link #write}. */
    public static ScorerWeights read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, double[]> w = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.equals("version") || key.equals("features")) {
                continue;
            }
            w.put(
                    key,
                    Arrays.stream(p.getProperty(key).split(","))
                            .mapToDouble(s -> Double.parseDouble(s.strip()))
                            .toArray());
        }
        return of(p.getProperty("version", "unnamed"), w);
    }

    /** Writes the weights as properties, with a comment saying how they were made. */
    public void write(Writer out, String comment) throws IOException {
        out.write("# " + comment.replace("\n", "\n# ") + "\n");
        out.write("version=" + version + "\n");
        out.write("features=" + String.join(",", SentenceFeatures.NAMES) + "\n");
        for (Map.Entry<String, double[]> e : new TreeMap<>(weights).entrySet()) {
            StringBuilder b = new StringBuilder();
            for (double v : e.getValue()) {
                b.append(b.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", v));
            }
            out.write(e.getKey() + "=" + b + "\n");
        }
    }

    /** The training run's name (part of the summaries' model). */
    public String version() {
        return version;
    }

    /** The weights for {@code language} in {@code regime}, or null when there are none. */
    public double[] forLanguage(Language language, Regime regime) {
        if (language == null) {
            return null;
        }
        double[] w = weights.get(language.primary() + "." + regime.key());
        return w == null ? null : w.clone();
    }

    /** True when some language has weights. */
    public boolean isEmpty() {
        return weights.isEmpty();
    }
}

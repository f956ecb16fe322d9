package dev.dragoman.bench;

import dev.dragoman.core.Article;
import dev.dragoman.core.Paragraph;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.read.html.Leads;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.summarize.eval.Bootstrap;
import dev.dragoman.summarize.eval.EvalReport;
import dev.dragoman.summarize.eval.Rouge;
import dev.dragoman.summarize.eval.SummarizationEval;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
import dev.dragoman.summarize.extractive.ScorerWeights;
import dev.dragoman.summarize.extractive.SentenceFeatures;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Trains the extractive scorer's weights ({@link ScorerWeights}) on the dev sets and reports held-out ROUGE: for
 * each language (BBC English, ANT Arabic) and length regime (about one sentence; longer) a linear model on
 * {@link SentenceFeatures}: for the short regime, coordinate ascent directly on the mean ROUGE-1 F1 of the sentence
 * a one-sentence summary picks ({@link #shortRegime}); for the long one, a ridge regression of each sentence's
 * ROUGE-1 precision against the reference (how much of the sentence the reference holds). Five-fold cross-validation by article id: every
 * article is summarized by weights trained on the other four folds, and those held-out summaries are scored against
 * Lead-1, Lead-3 and Lead at the same length, with a paired bootstrap 95 % interval of the difference, and beside
 * them a Lead over the same articles with the dateline read off (as the readers deliver them), which shows how much
 * of a gain is the summarizer's cutting of the lede's dateline rather than its choice of sentence. Then the
 * weights are fitted on all articles and written to
 * {@code summarize/src/main/resources/dev/dragoman/summarize/extractive/scorer-weights.properties}. Deterministic:
 * the same data gives the same weights and figures.
 *
 * <p>Usage: {@code bench/run.sh ScorerTraining}; prints a markdown section, or a "skipped" line without the data.
 */
public final class ScorerTraining {

    static final String VERSION = "ascent3";
    private static final int FOLDS = 5;
    private static final double RIDGE = 1.0;
    private static final Path WEIGHTS =
            Path.of("summarize/src/main/resources/dev/dragoman/summarize/extractive/scorer-weights.properties");

    private ScorerTraining() {}

    private record Row(double[] x, double yShort, double yLong, boolean eligible) {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        System.out.println("## Learned extractive scorer: training and held-out ROUGE (ScorerTraining)\n");
        List<Path> sets = DevSets.find(root);
        if (sets.isEmpty()) {
            System.out.println(
                    "SKIPPED: no figures and no weights written — the dev sets (../shared/data/eval) were not"
                            + " found beside or above " + root + "\n");
            return;
        }
        ExtractiveSummarizer base =
                new ExtractiveSummarizer(Clock.systemUTC(), ExtractiveSummarizer.Tuning.DEFAULT, ScorerWeights.none());
        Map<String, double[]> all = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        for (Path set : sets) {
            List<SummarizationEval.Item> items = SummarizationEval.read(set);
            String lang = items.get(0).article().language().primary();
            Rouge rouge = lang.equals("en") ? Rouge.porterStemmed() : Rouge.unstemmed();
            Map<String, List<Row>> rows = new HashMap<>();
            for (SummarizationEval.Item item : items) {
                rows.put(item.id(), rows(base, rouge, item));
            }
            double oracle = 0;
            double first = 0;
            int counted = 0;
            for (List<Row> r : rows.values()) {
                if (!r.isEmpty()) {
                    oracle += r.stream().mapToDouble(Row::yShort).max().orElse(0);
                    first += r.get(0).yShort();
                    counted++;
                }
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%s: the best single sentence (oracle) scores ROUGE-1 F %.4f on average, the first %.4f.%n%n",
                    set.getFileName(),
                    oracle / Math.max(1, counted),
                    first / Math.max(1, counted)));
            // cross-validation: weights for each fold from the other folds
            Map<Integer, ScorerWeights> foldWeights = new HashMap<>();
            for (int f = 0; f < FOLDS; f++) {
                int fold = f;
                foldWeights.put(f, weights(lang, items, rows, item -> fold(item) != fold));
            }
            ScorerWeights full = weights(lang, items, rows, item -> true);
            all.put(lang + ".short", full.forLanguage(items.get(0).article().language(), ScorerWeights.Regime.SHORT));
            all.put(lang + ".long", full.forLanguage(items.get(0).article().language(), ScorerWeights.Regime.LONG));
            out.append(report(set.getFileName().toString(), items, base, foldWeights, lang));
        }
        ScorerWeights shipped = ScorerWeights.of(VERSION, all);
        Path file = root.resolve(WEIGHTS);
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            shipped.write(
                    w,
                    "Learned extractive scorer weights over SentenceFeatures.NAMES (short: coordinate ascent on the"
                            + " ROUGE-1 F1 of the picked sentence; long: ridge regression of ROUGE-1 precision), fitted on the dev sets\nin ../shared/data/eval by dev.dragoman.bench.ScorerTraining: reproduce with"
                            + " `bench/run.sh ScorerTraining`.\nKeys: <language>.<regime>; short = summaries of about"
                            + " one sentence, long = longer ones.");
        }
        System.out.print(out);
        System.out.println("Weights written to " + root.relativize(file) + " (version " + VERSION + "):\n");
        System.out.println("| weights | " + String.join(" | ", SentenceFeatures.NAMES) + " |");
        System.out.println("|---|" + "---|".repeat(SentenceFeatures.NAMES.size()));
        for (Map.Entry<String, double[]> e : all.entrySet()) {
            StringBuilder b = new StringBuilder("| " + e.getKey() + " |");
            for (double v : e.getValue()) {
                b.append(String.format(Locale.ROOT, " %.3f |", v));
            }
            System.out.println(b);
        }
        System.out.println();
    }

    static int fold(SummarizationEval.Item item) {
        return Math.floorMod(item.id().hashCode(), FOLDS);
    }

    private static List<Row> rows(ExtractiveSummarizer base, Rouge rouge, SummarizationEval.Item item) {
        List<Row> out = new ArrayList<>();
        List<ExtractiveSummarizer.ScoredSentence> ranked;
        try {
            ranked = base.rank(item.article());
        } catch (DragomanException e) {
            return out;
        }
        for (ExtractiveSummarizer.ScoredSentence s : ranked) {
            double f = 0;
            double p = 0;
            for (String ref : item.references()) {
                Rouge.Score score =
                        rouge.score(Rouge.Type.ROUGE_1, ref, s.sentence().text());
                f = Math.max(f, score.f());
                p = Math.max(p, score.precision());
            }
            out.add(new Row(
                    s.features(), f, p, s.sentence().words() >= ExtractiveSummarizer.Tuning.DEFAULT.minWords()));
        }
        return out;
    }

    private static ScorerWeights weights(
            String lang,
            List<SummarizationEval.Item> items,
            Map<String, List<Row>> rows,
            Predicate<SummarizationEval.Item> use) {
        List<Row> train = new ArrayList<>();
        for (SummarizationEval.Item item : items) {
            if (use.test(item)) {
                train.addAll(rows.get(item.id()));
            }
        }
        Map<String, double[]> w = new LinkedHashMap<>();
        w.put(lang + ".short", shortRegime(items, rows, use));
        w.put(lang + ".long", ridge(train, false));
        return ScorerWeights.of(VERSION, w);
    }

    /**
     * The short regime's weights: coordinate ascent ({@link #ascent}) directly on the training articles' mean ROUGE-1
     * F1 of the sentence a one-sentence summary picks, started from the lead prior alone (so a weight moves away
     * from Lead only where that gains ROUGE on the training folds).
     */
    static double[] shortRegime(
            List<SummarizationEval.Item> items, Map<String, List<Row>> rows, Predicate<SummarizationEval.Item> use) {
        List<List<Row>> train = new ArrayList<>();
        for (SummarizationEval.Item item : items) {
            if (use.test(item) && !rows.get(item.id()).isEmpty()) {
                train.add(rows.get(item.id()));
            }
        }
        double[] lead = new double[SentenceFeatures.NAMES.size()];
        lead[SentenceFeatures.NAMES.indexOf("prior")] = 1;
        return ascent(train, lead);
    }

    /** The values coordinate ascent tries for each weight. */
    private static final double[] GRID = {-4, -2, -1, -0.5, -0.25, -0.1, 0, 0.1, 0.25, 0.5, 1, 2, 4};

    private static final int ASCENT_PASSES = 6;

    /**
     * Coordinate ascent on ROUGE: for each weight in turn (the bias, which does not rank, excepted), the {@link #GRID}
     * value that gives the best mean ROUGE-1 F1 of the picked sentence, keeping the current value on a tie; passes
     * repeat until one changes nothing (at most {@link #ASCENT_PASSES}). Deterministic.
     */
    static double[] ascent(List<List<Row>> train, double[] start) {
        double[] w = start.clone();
        double current = picked(train, w);
        for (int pass = 0; pass < ASCENT_PASSES; pass++) {
            boolean changed = false;
            for (int j = 1; j < w.length; j++) {
                double keep = w[j];
                double bestValue = keep;
                double best = current;
                for (double g : GRID) {
                    w[j] = g;
                    double o = picked(train, w);
                    if (o > best + 1e-12) {
                        best = o;
                        bestValue = g;
                    }
                }
                w[j] = bestValue;
                if (bestValue != keep) {
                    current = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return w;
    }

    /**
     * The mean ROUGE-1 F1 of the sentence a one-sentence summary picks under {@code w}: the best-scored sentence,
     * preferring sentences long enough to be eligible — the rule of {@link ExtractiveSummarizer}'s selection.
     */
    static double picked(List<List<Row>> train, double[] w) {
        double sum = 0;
        for (List<Row> r : train) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            boolean bestEligible = false;
            for (int k = 0; k < r.size(); k++) {
                Row row = r.get(k);
                double v = SentenceFeatures.dot(w, row.x());
                if ((row.eligible() && !bestEligible) || (row.eligible() == bestEligible && v > bestValue)) {
                    best = k;
                    bestValue = v;
                    bestEligible = row.eligible();
                }
            }
            sum += r.get(best).yShort();
        }
        return train.isEmpty() ? 0 : sum / train.size();
    }

    /** Ridge regression, closed form; the bias (feature 0) is not penalised. */
    static double[] ridge(List<Row> rows, boolean shortRegime) {
        int d = SentenceFeatures.NAMES.size();
        double[][] a = new double[d][d + 1];
        for (Row r : rows) {
            double y = shortRegime ? r.yShort() : r.yLong();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] += r.x()[i] * r.x()[j];
                }
                a[i][d] += r.x()[i] * y;
            }
        }
        for (int i = 1; i < d; i++) {
            a[i][i] += RIDGE;
        }
        // Gaussian elimination with partial pivoting
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < d; r++) {
                if (r != c && a[c][c] != 0) {
                    double k = a[r][c] / a[c][c];
                    for (int j = c; j <= d; j++) {
                        a[r][j] -= k * a[c][j];
                    }
                }
            }
        }
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = a[i][i] == 0 ? 0 : a[i][d] / a[i][i];
        }
        return w;
    }

    private static final String[] SYSTEMS = {
        "learned (held-out)",
        "hand-tuned",
        "Lead-1",
        "Lead-3",
        "Lead (same length)",
        "Lead (same length), dateline read off"
    };

    /**
     * The item as the readers would deliver it: a dateline that opens the first paragraph moved out of the body
     * ({@link Leads#takeDateline}, what wire, HTML and feed input get). Lead over these items is the yardstick for
     * how much of the summarizer's gain is its cutting of the lede's dateline.
     */
    private static SummarizationEval.Item readOffDateline(SummarizationEval.Item item) {
        Article.Builder b = item.article().toBuilder();
        List<String> paragraphs = Leads.takeDateline(item.article().paragraphTexts(), b);
        b.paragraphs(paragraphs.stream().map(Paragraph::new).toList());
        return new SummarizationEval.Item(item.id(), b.build(), item.references());
    }

    private static String report(
            String name,
            List<SummarizationEval.Item> items,
            ExtractiveSummarizer base,
            Map<Integer, ScorerWeights> foldWeights,
            String lang) {
        StringBuilder out = new StringBuilder();
        List<SummaryLength> lengths = Arrays.asList(null, SummaryLength.sentences(1), SummaryLength.sentences(3));
        for (SummaryLength length : lengths) {
            SummarizationEval.Options options =
                    SummarizationEval.Options.DEFAULT.withLength(length).withPerArticle(true);
            // per article id: system -> r1, r2, rL
            Map<String, double[][]> scores = new LinkedHashMap<>();
            for (SummarizationEval.Item item : items) {
                scores.put(item.id(), new double[SYSTEMS.length][3]);
            }
            EvalReport handTuned = SummarizationEval.run(name, items, base, options);
            collect(handTuned, scores, 1, Map.of("summarizer", 1, "Lead-1", 2, "Lead-3", 3, "Lead (same length)", 4));
            EvalReport readOff = SummarizationEval.run(
                    name, items.stream().map(ScorerTraining::readOffDateline).toList(), base, options);
            collect(readOff, scores, 5, Map.of("Lead (same length)", 5));
            for (int f = 0; f < FOLDS; f++) {
                int fold = f;
                List<SummarizationEval.Item> held =
                        items.stream().filter(i -> fold(i) == fold).toList();
                EvalReport r = SummarizationEval.run(name, held, base.withWeights(foldWeights.get(f)), options);
                collect(r, scores, 0, Map.of("summarizer", 0));
            }
            String lengthText = length == null ? "each reference's word count" : length.value() + " sentence(s)";
            out.append(table(name + " — all " + items.size() + " articles, length: " + lengthText, scores));
            if (lang.equals("ar")) {
                for (String source : List.of("BB", "CN")) {
                    Map<String, double[][]> part = new LinkedHashMap<>();
                    scores.forEach((id, s) -> {
                        if (id.startsWith(source)) {
                            part.put(id, s);
                        }
                    });
                    out.append(table(
                            name + " — " + (source.equals("BB") ? "BBC Arabic" : "CNN Arabic") + " only, " + part.size()
                                    + " articles, length: " + lengthText,
                            part));
                }
            }
        }
        return out.toString();
    }

    private static String verdict(Bootstrap.Interval i) {
        return i.above() ? " — a win" : i.high() < 0 ? " — a loss" : " — not significant";
    }

    private static void collect(EvalReport r, Map<String, double[][]> scores, int unused, Map<String, Integer> map) {
        for (EvalReport.ArticleScores a : r.perArticle()) {
            Integer k = map.get(a.system());
            if (k != null) {
                double[] s = scores.get(a.id())[k];
                s[0] = a.rouge1();
                s[1] = a.rouge2();
                s[2] = a.rougeL();
            }
        }
    }

    private static String table(String title, Map<String, double[][]> scores) {
        int n = scores.size();
        StringBuilder out = new StringBuilder("#### " + title + "\n\n");
        out.append("| system | ROUGE-1 F | ROUGE-2 F | ROUGE-L F |\n|---|---|---|---|\n");
        double[][] r1 = new double[SYSTEMS.length][n];
        for (int s = 0; s < SYSTEMS.length; s++) {
            double[] mean = new double[3];
            int i = 0;
            for (double[][] a : scores.values()) {
                for (int m = 0; m < 3; m++) {
                    mean[m] += a[s][m] / n;
                }
                r1[s][i++] = a[s][0];
            }
            out.append(
                    String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f |%n", SYSTEMS[s], mean[0], mean[1], mean[2]));
        }
        Bootstrap.Interval same = Bootstrap.pairedDifference(r1[0], r1[4]);
        Bootstrap.Interval hand = Bootstrap.pairedDifference(r1[0], r1[1]);
        Bootstrap.Interval readOff = Bootstrap.pairedDifference(r1[0], r1[5]);
        out.append(String.format(
                Locale.ROOT,
                "%nlearned − Lead (same length), ROUGE-1 F: %s%s; learned − hand-tuned: %s; learned − Lead (same"
                        + " length) with the dateline read off: %s%s%n%n",
                same,
                verdict(same),
                hand,
                readOff,
                verdict(readOff)));
        return out.toString();
    }
}

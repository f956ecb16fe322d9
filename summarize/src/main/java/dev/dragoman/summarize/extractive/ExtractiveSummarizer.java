package dev.dragoman.summarize.extractive;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.read.Datelines;
import dev.dragoman.core.read.RelativeDates;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.text.Segmenter;
import dev.dragoman.core.usage.Usage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * The embedded summarizer: offline, deterministic, any language Lucene analyses. It picks sentences of the main
 * story ({@link MainStory}) and returns them in document order.
 *
 * <ol>
 *   <li>Each sentence becomes a TF-IDF vector over the terms of the article language's Lucene analyzer
 *       ({@link TermAnalyzers}); weights are {@code (1 + ln tf) · (1 + ln(N / df))} over the article's N sentences.
 *   <li>Centrality (LexRank): PageRank (damping 0.85, until the change is below 1e-6 or 100 iterations) over the
 *       graph whose edges are the cosine similarities between sentences.
 *   <li>Score = {@code (1 − lead) · ((1 − h) · centrality/max + h · cos(sentence, headline)) + lead · prior(i)}, where the
 *       news lead prior is {@code 1 / (1 + i)^decay} over the sentence index {@code i} (news puts the gist first),
 *       and the lead weight depends on the summary's length ({@link Tuning#lead}): a summary of up to three
 *       sentences leans on the lede, a longer one more and more on centrality.
 *       Sentences shorter than {@code minWords} words (captions, sign-offs) are only picked when nothing else is left.
 *   <li>Maximal marginal relevance: sentences are taken one at a time by {@code score − redundancy · max cos(s, chosen)},
 *       so a second sentence repeating the first loses to a new fact; a near-duplicate (cosine ≥ 0.8 to a chosen
 *       sentence) is a last resort.
 *   <li>Length: N sentences; a ratio of the story's sentences (at least one); or a word budget, filled in MMR order
 *       while a sentence brings the total closer to the budget; a budget shorter than the one sentence chosen cuts
 *       it at the clause boundary closest to the budget ({@link #toBudget}).
 * </ol>
 *
 * <p>Before all this, a dateline that opens the lede of an article without one of its own is cut off
 * ({@link #withoutDateline}).
 *
 * <p>Styles: {@code PARAGRAPH} joins the sentences with spaces; {@code BULLETS} puts each on a "- " line;
 * {@code HEADLINE} is the single best-scored sentence, cut at the last clause boundary (comma, Arabic comma,
 * semicolon, colon, dash) within the word limit (the {@code WORDS} length, else 20) — with "…" when it had to be cut
 * inside a clause. The output language must be the article's: extractive summaries are never translated (the brief
 * does that). Thread-safe: no mutable state.
 */
public final class ExtractiveSummarizer implements Summarizer {

    /** The backend id in summaries, cache keys and outputs. */
    public static final String BACKEND = "extractive";
    /** Algorithm and version, reported as the summary's model. */
    public static final String ALGORITHM = "lexrank-lead-mmr-1";
    /** The model name when learned weights score the sentences ({@link ScorerWeights}). */
    public static final String LEARNED = "learned-mmr";

    private static final int HEADLINE_MAX_WORDS = 20;
    /** Sentences ranked at most (1,500² similarities = 18 MB). */
    static final int MAX_SENTENCES = 1_500;
    /** A sentence this similar (cosine) to a chosen one is a near-duplicate: picked only when nothing else is left. */
    private static final double DUPLICATE = 0.8;

    /** A dateline is cut off the first sentence only when this many words of it are left. */
    private static final int DATELINE_REST_WORDS = 4;

    /** A sentence is cut at a clause boundary only when this many words stay. */
    private static final int MIN_CLAUSE_WORDS = 6;

    /** A clause boundary: a comma, semicolon or colon (not inside a number: "1,500", "10:30"), or a spaced dash. */
    private static final Pattern CLAUSE_END = Pattern.compile("(?<!\\p{Nd})[,،;؛:]|[,،;؛:](?!\\p{Nd})|\\s[-–—]\\s");

    /**
     * The ranking knobs. {@code leadShort} / {@code leadLong}: weight of the position prior (0–1) for a short summary
     * (up to {@code leadSentences} sentences) and for a long one — for a summary of k sentences the weight is
     * {@code leadLong + (leadShort − leadLong) · min(1, (leadSentences − 1) / (k − 1))}: news puts the gist in its
     * first sentences (the inverted pyramid), so a short summary leans on the lede and a long one on centrality;
     * {@code decay}: the prior's exponent; {@code headline}: share of similarity to the headline (0–1) in the
     * non-lead part; {@code damping}: PageRank damping; {@code redundancy}: MMR penalty for similarity to a chosen
     * sentence; {@code minWords}: shorter sentences are a last resort.
     */
    public record Tuning(
            double leadShort,
            double leadLong,
            int leadSentences,
            double decay,
            double headline,
            double damping,
            double redundancy,
            int minWords) {
        /** The defaults, tuned for news in general (see docs/DESIGN.md, "Summarization"). */
        public static final Tuning DEFAULT = new Tuning(0.9, 0.2, 3, 2.0, 0.3, 0.85, 0.2, 4);

        public Tuning {
            if (leadShort < 0
                    || leadShort > 1
                    || leadLong < 0
                    || leadLong > 1
                    || leadSentences < 1
                    || decay < 0
                    || headline < 0
                    || headline > 1
                    || damping <= 0
                    || damping >= 1
                    || redundancy < 0
                    || minWords < 0) {
                throw new IllegalArgumentException("bad extractive tuning: " + leadShort + ", " + leadLong + ", "
                        + leadSentences + ", " + decay + ", " + headline + ", " + damping + ", " + redundancy + ", "
                        + minWords);
            }
        }

        /** The lead weight for a summary of about {@code k} sentences. */
        public double lead(double k) {
            return k <= leadSentences ? leadShort : leadLong + (leadShort - leadLong) * (leadSentences - 1) / (k - 1);
        }
    }

    /**
     * A main-story sentence with its parts of the score: centrality (PageRank, normalised to the article's best = 1),
     * the lead prior and the cosine similarity to the headline.
     */
    public record ScoredSentence(
            MainStory.Sentence sentence, double centrality, double prior, double headline, double[] features) {

        /** The hand-set score with lead weight {@code lead} and headline weight {@code headlineWeight}. */
        public double score(double lead, double headlineWeight) {
            return (1 - lead) * ((1 - headlineWeight) * centrality + headlineWeight * headline) + lead * prior;
        }

        /** The learned score: the weights ({@link SentenceFeatures#NAMES} order) times the features. */
        public double score(double[] weights) {
            return SentenceFeatures.dot(weights, features);
        }
    }

    private final Clock clock;
    private final Tuning tuning;
    private final ScorerWeights weights;

    /** The default: the shipped learned weights where a language has them, the default tuning elsewhere. */
    public ExtractiveSummarizer() {
        this(Clock.systemUTC(), Tuning.DEFAULT, ScorerWeights.builtIn());
    }

    public ExtractiveSummarizer(Clock clock, Tuning tuning) {
        this(clock, tuning, ScorerWeights.builtIn());
    }

    /**
     * @param weights learned scorer weights per language and length regime; {@link ScorerWeights#none()} scores
     *     every sentence with {@code tuning}'s hand-set formula
     */
    public ExtractiveSummarizer(Clock clock, Tuning tuning, ScorerWeights weights) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public Tuning tuning() {
        return tuning;
    }

    public ScorerWeights weights() {
        return weights;
    }

    /** A copy that scores with {@code newWeights}. */
    public ExtractiveSummarizer withWeights(ScorerWeights newWeights) {
        return new ExtractiveSummarizer(clock, tuning, newWeights);
    }

    @Override
    public Summary summarize(Article article, SummaryOptions options) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(options, "options");
        Language language = article.language();
        if (options.outputLanguage() != null
                && language != null
                && !options.outputLanguage().sameLanguageAs(language)) {
            throw new DragomanException(
                    DragomanException.Kind.CONFIGURATION,
                    "the extractive summarizer writes in the"
                            + " article's language (" + language + "), not " + options.outputLanguage()
                            + ": use the brief (extract, then translate) or an LLM backend for a summary in another language");
        }
        Ranking ranking = analyse(article);
        List<ScoredSentence> ranked = ranking.scored();
        List<String> sentences;
        String text;
        if (options.style() == SummaryOptions.Style.HEADLINE) {
            ScoredSentence best = ranked.get(0);
            double lead = tuning.leadShort();
            double[] w = weights.forLanguage(language, ScorerWeights.Regime.SHORT);
            for (ScoredSentence s : ranked) {
                if (eligible(s) && (!eligible(best) || score(s, lead, w) > score(best, lead, w))) {
                    best = s;
                }
            }
            int maxWords = options.length().unit() == SummaryLength.Unit.WORDS
                    ? (int) Math.max(1, options.length().value())
                    : HEADLINE_MAX_WORDS;
            text = headline(best.sentence().text(), maxWords);
            sentences = List.of(text);
        } else {
            sentences = select(ranking, options.length()).stream()
                    .map(MainStory.Sentence::text)
                    .toList();
            text = options.style() == SummaryOptions.Style.BULLETS
                    ? String.join("\n", sentences.stream().map(s -> "- " + s).toList())
                    : String.join(" ", sentences);
        }
        LocalDate day = article.published() == null ? null : article.published().day();
        return new Summary(
                text,
                sentences,
                language,
                BACKEND,
                (weights.forLanguage(language, ScorerWeights.Regime.SHORT) == null
                                        && weights.forLanguage(language, ScorerWeights.Regime.LONG) == null
                                ? ALGORITHM
                                : LEARNED + "-" + weights.version())
                        + "/" + TermAnalyzers.name(language),
                Usage.NONE,
                clock.instant(),
                false,
                ranking.ranked() < ranking.total()
                        ? List.of("the article has " + ranking.total() + " sentences; only the first "
                                + ranking.ranked() + " were ranked")
                        : List.of(),
                RelativeDates.anchors(text, day));
    }

    /**
     * Scores every main-story sentence of {@code article}, in document order.
     *
     * @throws InvalidInputException when the article has no body sentence
     */
    public List<ScoredSentence> rank(Article article) {
        return analyse(article).scored();
    }

    /** The sentences a summary of {@code length} takes from {@code article}, in document order. */
    public List<MainStory.Sentence> select(Article article, SummaryLength length) {
        return select(analyse(article), length);
    }

    private record Ranking(List<ScoredSentence> scored, double[][] similarity, int total, Language language) {
        int ranked() {
            return scored.size();
        }
    }

    private Ranking analyse(Article article) {
        List<MainStory.Sentence> read = MainStory.sentences(article);
        List<MainStory.Sentence> all = withoutDateline(read, article);
        boolean datelined = article.dateline() != null || all != read;
        // the similarity graph is quadratic: beyond MAX_SENTENCES (a book, not news) rank the first ones, and say so
        List<MainStory.Sentence> sentences = all.size() > MAX_SENTENCES ? all.subList(0, MAX_SENTENCES) : all;
        if (sentences.isEmpty()) {
            throw new InvalidInputException(
                    "the article" + (article.headline() == null ? "" : " \"" + article.headline() + "\"")
                            + " has no body text to summarize");
        }
        int n = sentences.size();
        Analyzer analyzer = TermAnalyzers.forLanguage(article.language());
        Map<String, Integer> ids = new HashMap<>();
        int[][] termIds = new int[n][];
        for (int i = 0; i < n; i++) {
            termIds[i] = ids(TermAnalyzers.terms(analyzer, sentences.get(i).text()), ids, true);
        }
        int[] headlineIds = article.headline() == null
                ? new int[0]
                : ids(TermAnalyzers.terms(analyzer, article.headline()), ids, false);
        int[] df = new int[ids.size()];
        for (int[] t : termIds) {
            for (int id : distinct(t)) {
                df[id]++;
            }
        }
        double[] idf = new double[df.length];
        for (int k = 0; k < df.length; k++) {
            idf[k] = df[k] == 0 ? 1.0 : 1.0 + Math.log((double) n / df[k]);
        }
        SparseVector[] vectors = new SparseVector[n];
        for (int i = 0; i < n; i++) {
            vectors[i] = SparseVector.of(termIds[i], idf);
        }
        SparseVector headlineVector = SparseVector.of(headlineIds, idf);
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double c = vectors[i].cosine(vectors[j]);
                sim[i][j] = c;
                sim[j][i] = c;
            }
        }
        double[] centrality = pageRank(sim, tuning.damping());
        double max = Arrays.stream(centrality).max().orElse(1);
        List<ScoredSentence> out = new ArrayList<>(n);
        double[] headline = new double[n];
        double maxHeadline = 0;
        for (int i = 0; i < n; i++) {
            headline[i] = vectors[i].cosine(headlineVector);
            maxHeadline = Math.max(maxHeadline, headline[i]);
        }
        int firstWords = sentences.get(0).words();
        for (int i = 0; i < n; i++) {
            double prior = 1.0 / Math.pow(1 + i, tuning.decay());
            double c = max > 0 ? centrality[i] / max : 0;
            double h = headline[i];
            out.add(new ScoredSentence(
                    sentences.get(i),
                    c,
                    prior,
                    h,
                    SentenceFeatures.of(sentences.get(i), n, c, h, maxHeadline, firstWords, datelined)));
        }
        return new Ranking(List.copyOf(out), sim, all.size(), article.language());
    }

    /**
     * The story's sentences with a dateline that opens the first one cut off ("دبي، الإمارات العربية المتحدة
     * (CNN)-- حدد …", "PARIS (AFP) – The …" → "حدد …", "The …"): where and by whom a story was filed is not
     * part of its gist, and a summary that carries it spends words on it. Recognized by core {@link Datelines}, the
     * matcher the readers use when they move a dateline out of the body ({@code Leads}, {@code WireStoryReader}); so
     * this only acts on articles that did not pass through them (JSON input, hand-built articles). An article with a
     * dateline of its own is left alone: the reader already took it, and a second "dateline" is body text. The same
     * list when nothing is cut.
     */
    static List<MainStory.Sentence> withoutDateline(List<MainStory.Sentence> sentences, Article article) {
        if (sentences.isEmpty() || article.dateline() != null) {
            return sentences;
        }
        MainStory.Sentence first = sentences.get(0);
        Datelines.DatelineMatch m = Datelines.match(first.text().strip(), false);
        if (m == null || m.rest() == null || Segmenter.wordCount(m.rest()) < DATELINE_REST_WORDS) {
            return sentences;
        }
        List<MainStory.Sentence> out = new ArrayList<>(sentences);
        out.set(
                0,
                new MainStory.Sentence(
                        first.index(),
                        first.paragraph(),
                        first.positionInParagraph(),
                        m.rest(),
                        Segmenter.wordCount(m.rest())));
        return List.copyOf(out);
    }

    private List<MainStory.Sentence> select(Ranking ranking, SummaryLength length) {
        List<ScoredSentence> ranked = ranking.scored();
        double[][] sim = ranking.similarity();
        int n = ranked.size();
        int totalWords = ranked.stream().mapToInt(s -> s.sentence().words()).sum();
        boolean[] chosen = new boolean[n];
        List<Integer> picked = new ArrayList<>();
        int words = 0;
        int target = switch (length.unit()) {
            case SENTENCES -> (int) Math.min(n, Math.max(1, Math.round(length.value())));
            case RATIO -> (int) Math.min(n, Math.max(1, Math.round(length.value() * n)));
            case WORDS -> Integer.MAX_VALUE;
        };
        double budget = length.unit() == SummaryLength.Unit.WORDS ? Math.min(length.value(), totalWords) : 0;
        double k;
        if (length.unit() == SummaryLength.Unit.WORDS) {
            double meanWords = ranked.stream()
                    .filter(this::eligible)
                    .mapToInt(s -> s.sentence().words())
                    .average()
                    .orElse(Math.max(1.0, (double) totalWords / n));
            k = budget / meanWords;
        } else {
            k = Math.min(target, n);
        }
        double lead = tuning.lead(k);
        double[] w = weights.forLanguage(ranking.language(), ScorerWeights.Regime.of(k));
        while (picked.size() < Math.min(target, n)) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            boolean bestEligible = false;
            for (int i = 0; i < n; i++) {
                if (chosen[i]) {
                    continue;
                }
                double redundancy = 0;
                for (int j : picked) {
                    redundancy = Math.max(redundancy, sim[i][j]);
                }
                double value = score(ranked.get(i), lead, w) - tuning.redundancy() * redundancy;
                boolean ok = eligible(ranked.get(i)) && redundancy < DUPLICATE;
                if ((ok && !bestEligible) || (ok == bestEligible && value > bestValue)) {
                    best = i;
                    bestValue = value;
                    bestEligible = ok;
                }
            }
            if (best < 0) {
                break;
            }
            if (length.unit() == SummaryLength.Unit.WORDS && !picked.isEmpty()) {
                int more = ranked.get(best).sentence().words();
                if (Math.abs(words + more - budget) >= Math.abs(words - budget)) {
                    break; // this sentence would take the summary further from the budget
                }
            }
            chosen[best] = true;
            picked.add(best);
            words += ranked.get(best).sentence().words();
            if (length.unit() == SummaryLength.Unit.WORDS && words >= budget) {
                break;
            }
        }
        if (length.unit() == SummaryLength.Unit.WORDS && picked.size() == 1 && words > budget) {
            // the budget is shorter than the one sentence chosen: cut it rather than overrun
            return List.of(toBudget(ranked.get(picked.get(0)).sentence(), budget));
        }
        picked.sort(Integer::compare);
        return picked.stream().map(i -> ranked.get(i).sentence()).toList();
    }

    /**
     * A one-sentence summary longer than its word budget, cut at the clause boundary ({@link #CLAUSE_END}) that
     * brings it closest to the budget — or whole, when that is closest (a tie keeps more words). Only then: a summary
     * of several sentences already comes close to its budget with whole ones (the selection stops where another
     * sentence would take it further away), and keeps them whole. News writes the sentence the way it writes the
     * story: who did what first, then the attribution ("، وفقا لما نقلته وكالة …", ", the ministry said"),
     * circumstance and elaboration ("، مؤكدا …", ", adding that …") in trailing clauses; so a summary asked for fewer
     * words than its sentence holds drops those rather than overrun. A cut
     * leaves at least {@link #MIN_CLAUSE_WORDS} words and never inside a quotation; the text is the sentence's own
     * prefix, nothing is added.
     */
    static MainStory.Sentence toBudget(MainStory.Sentence s, double budget) {
        String best = s.text();
        int bestWords = s.words();
        List<Integer> ends = clauseEnds(s.text(), MIN_CLAUSE_WORDS);
        for (int k = ends.size() - 1; k >= 0; k--) { // longest first, so a tie keeps more words
            int end = ends.get(k);
            if (SentenceFeatures.insideQuote(s.text(), end)) {
                continue; // never leave a quotation open
            }
            String head = s.text().substring(0, end).strip();
            int w = Segmenter.wordCount(head);
            if (Math.abs(w - budget) < Math.abs(bestWords - budget)) {
                best = head;
                bestWords = w;
            }
        }
        return best.equals(s.text())
                ? s
                : new MainStory.Sentence(s.index(), s.paragraph(), s.positionInParagraph(), best, bestWords);
    }

    /** Where the clauses of {@code sentence} end (offsets of {@link #CLAUSE_END}) with at least {@code minWords} before. */
    private static List<Integer> clauseEnds(String sentence, int minWords) {
        List<Integer> ends = new ArrayList<>();
        var m = CLAUSE_END.matcher(sentence);
        while (m.find()) {
            if (Segmenter.wordCount(sentence.substring(0, m.start())) >= minWords) {
                ends.add(m.start());
            }
        }
        return ends;
    }

    private double score(ScoredSentence s, double lead, double[] learned) {
        return learned != null ? s.score(learned) : s.score(lead, tuning.headline());
    }

    private boolean eligible(ScoredSentence s) {
        return s.sentence().words() >= tuning.minWords();
    }

    static String headline(String sentence, int maxWords) {
        List<Segmenter.Span> words = Segmenter.wordSpans(sentence);
        if (words.size() <= maxWords) {
            return sentence;
        }
        int limit = words.get(maxWords - 1).end();
        String head = sentence.substring(0, limit);
        List<Integer> ends = clauseEnds(head, Math.min(MIN_CLAUSE_WORDS, maxWords));
        int cut = ends.isEmpty() ? -1 : ends.get(ends.size() - 1);
        if (cut > 0) {
            return head.substring(0, cut).strip();
        }
        return head.strip() + "…";
    }

    private static double[] pageRank(double[][] sim, double damping) {
        int n = sim.length;
        double[] rowSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowSum[i] += sim[i][j];
            }
        }
        double[] rank = new double[n];
        Arrays.fill(rank, 1.0 / n);
        double[] next = new double[n];
        for (int iteration = 0; iteration < 100; iteration++) {
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (rowSum[i] == 0) {
                    dangling += rank[i];
                }
            }
            for (int j = 0; j < n; j++) {
                double in = 0;
                for (int i = 0; i < n; i++) {
                    if (rowSum[i] > 0 && sim[i][j] > 0) {
                        in += rank[i] * sim[i][j] / rowSum[i];
                    }
                }
                next[j] = (1 - damping) / n + damping * (in + dangling / n);
            }
            double delta = 0;
            for (int j = 0; j < n; j++) {
                delta += Math.abs(next[j] - rank[j]);
                rank[j] = next[j];
            }
            if (delta < 1e-6) {
                break;
            }
        }
        return rank;
    }

    private static int[] ids(List<String> terms, Map<String, Integer> ids, boolean add) {
        int[] out = new int[terms.size()];
        int k = 0;
        for (String t : terms) {
            Integer id = ids.get(t);
            if (id == null) {
                if (!add) {
                    continue;
                }
                id = ids.size();
                ids.put(t, id);
            }
            out[k++] = id;
        }
        return Arrays.copyOf(out, k);
    }

    private static int[] distinct(int[] ids) {
        return Arrays.stream(ids).distinct().toArray();
    }

    /** A sentence's TF-IDF vector, sorted by term id, unit length. */
    private record SparseVector(int[] ids, double[] weights) {

        static SparseVector of(int[] termIds, double[] idf) {
            int[] sorted = termIds.clone();
            Arrays.sort(sorted);
            int[] ids = new int[sorted.length];
            double[] weights = new double[sorted.length];
            int k = 0;
            for (int i = 0; i < sorted.length; ) {
                int j = i;
                while (j < sorted.length && sorted[j] == sorted[i]) {
                    j++;
                }
                ids[k] = sorted[i];
                weights[k] = (1 + Math.log(j - i)) * idf[sorted[i]];
                k++;
                i = j;
            }
            double norm = 0;
            for (int i = 0; i < k; i++) {
                norm += weights[i] * weights[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < k && norm > 0; i++) {
                weights[i] /= norm;
            }
            return new SparseVector(Arrays.copyOf(ids, k), Arrays.copyOf(weights, k));
        }

        double cosine(SparseVector other) {
            double dot = 0;
            int a = 0;
            int b = 0;
            while (a < ids.length && b < other.ids.length) {
                if (ids[a] == other.ids[b]) {
                    dot += weights[a++] * other.weights[b++];
                } else if (ids[a] < other.ids[b]) {
                    a++;
                } else {
                    b++;
                }
            }
            return dot;
        }
    }
}

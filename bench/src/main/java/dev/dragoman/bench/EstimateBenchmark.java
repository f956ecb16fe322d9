package dev.dragoman.bench;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimTranslation;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import dev.dragoman.core.text.Segmenter;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.batch.Fetcher;
import dev.dragoman.pipeline.cost.BackendCost;
import dev.dragoman.pipeline.cost.CostEstimator;
import dev.dragoman.pipeline.cost.Estimate;
import dev.dragoman.pipeline.cost.PriceTable;
import dev.dragoman.pipeline.cost.TokenCounter;
import dev.dragoman.summarize.eval.SummarizationEval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How close {@code --estimate} comes to what a run then bills, for a language model (gpt-4o-mini, o200k_base):
 *
 * <ol>
 *   <li>Against the simulated OpenAI backend: the sample batch (the seed story and 12 generated wire stories) into
 *       English, translated and summarized by the model — estimate vs the usage the simulator billed, per role.
 *   <li>What the simulator's answers are made of, and how they tokenize next to real English: its translation is the
 *       source with every Arabic letter replaced by a Latin one, its summary the first three paragraphs so
 *       translated whatever length was asked.
 *   <li>Realistic answers (needs {@code ../shared/data}): summaries of the dev sets' articles asked for as many
 *       sentences as their human reference has, the estimate's answer tokens vs the reference's o200k tokens; and the
 *       token density of real English and Arabic news text, which decides a translation's answer tokens.
 * </ol>
 */
public final class EstimateBenchmark {

    private static final Fetcher NO_NETWORK = url -> {
        throw new IllegalStateException("no fetch expected: " + url);
    };

    private EstimateBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        System.out.println("## Cost estimate against what the run bills (EstimateBenchmark)\n");
        simulator(root);
        TokenCounter o200k = TokenCounter.of("openai", "gpt-4o-mini");
        List<Path> sets = DevSets.find(root);
        answers(root, o200k, sets);
        if (sets.isEmpty()) {
            System.out.println("\nskipped the realistic answers: ../shared/data not found\n");
            return;
        }
        summaries(o200k, sets);
        System.out.println();
    }

    /** The sample batch against the simulator: estimate, then the real run, per role. */
    private static void simulator(Path root) throws Exception {
        Path dir = Files.createTempDirectory("estimate-bench");
        Path wire = Files.createDirectories(dir.resolve("wire"));
        Files.copy(root.resolve("examples/sana-2024-06-25-lukashenko.ar.txt"), wire.resolve("sana.txt"));
        WireCorpus.writeWire(WireCorpus.generate(12, 7), wire);
        BatchOptions options = BatchOptions.of(List.of(wire.toString()), dir.resolve("out"))
                .withTranslateTo(Language.ENGLISH)
                .withSummarize(true);
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults())) {
            BackendSpec gpt = BackendSpec.of("openai")
                    .withName("gpt")
                    .withModel("gpt-4o-mini")
                    .withBaseUrl(sim.openAiBaseUrl());
            MemoryResultCache cache = new MemoryResultCache();
            Backends backends = Backends.load()
                    .withVariables(Map.of("OPENAI_API_KEY", "sk-estimate-bench"))
                    .withCache(cache);
            Estimate estimate =
                    new CostEstimator(backends, PriceTable.standard(), gpt, gpt).estimate(options, NO_NETWORK);
            UsageMeter translating = new UsageMeter();
            UsageMeter summarizing = new UsageMeter();
            BatchEngine.builder(options)
                    .translator(backends.withMeter(translating).cachedTranslator(gpt))
                    .summarizer(backends.withMeter(summarizing).summarizer(gpt))
                    .fetcher(NO_NETWORK)
                    .build()
                    .run(BatchListener.NONE, false);
            System.out.println("Against the simulated OpenAI backend (bills o200k_base): the sample batch (seed + 12"
                    + " generated wire stories, seed 7) into English, translated and summarized (3 sentences) by"
                    + " gpt-4o-mini.\n");
            System.out.println("| role | requests est./real | input tokens est./real | output tokens est./real |"
                    + " output error | dollars est./real | dollars error |");
            System.out.println("|---|---|---|---|---:|---|---:|");
            BackendCost cost = BackendCost.of("gpt", "openai", "gpt-4o-mini", true, PriceTable.standard());
            for (Estimate.Line line : estimate.lines()) {
                Usage real = line.role().equals("translate") ? translating.total() : summarizing.total();
                double estUsd = line.cost().live();
                double realUsd = cost.cost(real).live();
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d / %d | %d / %d | %d / %d | %+.0f %% | %.6f / %.6f | %+.0f %% |%n",
                        line.role(),
                        line.usage().requests(),
                        real.requests(),
                        line.usage().inputTokens(),
                        real.inputTokens(),
                        line.usage().outputTokens(),
                        real.outputTokens(),
                        error(line.usage().outputTokens(), real.outputTokens()),
                        estUsd,
                        realUsd,
                        error(estUsd, realUsd));
            }
            System.out.println();
        }
    }

    /** What the simulator answers, and how it tokenizes next to real English. */
    private static void answers(Path root, TokenCounter o200k, List<Path> sets) throws Exception {
        String seed = String.join(
                "\n",
                Files.readAllLines(root.resolve("examples/sana-2024-06-25-lukashenko.ar.txt")).stream()
                        .filter(l -> !l.isBlank())
                        .toList());
        String sim = SimTranslation.translate(seed, "en");
        System.out.println("What the simulator's answers are made of: a translation is `[EN] ` and the source with"
                + " every non-ASCII letter replaced by a Latin letter (`'a' + code point % 26`), the same length in"
                + " characters; a summary is the first three paragraphs so translated, whatever length was asked."
                + " Tokens per 100 characters (o200k_base):\n");
        System.out.println("| text | characters | tokens | tokens / 100 chars |");
        System.out.println("|---|---:|---:|---:|");
        density("seed story, Arabic (the source)", seed, o200k);
        density("seed story, the simulator's \"English\"", sim, o200k);
        for (Path set : sets) {
            StringBuilder text = new StringBuilder();
            for (SummarizationEval.Item i : SummarizationEval.read(set)) {
                i.article().paragraphs().forEach(p -> text.append(p.text()).append('\n'));
            }
            density(set.getFileName() + " (real news text)", text.toString(), o200k);
        }
        System.out.println();
    }

    private static void density(String name, String text, TokenCounter o200k) {
        long tokens = o200k.count(text);
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %d | %.1f |%n",
                name,
                text.length(),
                tokens,
                100.0 * tokens / Math.max(1, text.length()));
    }

    /**
     * Summaries asked for as many sentences as the human reference has (1 to 5): the estimate's answer tokens vs the
     * reference's tokens (an answer as long as a person's summary of that length).
     */
    private static void summaries(TokenCounter o200k, List<Path> sets) {
        BackendCost cost = BackendCost.of("gpt", "openai", "gpt-4o-mini", true, PriceTable.standard());
        System.out.println("Realistic summaries (needs ../shared/data): each dev-set article summarized as long as its"
                + " first reference (its first 1 to 5 sentences); estimate = BackendCost.expectedSummary's answer, real ="
                + " those sentences' o200k tokens.\n");
        System.out.println("| set | articles | sentences asked (mean) | answer tokens est. | reference tokens | error |"
                + " tokens per reference sentence |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Path set : sets) {
            long est = 0;
            long real = 0;
            long sentences = 0;
            int n = 0;
            for (SummarizationEval.Item i : SummarizationEval.read(set)) {
                if (i.references().isEmpty()) {
                    continue;
                }
                Article a = i.article();
                List<String> said = Segmenter.sentences(i.references().get(0), a.language());
                if (said.isEmpty()) {
                    continue;
                }
                int asked = Math.min(5, said.size());
                SummaryOptions options = SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(asked));
                est += cost.expectedSummary(a, options).outputTokens();
                real += o200k.count(String.join(" ", said.subList(0, asked)));
                sentences += asked;
                n++;
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %d | %d | %+.0f %% | %.0f |%n",
                    set.getFileName(),
                    n,
                    (double) sentences / Math.max(1, n),
                    est,
                    real,
                    error(est, real),
                    (double) real / Math.max(1, sentences));
        }
    }

    private static double error(double estimated, double real) {
        return real == 0 ? 0 : 100.0 * (estimated - real) / real;
    }
}

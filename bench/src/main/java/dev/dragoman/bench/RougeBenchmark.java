package dev.dragoman.bench;

import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.summarize.eval.EvalReport;
import dev.dragoman.summarize.eval.SummarizationEval;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * ROUGE of the extractive summarizer beside Lead-1, Lead-3 and a same-length Lead on both dev sets (BBC English with
 * Porter stemming, ANT Arabic unstemmed with the documented Arabic folding): at each reference's length (words),
 * and at 1 and 3 sentences. Goal: ROUGE-1 F ≥ the best Lead baseline of the same length on each set.
 */
public final class RougeBenchmark {

    private RougeBenchmark() {}

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        System.out.println("## Summarization quality: ROUGE on the dev sets (RougeBenchmark)\n");
        List<Path> sets = DevSets.find(root);
        if (sets.isEmpty()) {
            System.out.println(
                    "SKIPPED: no figures — the dev sets (../shared/data/eval) were not found beside or above " + root
                            + "\n");
            return;
        }
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
        System.out.println("Weights: " + summarizer.weights().version() + " (learned, in-sample here; held-out figures"
                + " from ScorerTraining); elsewhere tuning: " + summarizer.tuning() + "\n");
        for (Path set : sets) {
            var items = SummarizationEval.read(set);
            for (SummaryLength length : Arrays.asList(null, SummaryLength.sentences(1), SummaryLength.sentences(3))) {
                EvalReport r = SummarizationEval.run(
                        set.getFileName().toString(),
                        items,
                        summarizer,
                        SummarizationEval.Options.DEFAULT.withLength(length).withPerArticle(true));
                System.out.println("### " + r.toMarkdown());
                EvalReport.SystemScores same = r.systems().get(3);
                System.out.printf(
                        Locale.ROOT,
                        "summarizer ROUGE-1 F − same-length Lead: %+.4f; − best Lead: %+.4f%n%n",
                        r.summarizer().rouge1() - same.rouge1(),
                        r.summarizer().rouge1() - r.bestLead().rouge1());
            }
        }
    }
}

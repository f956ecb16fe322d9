package dev.dragoman.bench;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.llm.TokenEstimate;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.summarize.brief.Brief;
import dev.dragoman.summarize.brief.BriefPipeline;
import dev.dragoman.summarize.eval.SummarizationEval;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
import dev.dragoman.summarize.extractive.MainStory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Characters sent to a translator by the brief (extract 3 sentences in the source language, translate only those)
 * compared with translating the whole article (headline + main story) and summarizing the translation: on the seed
 * and on both dev sets (Arabic → English for the seed and ANT, English → Arabic for BBC). The translator is a
 * counting stub (characters are what paid MT bills; LLM tokens follow them). Goal: ≤ 25 %.
 */
public final class BriefBenchmark {

    private BriefBenchmark() {}

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Translator counting = request -> new TranslationResult(
                request.segments().stream().map(s -> TranslatedSegment.of("x")).toList(),
                request.source(),
                "counting",
                null,
                Usage.ofCharacters(1, request.characters()));
        BriefPipeline pipeline = new BriefPipeline(new ExtractiveSummarizer(), counting);
        System.out.println("## Brief: characters sent vs translate-whole-then-summarize (BriefBenchmark)\n");
        System.out.println("Brief = N extracted sentences translated; whole = headline + main-story sentences.\n");
        System.out.println("| set | articles | brief length | direction | characters sent (brief) | characters (whole"
                + " article) | ratio | est. tokens sent / whole | median per-article ratio | articles ≤ 25 % |");
        System.out.println("|---|---:|---|---|---:|---:|---:|---:|---:|---:|");
        Article seed =
                ArticleReaders.standard().readArticle(root.resolve("examples/sana-2024-06-25-lukashenko.ar.txt"));
        List<Path> sets = DevSets.find(root);
        for (int n : new int[] {3, 1}) {
            SummaryOptions options = SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(n));
            row("seed (examples/)", List.of(seed), Language.ENGLISH, pipeline, options);
            for (Path set : sets) {
                List<Article> articles = new ArrayList<>();
                SummarizationEval.read(set).forEach(i -> articles.add(i.article()));
                Language target =
                        Language.ENGLISH.sameLanguageAs(articles.get(0).language())
                                ? Language.ARABIC
                                : Language.ENGLISH;
                row(set.getFileName().toString(), articles, target, pipeline, options);
            }
        }
        if (sets.isEmpty()) {
            System.out.println("\nskipped dev sets: ../shared/data not found");
        }
        System.out.println();
    }

    private static void row(
            String name, List<Article> articles, Language target, BriefPipeline pipeline, SummaryOptions options) {
        long sent = 0;
        long whole = 0;
        long tokensSent = 0;
        long tokensWhole = 0;
        double[] ratios = new double[articles.size()];
        int within = 0;
        for (int i = 0; i < articles.size(); i++) {
            Brief b = pipeline.brief(articles.get(i), target, options);
            sent += b.charactersSent();
            tokensSent +=
                    b.sourceSentences().stream().mapToInt(TokenEstimate::of).sum();
            Article a = articles.get(i);
            tokensWhole += TokenEstimate.of(a.headline())
                    + MainStory.sentences(a).stream()
                            .mapToInt(x -> TokenEstimate.of(x.text()))
                            .sum();
            whole += b.charactersWholeArticle();
            ratios[i] = b.sentRatio();
            if (b.sentRatio() <= 0.25) {
                within++;
            }
        }
        Arrays.sort(ratios);
        double median = ratios.length % 2 == 1
                ? ratios[ratios.length / 2]
                : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %d sentence(s) | %s → %s | %d | %d | %.1f %% | %d / %d (%.1f %%) | %.1f %% | %d/%d |%n",
                name,
                articles.size(),
                (int) options.length().value(),
                articles.get(0).language(),
                target,
                sent,
                whole,
                100.0 * sent / whole,
                tokensSent,
                tokensWhole,
                100.0 * tokensSent / tokensWhole,
                100 * median,
                within,
                articles.size());
    }
}

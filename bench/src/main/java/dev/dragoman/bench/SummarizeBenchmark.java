package dev.dragoman.bench;

import dev.dragoman.core.Article;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.summarize.eval.SummarizationEval;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Extractive summarizer throughput over the 600 dev articles (BBC English + ANT Arabic, ../shared/data), 3-sentence
 * paragraph summaries: articles per second on one thread and on all cores, after two warm-up passes, and the peak
 * heap. The measurement always runs in a JVM with {@code -Xmx256m}: when started with a larger heap, this class
 * re-launches itself in a child JVM with that limit (same class path), so the bound is part of the figure.
 * Goal: ≥ 100 articles/s on one thread with ≤ 256 MiB heap.
 */
public final class SummarizeBenchmark {

    private static final long HEAP_LIMIT = 256L * 1024 * 1024;
    private static final int PASSES = 5;

    private SummarizeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<Path> sets = DevSets.find(root);
        boolean relaunch = Runtime.getRuntime().maxMemory() > HEAP_LIMIT + HEAP_LIMIT / 8;
        if (sets.size() < 2 || !relaunch) {
            System.out.println("## Extractive summarizer throughput (SummarizeBenchmark)\n");
        }
        if (sets.size() < 2) {
            System.out.println("skipped: ../shared/data not found (needs eval/" + DevSets.BBC + " and eval/"
                    + DevSets.ANT + ")\n");
            return;
        }
        if (relaunch) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            SummarizeBenchmark.class.getName(),
                            root.toString())
                    .inheritIO()
                    .start();
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException("the -Xmx256m child JVM failed with exit code " + code);
            }
            return;
        }
        List<Article> articles = new ArrayList<>();
        for (Path set : sets) {
            SummarizationEval.read(set).forEach(i -> articles.add(i.article()));
        }
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
        SummaryOptions options = SummaryOptions.DEFAULT;
        for (int w = 0; w < 2; w++) {
            for (Article a : articles) {
                summarizer.summarize(a, options);
            }
        }
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        for (int pass = 0; pass < PASSES; pass++) {
            for (Article a : articles) {
                summarizer.summarize(a, options);
            }
        }
        double single = articles.size() * PASSES / ((System.nanoTime() - start) / 1e9);
        long peakSingle = peakHeap();

        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        int total = articles.size() * PASSES;
        start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    summarizer.summarize(articles.get(i % articles.size()), options);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double parallel = total / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        long peak = Math.max(peakSingle, peakHeap());

        System.out.printf(
                Locale.ROOT,
                "%d dev articles (BBC %s + ANT %s), 3-sentence summaries, %d measured passes after"
                        + " 2 warm-up passes; max heap %d MiB; %d cores; %s.%n%n",
                articles.size(),
                DevSets.BBC,
                DevSets.ANT,
                PASSES,
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                threads,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.println("| figure | measured | bound | ratio |\n|---|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| articles/s, one thread | %.0f | ≥ 100 | %.2f |%n", single, single / 100);
        System.out.printf(
                Locale.ROOT,
                "| articles/s, %d threads | %.0f | | %.2f × one thread |%n",
                threads,
                parallel,
                parallel / single);
        System.out.printf(
                Locale.ROOT,
                "| peak heap, sum of per-pool peaks (MiB) | %.1f | ≤ 256 | %.2f |%n%n",
                peak / 1048576.0,
                peak / (double) HEAP_LIMIT);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

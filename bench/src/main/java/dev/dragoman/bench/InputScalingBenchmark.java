package dev.dragoman.bench;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.Published;
import dev.dragoman.core.cluster.MinHashStoryClusterer;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.text.Segmenter;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.pipeline.batch.DoneRecord;
import dev.dragoman.pipeline.batch.RunReport;
import dev.dragoman.pipeline.digest.Digest;
import dev.dragoman.pipeline.digest.DigestWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Linear time on any input (issue "hostile input", item 6): CPU seconds per MB for each input kind at 1, 10 and 50 MB
 * (hostile shapes: tens of thousands of distinct paragraphs, repeated source lines, empty elements, huge feeds), and
 * the digest of 1k, 10k and 100k distinct articles. A linear reader shows a flat s/MB column; the "10 MB / 1 MB" and
 * "50 MB / 10 MB" columns are the growth of s/MB (≈ 1 when linear, ≈ 10 and 5 when quadratic). Synthetic input, no
 * data set needed. The segmenter is measured on its own over one paragraph of each size (quotations, unclosed quote
 * marks, stray stops). Run: {@code bench/run.sh InputScalingBenchmark}.
 */
public final class InputScalingBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] AR_WORDS = ("الرئيس الحكومة وزير الخارجية دمشق موسكو اجتماع مباحثات التعاون الاقتصادي"
                    + " الأمن مجلس الشعب العلاقات الثنائية مؤتمر صحفي بيان رسمي الجيش المنطقة الحدود الاتفاق الطاقة النفط")
            .split(" ");
    private static final String[] EN_WORDS = ("president government minister foreign capital meeting talks cooperation"
                    + " economic security council relations bilateral conference statement official army region border"
                    + " agreement energy oil market prices election parliament court report")
            .split(" ");

    private InputScalingBenchmark() {}

    public static void main(String[] args) {
        ArticleReaders readers = ArticleReaders.standard();
        int[] sizes = {1, 10, 50};
        System.out.println("## Input scaling: CPU seconds per MB by input kind (InputScalingBenchmark)\n");
        System.out.println(
                "| input kind | s/MB at 1 MB | s/MB at 10 MB | s/MB at 50 MB | 10 MB / 1 MB | 50 MB / 10 MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        kind(readers, "wire text, repeated «المصدر:» lines", sizes, InputScalingBenchmark::wireRepeatedSource);
        kind(readers, "wire text, one long body", sizes, InputScalingBenchmark::wireLongBody);
        kind(readers, "HTML, distinct paragraphs", sizes, InputScalingBenchmark::htmlParagraphs);
        kind(readers, "HTML, empty elements", sizes, InputScalingBenchmark::htmlEmpty);
        kind(readers, "JSON Lines, many articles", sizes, InputScalingBenchmark::jsonLines);
        kind(readers, "Atom feed, many entries", sizes, InputScalingBenchmark::atom);
        segmenter("segmenter, one Arabic paragraph with quotations", sizes, InputScalingBenchmark::quotedProse);
        segmenter("segmenter, unclosed quotes and stray stops", sizes, InputScalingBenchmark::strayMarks);
        segmenter("segmenter, one sentence then stray stops only", sizes, InputScalingBenchmark::strayStopsOnly);
        System.out.println();
        System.out.println("## Digest: CPU seconds by number of distinct articles (InputScalingBenchmark)\n");
        System.out.println("| articles | stories | CPU s | µs per article | per-article growth vs previous row |");
        System.out.println("|---:|---:|---:|---:|---:|");
        double previous = 0;
        for (int n : new int[] {1_000, 10_000, 100_000}) {
            List<DoneRecord> entries = records(n);
            long t0 = cpu();
            Digest digest = Digest.of(
                    new RunReport(Instant.EPOCH, Instant.EPOCH, n, 0, 0, 0, Usage.NONE, entries, List.of(), false),
                    new MinHashStoryClusterer());
            DigestWriter writer = new DigestWriter();
            int chars = writer.markdown(digest).length() + writer.html(digest).length();
            double s = (cpu() - t0) / 1e9;
            double perArticle = s / n * 1e6;
            System.out.printf(
                    "| %,d | %,d | %.2f | %.0f | %s |%n",
                    n,
                    digest.stories().size(),
                    s,
                    perArticle,
                    previous == 0 ? "–" : String.format("%.2f×", perArticle / previous));
            previous = perArticle;
            if (chars == 0) {
                throw new IllegalStateException("empty digest");
            }
        }
        System.out.println();
    }

    private static void kind(ArticleReaders readers, String name, int[] sizes, IntFunction<String> make) {
        double[] perMb = new double[sizes.length];
        String fileName = name.startsWith("HTML")
                ? "x.html"
                : name.startsWith("JSON") ? "x.jsonl" : name.startsWith("Atom") ? "x.atom" : "x.txt";
        warmUp(() -> readers.read(make.apply(sizes[0] * 1_000_000).getBytes(StandardCharsets.UTF_8), fileName));
        for (int i = 0; i < sizes.length; i++) {
            byte[] bytes = make.apply(sizes[i] * 1_000_000).getBytes(StandardCharsets.UTF_8);
            long t0 = cpu();
            try {
                List<Article> articles = readers.read(bytes, fileName);
                if (articles.isEmpty()) {
                    throw new IllegalStateException(name + ": no article");
                }
            } catch (InvalidInputException e) {
                // a clear refusal is a result too; its cost is what is measured
            }
            perMb[i] = (cpu() - t0) / 1e9 / (bytes.length / 1e6);
        }
        System.out.printf(
                "| %s | %.3f | %.3f | %.3f | %.2f× | %.2f× |%n",
                name, perMb[0], perMb[1], perMb[2], perMb[1] / perMb[0], perMb[2] / perMb[1]);
    }

    /** One unmeasured run at the smallest size, so the 1 MB column measures compiled code, not the JIT warming up. */
    private static void warmUp(Runnable run) {
        try {
            run.run();
        } catch (InvalidInputException e) {
            // measured below like any other result
        }
    }

    /** The sentences of one text of each size (one paragraph: no line break helps the segmenter). */
    private static void segmenter(String name, int[] sizes, IntFunction<String> make) {
        double[] perMb = new double[sizes.length];
        warmUp(() -> Segmenter.sentenceSpans(make.apply(sizes[0] * 1_000_000), Language.ARABIC));
        for (int i = 0; i < sizes.length; i++) {
            String text = make.apply(sizes[i] * 1_000_000);
            long t0 = cpu();
            int sentences = Segmenter.sentenceSpans(text, Language.ARABIC).size();
            perMb[i] = (cpu() - t0) / 1e9 / (text.getBytes(StandardCharsets.UTF_8).length / 1e6);
            if (sentences == 0) {
                throw new IllegalStateException(name + ": no sentence");
            }
        }
        System.out.printf(
                "| %s | %.3f | %.3f | %.3f | %.2f× | %.2f× |%n",
                name, perMb[0], perMb[1], perMb[2], perMb[1] / perMb[0], perMb[2] / perMb[1]);
    }

    /** Arabic sentences with «…» and “…” quotations holding ellipses and full stops, all on one line. */
    static String quotedProse(int bytes) {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() * 2 < bytes; i++) {
            sb.append(sentence(r, AR_WORDS, 8, i)).append(' ');
            if (i % 3 == 0) {
                sb.append("وقال: «")
                        .append(sentence(r, AR_WORDS, 5, i))
                        .append(" ")
                        .append(sentence(r, AR_WORDS, 4, i));
                sb.append("…» وأضاف “").append(sentence(r, AR_WORDS, 6, i)).append("”. ");
            }
        }
        return sb.toString();
    }

    /** Openers that never close, stray stops and ellipses: the shapes that made earlier segmenters quadratic. */
    static String strayMarks(int bytes) {
        Random r = new Random(8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() * 2 < bytes; i++) {
            sb.append("« “ \" ‹ ").append(sentence(r, AR_WORDS, 6, i)).append(" . . … ");
        }
        return sb.toString();
    }

    /** One sentence followed by nothing but stray full stops: every stop joins that one sentence. */
    static String strayStopsOnly(int bytes) {
        StringBuilder sb = new StringBuilder("قال الوزير إن المحادثات مستمرة.");
        while (sb.length() * 2 < bytes) {
            sb.append(" .");
        }
        return sb.toString();
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static String sentence(Random random, String[] words, int n, int serial) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(words[random.nextInt(words.length)]).append(' ');
        }
        return sb.append(serial).append('.').toString();
    }

    static String wireRepeatedSource(int bytes) {
        Random r = new Random(1);
        StringBuilder sb = new StringBuilder("الرئيس يبحث التعاون مع موسكو\n\nدمشق-سانا\n\n");
        for (int i = 0; sb.length() * 2 < bytes; i++) {
            sb.append(sentence(r, AR_WORDS, 12, i)).append("\n\nالمصدر: سانا\n\n");
        }
        return sb.toString();
    }

    static String wireLongBody(int bytes) {
        Random r = new Random(2);
        StringBuilder sb = new StringBuilder("President meets council on energy\n\nDamascus, June 25 (SANA) - ");
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append(sentence(r, EN_WORDS, 14, i)).append(i % 5 == 4 ? "\n\n" : " ");
        }
        return sb.toString();
    }

    static String htmlParagraphs(int bytes) {
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder(
                "<!doctype html><html><head><title>Council talks</title></head><body><article><h1>Council talks</h1>");
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append("<p>").append(sentence(r, EN_WORDS, 10, i)).append("</p>\n");
        }
        return sb.append("</article></body></html>").toString();
    }

    static String htmlEmpty(int bytes) {
        StringBuilder sb = new StringBuilder(
                "<!doctype html><html><head><title>Council talks</title></head><body><article><h1>Council talks</h1>"
                        + "<p>The council met on Tuesday to discuss the energy agreement and border security.</p>");
        while (sb.length() < bytes) {
            sb.append("<div><span></span><p></p></div>");
        }
        return sb.append("</article></body></html>").toString();
    }

    static String jsonLines(int bytes) {
        Random r = new Random(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append("{\"id\":\"a")
                    .append(i)
                    .append("\",\"headline\":\"")
                    .append(sentence(r, EN_WORDS, 6, i))
                    .append("\",\"language\":\"en\",\"body\":[\"")
                    .append(sentence(r, EN_WORDS, 20, i))
                    .append("\",\"")
                    .append(sentence(r, EN_WORDS, 20, i))
                    .append("\"]}\n");
        }
        return sb.toString();
    }

    static String atom(int bytes) {
        Random r = new Random(5);
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title><id>urn:wire</id>"
                + "<updated>2024-06-25T10:00:00Z</updated>\n");
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append("<entry><id>urn:wire:")
                    .append(i)
                    .append("</id><title>")
                    .append(sentence(r, EN_WORDS, 6, i))
                    .append("</title><link href=\"https://example.org/")
                    .append(i)
                    .append("\"/><updated>2024-06-25T10:00:00Z</updated><content type=\"text\">")
                    .append(sentence(r, EN_WORDS, 30, i))
                    .append(' ')
                    .append(sentence(r, EN_WORDS, 30, i))
                    .append("</content></entry>\n");
        }
        return sb.append("</feed>").toString();
    }

    /** Distinct articles: words drawn from a 20,000-word invented vocabulary, as unrelated stories share few words. */
    static List<DoneRecord> records(int n) {
        Random r = new Random(6);
        String[] vocabulary = new String[20_000];
        for (int w = 0; w < vocabulary.length; w++) {
            char[] letters = new char[4 + r.nextInt(5)];
            for (int c = 0; c < letters.length; c++) {
                letters[c] = (char) ('a' + r.nextInt(26));
            }
            vocabulary[w] = new String(letters);
        }
        List<DoneRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String headline = sentence(r, vocabulary, 8, i);
            out.add(new DoneRecord(
                    "a" + i,
                    "fp",
                    "in/" + i + ".txt",
                    "https://example.org/" + i,
                    headline,
                    Language.ENGLISH,
                    headline,
                    sentence(r, vocabulary, 25, i),
                    Language.ENGLISH,
                    Published.ofDate("2024-06-25", LocalDate.of(2024, 6, 25)),
                    "Agency " + (i % 50),
                    List.of(i + ".md"),
                    Usage.NONE,
                    false,
                    Instant.EPOCH,
                    List.of(),
                    List.of()));
        }
        return out;
    }
}

package dev.dragoman.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Dateline;
import dev.dragoman.core.Language;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.translate.ArticleTranslation;
import dev.dragoman.translate.ArticleTranslator;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.Translators;
import dev.dragoman.translate.deepl.DeepLTranslator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * Article translation against a simulated DeepL-shaped backend with a fixed 100 ms latency (MockWebServer with a
 * dispatcher that delays each answer's headers by 100 ms): 200 generated Arabic fixture articles (one in four with
 * a "read also" story), translated through the full stack (ArticleTranslator → cache → glossary check → guard →
 * retry → rate limiter (none) → metering → DeepLTranslator → HTTP) at concurrency 8.
 *
 * <p>Figures: requests per article (expect 1 for an article without a related story: all its segments fit one
 * request; 2 with one, as DeepL gets each story's headline as context), cold wall time beside the bound
 * (requests × latency ÷ concurrency), and a warm re-run over the same cache (expect 0 requests).
 */
public final class TranslateBenchmark {

    private static final int ARTICLES = 200;
    private static final int CONCURRENCY = 8;
    private static final long LATENCY_MS = 100;

    private TranslateBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<String> sentences = seedSentences(root.resolve("examples/sana-2024-06-25-lukashenko.ar.txt"));
        List<Article> articles = fixtures(sentences, new Random(20240625));
        AtomicInteger served = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new DeepLShape(served));
            server.start();
            OkHttpClient client = new OkHttpClient.Builder()
                    .connectionPool(new okhttp3.ConnectionPool(CONCURRENCY * 2, 1, TimeUnit.MINUTES))
                    .build();
            DeepLTranslator deepl = DeepLTranslator.builder(client, "bench-key:fx")
                    .baseUrl(server.url("/").toString())
                    .build();
            UsageMeter meter = new UsageMeter();
            TranslationBackend stack = Translators.standard(deepl, Retrier.withDefaults(), null, meter, false);
            ArticleTranslator translator = new ArticleTranslator(stack, new MemoryResultCache(), meter, null);

            // warm the JVM and the connection pool on articles outside the measured set
            run(translator, fixtures(sentences, new Random(1)).subList(0, 16));
            served.set(0);
            long billedBefore = meter.total().characters();

            String loadBefore = load();
            Run cold = run(translator, articles);
            int coldRequests = served.getAndSet(0);
            Run warm = run(translator, articles);
            int warmRequests = served.getAndSet(0);
            long billed = meter.total().characters() - billedBefore;

            // the same cold run with no simulated latency: what the client side itself costs on this machine
            DeepLShape.latencyMs = 0;
            ArticleTranslator fresh = new ArticleTranslator(stack, new MemoryResultCache(), null, null);
            Run zero = run(fresh, articles);
            DeepLShape.latencyMs = LATENCY_MS;

            long withRelated =
                    articles.stream().filter(a -> !a.related().isEmpty()).count();
            long plain = articles.size() - withRelated;
            int expected = (int) (plain + 2 * withRelated);
            double bound = (double) coldRequests * LATENCY_MS / CONCURRENCY;
            long segments =
                    articles.stream().mapToLong(TranslateBenchmark::segments).sum();

            StringBuilder out = new StringBuilder("## Article translation (TranslateBenchmark)\n\n");
            out.append("Command: `bench/run.sh TranslateBenchmark`. ")
                    .append(ARTICLES)
                    .append(" generated Arabic articles (")
                    .append(plain)
                    .append(" single-story, ")
                    .append(withRelated)
                    .append(" with a \"read also\" story; ")
                    .append(segments)
                    .append(" segments in all), simulated ")
                    .append("DeepL-shaped backend on loopback with a fixed ")
                    .append(LATENCY_MS)
                    .append(" ms latency, full decorator stack, in-memory cache, concurrency ")
                    .append(CONCURRENCY)
                    .append(".\n\n");
            out.append("| figure | measured | expected / bound | ratio |\n|---|---:|---:|---:|\n");
            out.append(String.format(
                    Locale.ROOT,
                    "| requests, cold run | %d | %d (1 per story) | %.2f |%n",
                    coldRequests,
                    expected,
                    (double) coldRequests / expected));
            out.append(String.format(
                    Locale.ROOT, "| requests per single-story article | %.2f | 1 | |%n", cold.requestsPlain(plain)));
            out.append(String.format(
                    Locale.ROOT,
                    "| requests per article with a related story | %.2f | 2 | |%n",
                    cold.requestsRelated(withRelated)));
            out.append(String.format(
                    Locale.ROOT,
                    "| cold wall time | %.0f ms | %.0f ms (requests × %d ms ÷ %d) | %.2f |%n",
                    cold.wallMs,
                    bound,
                    LATENCY_MS,
                    CONCURRENCY,
                    cold.wallMs / bound));
            out.append(String.format(Locale.ROOT, "| warm re-run: requests | %d | 0 | |%n", warmRequests));
            out.append(String.format(
                    Locale.ROOT,
                    "| warm re-run: wall time | %.1f ms | | %.0f× faster than cold |%n",
                    warm.wallMs,
                    cold.wallMs / Math.max(warm.wallMs, 0.001)));
            out.append(String.format(
                    Locale.ROOT, "| warm re-run: parts from cache | %d of %d | all | |%n", warm.fromCache, warm.parts));
            out.append(String.format(Locale.ROOT, "| characters billed (cold) | %d | | |%n", billed));
            out.append(String.format(
                    Locale.ROOT,
                    "| same cold run at 0 ms latency (client + loopback cost) | %.0f ms | | |%n",
                    zero.wallMs));
            out.append(String.format(
                    Locale.ROOT,
                    "| cold wall time − 0-latency run, vs the bound | %.0f ms | %.0f ms | %.2f |%n",
                    cold.wallMs - zero.wallMs,
                    bound,
                    (cold.wallMs - zero.wallMs) / bound));
            out.append('\n')
                    .append("Machine load (1/5/15-min load average) before the run: ")
                    .append(loadBefore)
                    .append(" on ")
                    .append(Runtime.getRuntime().availableProcessors())
                    .append(" cores; the wall-time ratios are inflated by other work on a shared machine.\n\n");
            System.out.print(out);
        }
        System.out.print(devSets(root));
    }

    /**
     * Packing on real articles: how many requests each backend's default limits need per article of the dev sets
     * (../shared/data: 30 SPA wire stories read by the wire reader, 300 ANT Arabic articles from JSONL). No HTTP:
     * a counting backend with each backend's profile.
     */
    static String devSets(Path root) throws Exception {
        StringBuilder out = new StringBuilder("### Requests per real article at each backend's default limits\n\n");
        Path data = root.resolve("../shared/data").normalize();
        if (!Files.isDirectory(data)) {
            return out.append("skipped: ../shared/data not found\n\n").toString();
        }
        List<Article> articles = new ArrayList<>();
        dev.dragoman.core.read.ArticleReaders readers = dev.dragoman.core.read.ArticleReaders.standard();
        Path spa = data.resolve("wire/spa");
        if (Files.isDirectory(spa)) {
            try (var files = Files.list(spa)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".txt"))
                        .sorted()
                        .toList()) {
                    articles.add(readers.readArticle(f));
                }
            }
        }
        int wire = articles.size();
        Path ant = data.resolve("eval/ant-arabic-standfirst.dev.jsonl");
        if (Files.isRegularFile(ant)) {
            for (String line : Files.readAllLines(ant, StandardCharsets.UTF_8)) {
                JsonNode n = Json.mapper().readTree(line);
                Article.Builder b = Article.builder()
                        .language(Language.ARABIC)
                        .headline(n.path("title").asText());
                for (String p : n.path("text").asText().split("\n")) {
                    if (!p.isBlank()) {
                        b.paragraph(p.strip());
                    }
                }
                articles.add(b.build());
            }
        }
        out.append("Command: `bench/run.sh TranslateBenchmark`. ")
                .append(wire)
                .append(" SPA wire stories + ")
                .append(articles.size() - wire)
                .append(" ANT articles (")
                .append(articles.stream()
                        .mapToLong(TranslateBenchmark::segments)
                        .sum())
                .append(" segments).\n\n");
        out.append("| backend limits | requests | per article: mean | max | articles in one request per story |\n")
                .append("|---|---:|---:|---:|---:|\n");
        List<dev.dragoman.translate.BackendProfile> profiles = List.of(
                dev.dragoman.translate.BackendProfile.mt("deepl", "", DeepLTranslator.DEFAULT_LIMITS, true),
                dev.dragoman.translate.BackendProfile.mt(
                        "google", "", dev.dragoman.translate.google.GoogleTranslator.DEFAULT_LIMITS, false),
                dev.dragoman.translate.BackendProfile.mt(
                        "azure", "", dev.dragoman.translate.azure.AzureTranslator.DEFAULT_LIMITS, false),
                new dev.dragoman.translate.BackendProfile(
                        "llm",
                        "m",
                        "t",
                        dev.dragoman.translate.llm.LlmTranslator.DEFAULT_LIMITS,
                        false,
                        dev.dragoman.translate.BackendProfile.Unit.TOKENS));
        for (dev.dragoman.translate.BackendProfile p : profiles) {
            AtomicInteger requests = new AtomicInteger();
            TranslationBackend counting = TranslationBackend.of(p, r -> {
                requests.incrementAndGet();
                return new dev.dragoman.core.translation.TranslationResult(
                        r.segments().stream()
                                .map(t -> dev.dragoman.core.translation.TranslatedSegment.of(DeepLShape.latin(t)))
                                .toList(),
                        null,
                        p.id(),
                        p.model(),
                        dev.dragoman.core.usage.Usage.ofCharacters(1, r.characters()));
            });
            ArticleTranslator t = new ArticleTranslator(
                    Translators.standard(counting, Retrier.none(), null, null, false), new MemoryResultCache());
            int max = 0;
            int minimal = 0;
            int degraded = 0;
            for (Article a : articles) {
                int before = requests.get();
                ArticleTranslation r = t.translate(a, Language.ENGLISH);
                int used = requests.get() - before;
                max = Math.max(max, used);
                int stories = p.supportsContext() ? 1 + a.related().size() : 1;
                if (used <= stories) {
                    minimal++;
                }
                if (r.provenance().degraded()) {
                    degraded++;
                }
            }
            out.append(String.format(
                    Locale.ROOT,
                    "| %s (%s) | %d | %.2f | %d | %d of %d |%n",
                    p.id(),
                    describe(p),
                    requests.get(),
                    (double) requests.get() / articles.size(),
                    max,
                    minimal,
                    articles.size()));
            if (degraded > 0) {
                out.append("| (").append(degraded).append(" articles flagged by the guard) | | | | |\n");
            }
        }
        return out.append('\n').toString();
    }

    private static String describe(dev.dragoman.translate.BackendProfile p) {
        var l = p.limits();
        List<String> parts = new ArrayList<>();
        if (l.maxSegments() > 0) {
            parts.add(l.maxSegments() + " segments");
        }
        if (l.maxCharacters() > 0) {
            parts.add(l.maxCharacters() + " chars");
        }
        if (l.maxBytes() > 0) {
            parts.add(l.maxBytes() + " bytes");
        }
        if (l.maxTokens() > 0) {
            parts.add(l.maxTokens() + " est. tokens");
        }
        return String.join(", ", parts);
    }

    private record Run(double wallMs, long parts, long fromCache, List<ArticleTranslation> results) {
        double requestsPlain(long n) {
            return n == 0
                    ? 0
                    : (double) results.stream()
                                    .filter(r -> r.article().related().isEmpty())
                                    .mapToLong(r -> r.provenance().usage().requests())
                                    .sum()
                            / n;
        }

        double requestsRelated(long n) {
            return n == 0
                    ? 0
                    : (double) results.stream()
                                    .filter(r -> !r.article().related().isEmpty())
                                    .mapToLong(r -> r.provenance().usage().requests())
                                    .sum()
                            / n;
        }
    }

    private static Run run(ArticleTranslator translator, List<Article> articles) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            long start = System.nanoTime();
            List<Future<ArticleTranslation>> futures = new ArrayList<>();
            for (Article a : articles) {
                futures.add(pool.submit(() -> translator.translate(a, Language.ENGLISH)));
            }
            List<ArticleTranslation> results = new ArrayList<>();
            for (Future<ArticleTranslation> f : futures) {
                results.add(f.get());
            }
            double ms = (System.nanoTime() - start) / 1e6;
            long parts = results.stream()
                    .mapToLong(r -> r.provenance().parts().size())
                    .sum();
            long cached = results.stream()
                    .mapToLong(r -> r.provenance().partsFromCache())
                    .sum();
            return new Run(ms, parts, cached, results);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long segments(Article a) {
        long n = 1 + a.paragraphs().size() + (a.source() == null ? 0 : 1) + (a.dateline() == null ? 0 : 2);
        for (Article r : a.related()) {
            n += segments(r);
        }
        return n;
    }

    /** Sentences of the seed story, the material for the generated articles. */
    private static List<String> seedSentences(Path seed) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
            for (String s : line.split("(?<=[.،])\\s+")) {
                if (s.strip().length() > 25) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static final String[] PLACES = {"دمشق", "موسكو", "القاهرة", "بيروت", "عمان", "بغداد", "الرياض", "مينسك"};

    /** Deterministic fixture articles: 3–8 paragraphs of 1–3 seed sentences, each article's text unique. */
    static List<Article> fixtures(List<String> sentences, Random random) {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String tag = " (" + (i + 1) + "/" + random.nextInt(1_000_000) + ")";
            Article.Builder b = Article.builder()
                    .language(Language.ARABIC)
                    .headline(pick(sentences, random) + tag)
                    .dateline(Dateline.of(PLACES[random.nextInt(PLACES.length)], "سانا"))
                    .source("الوكالة العربية السورية للأنباء");
            int paragraphs = 3 + random.nextInt(6);
            for (int p = 0; p < paragraphs; p++) {
                StringBuilder text = new StringBuilder();
                int n = 1 + random.nextInt(3);
                for (int k = 0; k < n; k++) {
                    text.append(k == 0 ? "" : " ").append(pick(sentences, random));
                }
                b.paragraph(text + tag + "-" + p);
            }
            if (i % 4 == 3) {
                Article.Builder related =
                        Article.builder().language(Language.ARABIC).headline(pick(sentences, random) + tag + "r");
                for (int p = 0; p < 3; p++) {
                    related.paragraph(pick(sentences, random) + tag + "r" + p);
                }
                b.addRelated(related.build());
            }
            out.add(b.build());
        }
        return out;
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8)
                    .split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String pick(List<String> sentences, Random random) {
        return sentences.get(random.nextInt(sentences.size()));
    }

    /** Answers like DeepL's /v2/translate after a fixed latency; the "translation" keeps length, Latin script. */
    private static final class DeepLShape extends Dispatcher {
        static volatile long latencyMs = LATENCY_MS;
        private final AtomicInteger served;

        DeepLShape(AtomicInteger served) {
            this.served = served;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            served.incrementAndGet();
            try {
                JsonNode body = Json.mapper().readTree(request.getBody().utf8());
                ObjectNode answer = Json.mapper().createObjectNode();
                ArrayNode translations = answer.putArray("translations");
                for (JsonNode t : body.path("text")) {
                    translations
                            .addObject()
                            .put("detected_source_language", "AR")
                            .put("text", latin(t.asText()))
                            .put("billed_characters", t.asText().length());
                }
                return new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body(answer.toString())
                        .headersDelay(latencyMs, TimeUnit.MILLISECONDS)
                        .build();
            } catch (java.io.IOException e) {
                return new MockResponse.Builder()
                        .code(400)
                        .body("{\"message\":\"bad request\"}")
                        .build();
            }
        }

        static String latin(String text) {
            StringBuilder sb = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isLetter(cp)) {
                    sb.append((char) ('a' + cp % 26));
                } else {
                    sb.appendCodePoint(cp);
                }
            });
            return sb.toString();
        }
    }
}

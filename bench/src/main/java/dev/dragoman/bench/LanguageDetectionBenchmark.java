package dev.dragoman.bench;

import dev.dragoman.core.Language;
import dev.dragoman.core.text.LanguageDetector;
import dev.dragoman.core.text.LanguageSamples;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language detection: accuracy of {@link LanguageDetector} (OpenNLP langdetect-183 + the Arabic script guard) on
 * short news sentences in six languages (the test kit's LanguageSamples), on the same cut to two words, and on
 * the SPA wire headlines from ../shared/data when present; the raw model without the guard beside it; model load
 * time, per-call time and the size of what it puts on the class path.
 *
 * <p>Usage: {@code LanguageDetectionBenchmark <repo root>}; prints a markdown section.
 */
public final class LanguageDetectionBenchmark {

    private LanguageDetectionBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        StringBuilder out =
                new StringBuilder("## Language detection (OpenNLP langdetect-183 + Arabic script guard)\n\n");

        long t0 = System.nanoTime();
        LanguageDetector detector = new LanguageDetector().preload();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        LanguageDetectorModel raw;
        try (InputStream in = LanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
            raw = new LanguageDetectorModel(in);
        }

        out.append(
                "| set | sentences | guarded detector right | raw model right | raw model: Arabic called fa/ur/ps |\n");
        out.append("|---|---|---|---|---|\n");
        Map<String, List<String>> sets = new TreeMap<>(LanguageSamples.SENTENCES);
        int allRight = 0;
        int all = 0;
        for (Map.Entry<String, List<String>> e : sets.entrySet()) {
            Row full = row(detector, raw, e.getKey(), e.getValue());
            Row two = row(
                    detector,
                    raw,
                    e.getKey(),
                    e.getValue().stream()
                            .map(LanguageDetectionBenchmark::twoWords)
                            .toList());
            allRight += full.right;
            all += full.n;
            out.append(full.format(e.getKey() + ", whole sentence"))
                    .append(two.format(e.getKey() + ", first two words"));
        }
        Path spa = root.resolve("../shared/data/wire/spa").normalize();
        if (Files.isDirectory(spa)) {
            List<String> headlines = new ArrayList<>();
            try (Stream<Path> files = Files.list(spa)) {
                for (Path p : files.sorted().toList()) {
                    String first = Files.readAllLines(p, StandardCharsets.UTF_8).get(0);
                    headlines.add(first.replaceFirst("^\\S+\\s*/\\s*", ""));
                }
            }
            out.append(row(detector, raw, "ar", headlines).format("SPA headlines (../shared/data)"));
            out.append(row(
                            detector,
                            raw,
                            "ar",
                            headlines.stream()
                                    .map(LanguageDetectionBenchmark::twoWords)
                                    .toList())
                    .format("SPA headlines, first two words"));
        } else {
            out.append("\nskipped SPA headlines: ../shared/data not found\n");
        }

        // per call, warmed up
        String sample = LanguageSamples.SENTENCES.get("ar").get(0);
        for (int i = 0; i < 2000; i++) {
            detector.detect(sample);
        }
        int calls = 5000;
        long t1 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            detector.detect(
                    LanguageSamples.SENTENCES.get(i % 2 == 0 ? "ar" : "en").get(i % 8));
        }
        double perCallUs = (System.nanoTime() - t1) / 1e3 / calls;

        long toolsJar = jarSize(LanguageDetectorME.class);
        long modelJar = jarSize(LanguageDetector.class.getResource("/langdetect-183.bin"));
        out.append("\n| figure | value |\n|---|---|\n");
        out.append(String.format(
                Locale.ROOT,
                "| overall accuracy, whole sentences | %d/%d (%.0f %%) |%n",
                allRight,
                all,
                100.0 * allRight / all));
        out.append(String.format(Locale.ROOT, "| model load (first use, this JVM) | %.0f ms |%n", loadMs));
        out.append(String.format(Locale.ROOT, "| per call, short sentence, warm | %.0f µs |%n", perCallUs));
        out.append(String.format(Locale.ROOT, "| class path: opennlp-tools jar | %.1f MB |%n", toolsJar / 1e6));
        out.append(String.format(
                Locale.ROOT, "| class path: opennlp-models-langdetect jar | %.1f MB |%n", modelJar / 1e6));
        out.append("\nLingua (6 languages preloaded) needs ~104 MB on the class path and ~2 s to load; Optimaize drags "
                + "Guava 18 (see ../shared/STACK.md).\n");
        System.out.print(out);
    }

    private static String twoWords(String s) {
        String[] words = s.split("\\s+");
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(2, words.length)));
    }

    private record Row(int n, int right, int rawRight, int rawArabicAsOther) {
        String format(String label) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %d/%d | %d/%d | %d |%n",
                    label,
                    n,
                    right,
                    n,
                    rawRight,
                    n,
                    rawArabicAsOther);
        }
    }

    private static Row row(LanguageDetector detector, LanguageDetectorModel raw, String expected, List<String> texts) {
        int right = 0;
        int rawRight = 0;
        int rawArabicAsOther = 0;
        LanguageDetectorME me = new LanguageDetectorME(raw);
        for (String t : texts) {
            if (detector.detect(t).language().primary().equals(expected)) {
                right++;
            }
            String best = me.predictLanguage(t).getLang();
            Language rawLanguage = best.equals("pes") ? Language.of("fa") : safe(best);
            if (rawLanguage != null && rawLanguage.primary().equals(expected)) {
                rawRight++;
            }
            if (expected.equals("ar")
                    && (best.equals("pes")
                            || best.equals("urd")
                            || best.equals("pus")
                            || best.equals("fas")
                            || best.equals("prs"))) {
                rawArabicAsOther++;
            }
        }
        return new Row(texts.size(), right, rawRight, rawArabicAsOther);
    }

    private static Language safe(String iso3) {
        try {
            return Language.of(iso3);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long jarSize(Class<?> type) throws Exception {
        return Files.size(
                Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }

    private static long jarSize(java.net.URL resource) throws Exception {
        String s = resource.toString();
        if (s.startsWith("jar:")) {
            String file = s.substring(4, s.indexOf("!/"));
            return Files.size(Path.of(new java.net.URI(file)));
        }
        return Files.size(Path.of(resource.toURI()));
    }
}

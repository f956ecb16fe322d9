package dev.dragoman.translate;

import dev.dragoman.core.Article;
import dev.dragoman.core.Dateline;
import dev.dragoman.core.Language;
import dev.dragoman.core.Published;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test doubles and fixtures shared by the translate tests. */
public final class Fakes {

    private Fakes() {}

    /**
     * A deterministic stand-in for a translation: every non-Latin letter becomes a Latin letter chosen by its code
     * point, everything else is kept — so the output has the source's length, is in Latin script, differs for
     * different inputs, and can be checked exactly.
     */
    public static String translit(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                sb.append((char) ('a' + cp % 26));
            } else if (Character.isLetter(cp)) {
                sb.append((char) ('a' + (cp * 7 + 3) % 26));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return "EN " + sb;
    }

    /** What {@link #translit} gives after the standard stack's punctuation fix (for a Latin-script target). */
    public static String translitEn(String text) {
        return TargetPunctuation.clean(translit(text));
    }

    /** A backend that translates with {@link #translit} and records every request it receives. */
    public static final class RecordingBackend implements TranslationBackend {
        public final List<TranslationRequest> requests = new CopyOnWriteArrayList<>();
        private final BackendProfile profile;

        public RecordingBackend(BackendProfile profile) {
            this.profile = profile;
        }

        public RecordingBackend() {
            this(BackendProfile.mt("fake", "fake-1", BatchLimits.of(50, 0), false));
        }

        @Override
        public BackendProfile profile() {
            return profile;
        }

        @Override
        public TranslationResult translate(TranslationRequest request) {
            requests.add(request);
            List<TranslatedSegment> out = new ArrayList<>();
            for (String s : request.segments()) {
                out.add(TranslatedSegment.of(translit(s)));
            }
            return new TranslationResult(
                    out, request.source(), profile.id(), profile.model(), Usage.ofCharacters(1, request.characters()));
        }

        @Override
        public String toString() {
            return profile.id();
        }

        public List<String> sentSegments() {
            return requests.stream().flatMap(r -> r.segments().stream()).toList();
        }
    }

    private static volatile Article seed;

    /** The repository's seed article (examples/), read by the wire reader (core). */
    public static Article seed() {
        Article a = seed;
        if (a == null) {
            a = dev.dragoman.core.read.ArticleReaders.standard().readArticle(SEED);
            seed = a;
        }
        return a;
    }

    private static final Path SEED = Path.of("..", "examples", "sana-2024-06-25-lukashenko.ar.txt");

    /** The seed built by hand from its lines, to check the reader gives the structure the tests assume. */
    public static Article handBuiltSeed() {
        List<String> lines = seedLines();
        int readAlso = lines.indexOf("إقرأ أيضاً:");
        int sourceLine = readAlso - 1;
        Article related = Article.builder()
                .language(Language.ARABIC)
                .headline(lines.get(readAlso + 1))
                .paragraphs(lines.subList(readAlso + 2, lines.size()).stream()
                        .map(dev.dragoman.core.Paragraph::of)
                        .toList())
                .build();
        String[] dateline = lines.get(2).split("-");
        return Article.builder()
                .language(Language.ARABIC)
                .headline(lines.get(0))
                .published(
                        Published.ofDate(lines.get(1).substring("تاريخ النشر: ".length()), LocalDate.of(2024, 6, 25)))
                .dateline(Dateline.of(dateline[0], dateline[1]))
                .paragraphs(lines.subList(3, sourceLine).stream()
                        .map(dev.dragoman.core.Paragraph::of)
                        .toList())
                .source(lines.get(sourceLine).substring("المصدر: ".length()))
                .addRelated(related)
                .build();
    }

    static List<String> seedLines() {
        Path p = SEED;
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the seed article " + p.toAbsolutePath() + " is missing", e);
        }
    }
}

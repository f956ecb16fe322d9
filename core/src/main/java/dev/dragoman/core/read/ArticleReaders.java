package dev.dragoman.core.read;

import dev.dragoman.core.Article;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.text.LanguageDetector;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The one entry point for reading articles: bytes or a file in, {@code List<Article>} out. It
 *
 * <ol>
 *   <li>decodes the bytes ({@link InputDecoder}: BOMs, UTF-8, UTF-16, Windows-1256/1252; empty, binary and
 *       over-50-MiB input refused);</li>
 *   <li>asks its formats ({@link ArticleFormatProvider}s, in their order) which one the text is ({@link #format}):
 *       {@link #standard()} has every one on the class path — Dragoman JSON, JSON Lines, RSS/Atom, HTML, wire text
 *       and any added one; {@link #withFormat} adds or replaces one, {@link #withReader} swaps a format's reader;</li>
 *   <li>hands the text to that format's {@link ArticleFormatReader};</li>
 *   <li>sets {@code language} and {@code languageConfidence} from {@link LanguageDetector} on every article and
 *       every related article that does not already carry a language (JSON input keeps the language it states).</li>
 * </ol>
 *
 * <p>Why a list: JSON Lines, JSON arrays and feeds hold several articles; a wire story or a page gives a list of
 * one. {@link #readArticle} is the convenience for callers that need exactly one.
 *
 * <p>Immutable and thread-safe; {@code with*} methods return changed copies.
 */
public final class ArticleReaders {

    private final List<ArticleFormatProvider> formats;
    private final LanguageDetector detector;

    private ArticleReaders(List<ArticleFormatProvider> formats, LanguageDetector detector) {
        this.formats = formats.stream()
                .sorted(Comparator.comparingInt(ArticleFormatProvider::precedence)
                        .thenComparing(ArticleFormatProvider::name))
                .toList();
        this.detector = detector;
    }

    /**
     * Every {@link ArticleFormatProvider} on the class path (the thread's context class loader, else this module's):
     * the built-in formats — Dragoman JSON and JSON Lines, RSS/Atom feeds, HTML pages, wire text — and any added one,
     * with the shared {@link LanguageDetector}. Two providers of one name: the later replaces the earlier.
     */
    public static ArticleReaders standard() {
        ArticleReaders r = new ArticleReaders(List.of(), LanguageDetector.shared());
        for (ArticleFormatProvider p : ServiceLoader.load(ArticleFormatProvider.class, classLoader())) {
            r = r.withFormat(p);
        }
        return r;
    }

    private static ClassLoader classLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : ArticleReaders.class.getClassLoader();
    }

    /** Wire text and Dragoman JSON / JSON Lines only; HTML pages and feeds are refused, saying what they look like. */
    public static ArticleReaders wireAndJson() {
        return new ArticleReaders(
                List.of(new JsonLinesFormatProvider(), new JsonFormatProvider(), new WireTextFormatProvider()),
                LanguageDetector.shared());
    }

    /**
     * A copy that reads the format called {@code format} with {@code reader}, recognizing it as before.
     *
     * @throws IllegalArgumentException when no format of that name is registered, naming the registered ones
     */
    public ArticleReaders withReader(String format, ArticleFormatReader reader) {
        Objects.requireNonNull(reader, "reader");
        ArticleFormatProvider known = formats.stream()
                .filter(p -> p.name().equals(format))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "No format is called '" + format + "'; the formats are " + String.join(", ", formats())));
        return withFormat(new ArticleFormatProvider() {
            @Override
            public String name() {
                return known.name();
            }

            @Override
            public boolean recognizes(String text, String name) {
                return known.recognizes(text, name);
            }

            @Override
            public ArticleFormatReader reader() {
                return reader;
            }

            @Override
            public int precedence() {
                return known.precedence();
            }

            @Override
            public String description() {
                return known.description();
            }
        });
    }

    /** A copy that also reads the format {@code provider} recognizes (replacing a provider of the same name). */
    public ArticleReaders withFormat(ArticleFormatProvider provider) {
        Objects.requireNonNull(provider, "provider");
        List<ArticleFormatProvider> copy = new ArrayList<>(formats);
        copy.removeIf(p -> p.name().equals(provider.name()));
        copy.add(provider);
        return new ArticleReaders(copy, detector);
    }

    /** The names of the formats read, in the order they are asked. */
    public List<String> formats() {
        return formats.stream().map(ArticleFormatProvider::name).toList();
    }

    /** A copy that detects languages with {@code detector}. */
    public ArticleReaders withDetector(LanguageDetector detector) {
        return new ArticleReaders(formats, Objects.requireNonNull(detector, "detector"));
    }

    /**
     * Reads the articles in a file.
     *
     * @throws InvalidInputException when the file is missing, unreadable, a directory, too large, or not readable
     *     as any supported format; the message names the file
     */
    public List<Article> read(Path path) {
        Objects.requireNonNull(path, "path");
        return read(readBytes(path), path.toString());
    }

    /**
     * Reads the articles in {@code bytes}.
     *
     * @param bytes the raw input
     * @param name what to call it in messages ("stdin", a path, a URL); a file extension in it (.json, .jsonl,
     *     .html, .xml, .rss, .atom) breaks ties when the content is ambiguous
     * @return the articles in input order; never empty
     * @throws InvalidInputException for bad input; never another exception for any byte sequence
     */
    public List<Article> read(byte[] bytes, String name) {
        InputDecoder.Decoded decoded = InputDecoder.decode(bytes, name);
        return readText(decoded.text(), name);
    }

    /** Reads already decoded text; same contract as {@link #read(byte[], String)}. */
    public List<Article> readText(String text, String name) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        if (text.isBlank()) {
            throw new InvalidInputException(name + ": the input holds only white space; there is no article to read");
        }
        String body = text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        ArticleFormatProvider p = provider(body, name);
        List<Article> articles = p.reader().read(body, name);
        if (articles == null || articles.isEmpty()) {
            throw new InvalidInputException(name + ": no article found in this " + p.description());
        }
        return withLanguages(articles);
    }

    private ArticleFormatProvider provider(String text, String name) {
        for (ArticleFormatProvider p : formats) {
            if (p.recognizes(text, name)) {
                return p;
            }
        }
        throw new InvalidInputException(name + ": is in none of the formats this build reads ("
                + String.join(", ", formats()) + "); give wire text or Dragoman JSON instead");
    }

    private List<Article> withLanguages(List<Article> articles) {
        List<Article> out = new ArrayList<>(articles.size());
        for (Article a : articles) {
            out.add(detectLanguage(a));
        }
        return List.copyOf(out);
    }

    /** Reads a file that must hold exactly one article. */
    public Article readArticle(Path path) {
        return single(read(path), path.toString());
    }

    /** Reads input that must hold exactly one article. */
    public Article readArticle(byte[] bytes, String name) {
        return single(read(bytes, name), name);
    }

    /**
     * The name of the format {@code text} is in: the first of the formats, in their order, that recognizes it, with
     * the extension in {@code name} as a tie-breaker where a format uses one ("json", "json-lines", "feed", "html",
     * "wire-text", or an added format's name).
     *
     * @throws InvalidInputException when none does (a build without wire text)
     */
    public String format(String text, String name) {
        return provider(text, name).name();
    }

    /** The first 4,096 characters of {@code text}: what a format looks at to recognize it. */
    static String head(String text) {
        return text.length() > 4096 ? text.substring(0, 4096) : text;
    }

    /**
     * The article with {@code language} and {@code languageConfidence} set by this reader's detector when it carries
     * no language (its related articles too); an article that states one is returned as is. Every reader of this
     * class calls it; so do callers that build articles themselves (a feed item joined with its fetched page).
     */
    public Article detectLanguage(Article article) {
        List<Article> related = new ArrayList<>(article.related().size());
        for (Article r : article.related()) {
            related.add(detectLanguage(r));
        }
        Article.Builder b = article.toBuilder().related(related);
        if (article.language() == null) {
            LanguageDetector.Detection d = detector.detect(sampleOf(article));
            b.language(d.language(), d.confidence());
        }
        return b.build();
    }

    private static String sampleOf(Article article) {
        StringBuilder sb = new StringBuilder();
        if (article.headline() != null) {
            sb.append(article.headline()).append('\n');
        }
        for (var p : article.paragraphs()) {
            if (sb.length() > 4000) {
                break;
            }
            sb.append(p.text()).append('\n');
        }
        return sb.toString();
    }

    private static Article single(List<Article> articles, String name) {
        if (articles.size() != 1) {
            throw new InvalidInputException(name + ": holds " + articles.size()
                    + " articles where one was expected; read it as a batch or split it");
        }
        return articles.get(0);
    }

    private static byte[] readBytes(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw new InvalidInputException(path + ": is a directory, not a file; give one article file");
            }
            return InputDecoder.readBounded(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(path + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(path + ": cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new InvalidInputException(path + ": cannot be read: " + e.getMessage(), e);
        }
    }
}

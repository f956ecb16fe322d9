package dev.dragoman.core.read;

import dev.dragoman.core.Article;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.read.feed.FeedReader;
import dev.dragoman.core.read.html.HtmlArticleReader;
import dev.dragoman.core.text.LanguageDetector;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The one entry point for reading articles: bytes or a file in, {@code List<Article>} out. It
 *
 * <ol>
 *   <li>decodes the bytes ({@link InputDecoder}: BOMs, UTF-8, UTF-16, Windows-1256/1252; empty, binary and
 *       over-50-MiB input refused);</li>
 *   <li>sniffs the format ({@link #sniff}): Dragoman JSON, JSON Lines, HTML, RSS/Atom, else wire text;</li>
 *   <li>hands the text to the {@link ArticleFormatReader} registered for that format ({@link #standard()} has them
 *       all; {@link #withReader} replaces one; a format without a reader is refused with a clear "cannot read"
 *       {@link InvalidInputException});</li>
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

    private static final Pattern HTML =
            Pattern.compile("(?is)^\\s*(?:<!--.*?-->\\s*)*(?:<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>])");
    private static final Pattern HTML_ANYWHERE = Pattern.compile("(?i)<(?:html|body|head|article|div|p)[\\s>]");
    private static final Pattern FEED = Pattern.compile(
            "(?is)^\\s*(?:<\\?xml[^>]*\\?>\\s*)?(?:<!--.*?-->\\s*|<\\?[^>]*\\?>\\s*|<!DOCTYPE[^>]*>\\s*)*"
                    + "<(?:rss|feed|rdf:RDF)[\\s>]");

    private final Map<InputFormat, ArticleFormatReader> readers;
    private final List<ArticleFormatProvider> formats;
    private final LanguageDetector detector;

    private ArticleReaders(
            Map<InputFormat, ArticleFormatReader> readers,
            List<ArticleFormatProvider> formats,
            LanguageDetector detector) {
        this.readers = Collections.unmodifiableMap(new EnumMap<>(readers));
        this.formats = formats.stream()
                .sorted(java.util.Comparator.comparing(ArticleFormatProvider::name))
                .toList();
        this.detector = detector;
    }

    /**
     * Every built-in format: wire text, Dragoman JSON / JSON Lines, HTML pages ({@link HtmlArticleReader}) and
     * RSS/Atom feeds ({@link FeedReader#articles}: one article per item with text, teasers marked), with the shared
     * {@link LanguageDetector}, plus every {@link ArticleFormatProvider} on the class path.
     */
    public static ArticleReaders standard() {
        ArticleReaders r = wireAndJson()
                .withReader(InputFormat.HTML, new HtmlArticleReader()::readFormat)
                .withReader(InputFormat.FEED, new FeedReader()::articles);
        for (ArticleFormatProvider p : ServiceLoader.load(ArticleFormatProvider.class, classLoader())) {
            r = r.withFormat(p);
        }
        return r;
    }

    private static ClassLoader classLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : ArticleReaders.class.getClassLoader();
    }

    /** Wire text and Dragoman JSON / JSON Lines only; HTML and feeds are refused until registered. */
    public static ArticleReaders wireAndJson() {
        Map<InputFormat, ArticleFormatReader> readers = new EnumMap<>(InputFormat.class);
        WireStoryReader wire = new WireStoryReader();
        ArticleJsonReader json = new ArticleJsonReader();
        readers.put(InputFormat.WIRE_TEXT, wire);
        readers.put(InputFormat.JSON, json);
        readers.put(InputFormat.JSON_LINES, json::readLines);
        return new ArticleReaders(readers, List.of(), LanguageDetector.shared());
    }

    /** A copy that reads {@code format} with {@code reader} (replacing any reader registered for it). */
    public ArticleReaders withReader(InputFormat format, ArticleFormatReader reader) {
        Map<InputFormat, ArticleFormatReader> copy = new EnumMap<>(InputFormat.class);
        copy.putAll(readers);
        copy.put(Objects.requireNonNull(format, "format"), Objects.requireNonNull(reader, "reader"));
        return new ArticleReaders(copy, formats, detector);
    }

    /**
     * A copy that also reads the format {@code provider} recognizes (replacing a provider of the same name); it is
     * asked before the built-in sniffing.
     */
    public ArticleReaders withFormat(ArticleFormatProvider provider) {
        Objects.requireNonNull(provider, "provider");
        List<ArticleFormatProvider> copy = new ArrayList<>(formats);
        copy.removeIf(p -> p.name().equals(provider.name()));
        copy.add(provider);
        return new ArticleReaders(readers, copy, detector);
    }

    /** The names of the formats added through providers, sorted. */
    public List<String> extraFormats() {
        return formats.stream().map(ArticleFormatProvider::name).toList();
    }

    /** A copy that detects languages with {@code detector}. */
    public ArticleReaders withDetector(LanguageDetector detector) {
        return new ArticleReaders(readers, formats, Objects.requireNonNull(detector, "detector"));
    }

    /** True when a reader is registered for {@code format}. */
    public boolean supports(InputFormat format) {
        return readers.containsKey(format);
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
        for (ArticleFormatProvider p : formats) {
            if (p.recognizes(body, name)) {
                List<Article> articles = p.reader().read(body, name);
                if (articles == null || articles.isEmpty()) {
                    throw new InvalidInputException(name + ": no article found in this " + p.name() + " input");
                }
                return withLanguages(articles);
            }
        }
        InputFormat format = sniff(body, name);
        ArticleFormatReader reader = readers.get(format);
        if (reader == null) {
            throw new InvalidInputException(name + ": looks like " + describe(format)
                    + ", which this build cannot read yet; give wire text or Dragoman JSON instead");
        }
        List<Article> articles = reader.read(body, name);
        if (articles == null || articles.isEmpty()) {
            throw new InvalidInputException(name + ": no article found in this " + describe(format));
        }
        return withLanguages(articles);
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
     * Guesses the format of decoded {@code text} from its first characters, with the extension in {@code name}
     * as a tie-breaker: JSON for a leading object (several one-line objects: JSON Lines) or an array of objects,
     * a feed for an {@code <rss>}, {@code <feed>} or {@code <rdf:RDF>} root, HTML for a doctype, {@code <html>},
     * {@code <head>} or {@code <body>} (or markup in a file named .html), else wire text.
     */
    public static InputFormat sniff(String text, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        String stripped = head.stripLeading();
        if (stripped.startsWith("{")) {
            return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || looksLikeJsonLines(text)
                    ? InputFormat.JSON_LINES
                    : InputFormat.JSON;
        }
        if (stripped.startsWith("[")) {
            String inside = stripped.substring(1).stripLeading();
            if (inside.startsWith("{") || inside.startsWith("]") || lower.endsWith(".json")) {
                return InputFormat.JSON;
            }
        }
        if (stripped.startsWith("<")) {
            if (FEED.matcher(head).find()) {
                return InputFormat.FEED;
            }
            if (HTML.matcher(head).find()) {
                return InputFormat.HTML;
            }
            if (lower.endsWith(".rss")
                    || lower.endsWith(".atom")
                    || lower.endsWith(".xml") && !HTML_ANYWHERE.matcher(head).find()) {
                return InputFormat.FEED;
            }
            if (HTML_ANYWHERE.matcher(head).find() || lower.endsWith(".html") || lower.endsWith(".htm")) {
                return InputFormat.HTML;
            }
        }
        return InputFormat.WIRE_TEXT;
    }

    private static boolean looksLikeJsonLines(String text) {
        int objects = 0;
        for (String line : text.split("\\r?\\n", 64)) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!(t.startsWith("{") && t.endsWith("}"))) {
                return false;
            }
            objects++;
            if (objects >= 2) {
                return true;
            }
        }
        return false;
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

    private static String describe(InputFormat format) {
        switch (format) {
            case HTML:
                return "an HTML page";
            case FEED:
                return "an RSS/Atom feed";
            case JSON:
                return "JSON";
            case JSON_LINES:
                return "JSON Lines";
            default:
                return "wire text";
        }
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

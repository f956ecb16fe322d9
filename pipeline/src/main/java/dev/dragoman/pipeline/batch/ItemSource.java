package dev.dragoman.pipeline.batch;

import dev.dragoman.core.Article;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.read.feed.FeedItem;
import dev.dragoman.core.read.feed.FeedReader;
import dev.dragoman.core.read.html.HtmlArticleReader;
import dev.dragoman.core.text.LanguageDetector;
import dev.dragoman.pipeline.step.StageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the batch's inputs — files, directories (recursive), globs ({@code 'wire/**.txt'}) and http(s) URLs of feeds
 * or pages — into {@link WorkItem}s, one input at a time ({@link #itemsOf}): the engine reads an input only when it
 * reaches it, so a batch of any size streams. RSS/Atom go to {@link FeedReader} (items with full text become articles, teaser items
 * fetch their page and read it with {@link HtmlArticleReader}); everything else (wire text, JSON, HTML pages) to the
 * {@link ArticleReaders}. Articles without a declared language are detected. An input that cannot be read becomes a failing item, so the batch goes on.
 */
final class ItemSource {

    static final Set<String> EXTENSIONS = Set.of("txt", "json", "jsonl", "html", "htm", "xhtml", "xml", "rss", "atom");

    private final HtmlArticleReader html = new HtmlArticleReader();
    private final LanguageDetector detector = LanguageDetector.shared();
    private final FeedReader feeds = new FeedReader();
    private final Fetcher fetcher;
    private final ArticleReaders readers;
    private final Path outDir;

    ItemSource(Fetcher fetcher, ArticleReaders readers, Path outDir) {
        this.fetcher = fetcher;
        this.readers = readers;
        this.outDir = outDir == null ? null : outDir.toAbsolutePath().normalize();
    }

    /** The inputs expanded to single sources (files and URLs), in order; a missing path is kept and fails later. */
    List<String> expand(List<String> inputs) {
        List<String> out = new ArrayList<>();
        for (String input : inputs) {
            if (isUrl(input)) {
                out.add(input);
                continue;
            }
            if (input.contains("*") || input.contains("?") || input.contains("[") || input.contains("{")) {
                out.addAll(glob(input));
                continue;
            }
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                out.addAll(walk(path, p -> true));
            } else {
                out.add(path.toAbsolutePath().normalize().toString());
            }
        }
        return out;
    }

    private List<String> glob(String pattern) {
        int firstMeta = pattern.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int i = pattern.indexOf(c);
            if (i >= 0) {
                firstMeta = Math.min(firstMeta, i);
            }
        }
        int slash = pattern.lastIndexOf('/', firstMeta);
        Path base = slash < 0 ? Path.of(".") : Path.of(pattern.substring(0, slash + 1));
        String rest = slash < 0 ? pattern : pattern.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        Path absBase = base.toAbsolutePath().normalize();
        return walk(
                base, p -> matcher.matches(absBase.relativize(p.toAbsolutePath().normalize())));
    }

    private List<String> walk(Path dir, java.util.function.Predicate<Path> accept) {
        if (!Files.isDirectory(dir)) {
            return List.of(dir.toAbsolutePath().normalize().toString());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.toAbsolutePath().normalize())
                    .filter(p -> outDir == null || !p.startsWith(outDir))
                    .filter(p -> !hidden(dir.toAbsolutePath().normalize(), p))
                    .filter(p -> EXTENSIONS.contains(extension(p.getFileName().toString())))
                    .filter(accept)
                    .sorted()
                    .map(Path::toString)
                    .toList();
        } catch (IOException e) {
            return List.of(dir.toAbsolutePath().normalize().toString());
        }
    }

    private static boolean hidden(Path base, Path p) {
        for (Path part : base.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What identifies one version of a file input without reading it: absolute path, size and modification time
     * (full precision, ISO-8601).
     */
    record FileStamp(String path, long size, String modified) {}

    /** The stamp of a file source, or null for a URL or a file that cannot be stat'ed (it is read and fails then). */
    static FileStamp stamp(String source) {
        if (isUrl(source)) {
            return null;
        }
        try {
            java.nio.file.attribute.BasicFileAttributes a =
                    Files.readAttributes(Path.of(source), java.nio.file.attribute.BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return null;
            }
            return new FileStamp(
                    source, a.size(), a.lastModifiedTime().toInstant().toString());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The items of one source; a source that cannot be read yields one failing item. */
    List<WorkItem> itemsOf(String source) {
        byte[] bytes;
        String contentType = null;
        String name = source;
        try {
            if (isUrl(source)) {
                Fetcher.Fetched fetched = fetcher.fetch(source);
                bytes = fetched.body();
                contentType = fetched.contentType();
            } else {
                Path path = Path.of(source);
                if (!Files.exists(path)) {
                    throw new InvalidInputException("no such file: " + source);
                }
                bytes = Files.readAllBytes(path);
            }
        } catch (IOException | RuntimeException e) {
            return List.of(WorkItem.failed(source, source, StageException.of(isUrl(source) ? "fetch" : "read", e)));
        }
        try {
            return switch (kind(name, contentType, bytes)) {
                case FEED -> feedItems(source, bytes, contentType);
                case HTML, OTHER -> {
                    List<Article> articles = readers.read(bytes, source);
                    if (articles.isEmpty()) {
                        throw new InvalidInputException(source + " holds no article");
                    }
                    List<WorkItem> items = new ArrayList<>();
                    for (int i = 0; i < articles.size(); i++) {
                        String key = articles.size() == 1 ? source : source + "#" + (i + 1);
                        items.add(WorkItem.of(key, source, articles.get(i).url(), articles.get(i)));
                    }
                    yield items;
                }
            };
        } catch (RuntimeException e) {
            return List.of(WorkItem.failed(source, source, StageException.of("read", e)));
        }
    }

    private List<WorkItem> feedItems(String source, byte[] bytes, String contentType) {
        List<WorkItem> items = new ArrayList<>();
        for (FeedItem item : feeds.read(bytes, contentType, source)) {
            String key = "feed:" + item.key();
            if (item.hasFullText()) {
                items.add(WorkItem.of(key, source, item.link(), detected(item.toArticle())));
            } else if (item.link() == null) {
                items.add(WorkItem.failed(
                        key,
                        source,
                        new StageException(
                                "read",
                                "feed item '" + item.key() + "' carries only a teaser and no link to its page",
                                false,
                                null)));
            } else {
                items.add(new WorkItem(key, source, item.link(), () -> fetchPage(item)));
            }
        }
        return items;
    }

    private Article fetchPage(FeedItem item) {
        Fetcher.Fetched page;
        try {
            page = fetcher.fetch(item.link());
        } catch (RuntimeException e) {
            throw StageException.of("fetch", e);
        }
        try {
            return detected(item.withPage(html.read(page.body(), page.url())));
        } catch (RuntimeException e) {
            throw StageException.of("read", e);
        }
    }

    private Article detected(Article article) {
        if (article.language() != null) {
            return article;
        }
        LanguageDetector.Detection d = detector.detect(article.headline() + "\n" + article.bodyText());
        return article.toBuilder().language(d.language(), d.confidence()).build();
    }

    enum Kind {
        FEED,
        HTML,
        OTHER
    }

    static Kind kind(String name, String contentType, byte[] bytes) {
        String ext = extension(name);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("rss") || type.contains("atom") || ext.equals("rss") || ext.equals("atom")) {
            return Kind.FEED;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "")
                .replace("ï»¿", "")
                .strip()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("<")) {
            if (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")) {
                return Kind.FEED;
            }
            return Kind.HTML;
        }
        if (type.contains("html") || ext.equals("html") || ext.equals("htm") || ext.equals("xhtml")) {
            return Kind.HTML;
        }
        return Kind.OTHER;
    }

    static boolean isUrl(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    private static String extension(String name) {
        String n = name;
        int q = n.indexOf('?');
        if (q >= 0 && isUrl(n)) {
            n = n.substring(0, q);
        }
        int dot = n.lastIndexOf('.');
        int slash = n.lastIndexOf('/');
        return dot > slash && dot >= 0 ? n.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}

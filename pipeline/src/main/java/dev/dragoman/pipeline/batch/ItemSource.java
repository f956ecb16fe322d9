package dev.dragoman.pipeline.batch;

import dev.dragoman.core.Article;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.read.InputDecoder;
import dev.dragoman.core.read.feed.FeedItem;
import dev.dragoman.core.read.feed.FeedReader;
import dev.dragoman.core.read.html.HtmlArticleReader;
import dev.dragoman.pipeline.input.InputFiles;
import dev.dragoman.pipeline.step.StageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the batch's inputs — files, directories (recursive), globs ({@code 'wire/**.txt'}) and http(s) URLs of feeds
 * or pages — into {@link WorkItem}s, one input at a time ({@link #itemsOf}): the engine reads an input only when it
 * reaches it, so a batch of any size streams. RSS/Atom go to {@link FeedReader} (items with full text become articles, teaser items
 * fetch their page and read it with {@link HtmlArticleReader}); everything else (wire text, JSON, HTML pages) to the
 * {@link ArticleReaders}, which also sniffs the format and detects languages for the feed items. An input that cannot be read becomes a failing item, so the batch goes on.
 * Every engine (the local one, a cluster job) reads its inputs through this class. Thread-safe when the fetcher is.
 */
public final class ItemSource {

    static final Set<String> EXTENSIONS = Set.of("txt", "json", "jsonl", "html", "htm", "xhtml", "xml", "rss", "atom");

    private final HtmlArticleReader html = new HtmlArticleReader();
    private final FeedReader feeds = new FeedReader();
    private final Fetcher fetcher;
    private final ArticleReaders readers;
    private final Path outDir;

    /**
     * @param fetcher fetches feed and page URLs
     * @param readers reads files and fetched documents into articles
     * @param outDir the batch's output directory, never read as input when a walked directory contains it (or null)
     */
    public ItemSource(Fetcher fetcher, ArticleReaders readers, Path outDir) {
        this.fetcher = fetcher;
        this.readers = readers;
        this.outDir = outDir == null ? null : outDir.toAbsolutePath().normalize();
    }

    /** The inputs expanded to single sources (files and URLs), in order; a missing path is kept and fails later. */
    public List<String> expand(List<String> inputs) {
        List<String> out = new ArrayList<>();
        for (String input : inputs) {
            if (InputFiles.isUrl(input)) {
                out.add(input);
                continue;
            }
            Path path = Path.of(input);
            try {
                if (InputFiles.isGlob(input)) {
                    InputFiles.glob(input, this::accepted).forEach(p -> out.add(absolute(p)));
                } else if (Files.isDirectory(path)) {
                    InputFiles.walk(path, this::accepted).forEach(p -> out.add(absolute(p)));
                } else {
                    out.add(absolute(path));
                }
            } catch (InvalidInputException unlisted) {
                out.add(absolute(path)); // read as a file, it fails as one item and the batch goes on
            }
        }
        return out;
    }

    /** A file the batch reads when it walks a directory or a glob: a known extension, not under the output. */
    private boolean accepted(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return (outDir == null || !abs.startsWith(outDir))
                && EXTENSIONS.contains(extension(p.getFileName().toString()));
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    /**
     * What identifies one version of a file input without reading it: absolute path, size and modification time
     * (full precision, ISO-8601).
     */
    record FileStamp(String path, long size, String modified) {}

    /** The stamp of a file source, or null for a URL or a file that cannot be stat'ed (it is read and fails then). */
    static FileStamp stamp(String source) {
        if (InputFiles.isUrl(source)) {
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
    public List<WorkItem> itemsOf(String source) {
        byte[] bytes;
        String contentType = null;
        try {
            if (InputFiles.isUrl(source)) {
                Fetcher.Fetched fetched = fetcher.fetch(source);
                bytes = fetched.body();
                contentType = fetched.contentType();
            } else {
                Path path = Path.of(source);
                if (!Files.exists(path)) {
                    throw new InvalidInputException("no such file: " + source);
                }
                bytes = InputDecoder.readBounded(path);
            }
        } catch (IOException | RuntimeException e) {
            return List.of(
                    WorkItem.failed(source, source, StageException.of(InputFiles.isUrl(source) ? "fetch" : "read", e)));
        }
        try {
            if (isFeed(source, contentType, bytes)) {
                return feedItems(source, bytes, contentType);
            }
            List<Article> articles = readers.read(bytes, source);
            List<WorkItem> items = new ArrayList<>();
            for (int i = 0; i < articles.size(); i++) {
                String key = articles.size() == 1 ? source : source + "#" + (i + 1);
                items.add(WorkItem.of(key, source, articles.get(i).url(), articles.get(i)));
            }
            return items;
        } catch (RuntimeException e) {
            return List.of(WorkItem.failed(source, source, StageException.of("read", e)));
        }
    }

    private List<WorkItem> feedItems(String source, byte[] bytes, String contentType) {
        List<WorkItem> items = new ArrayList<>();
        for (FeedItem item : feeds.read(bytes, contentType, source)) {
            String key = "feed:" + item.key();
            if (item.problem() != null) {
                items.add(WorkItem.failed(key, source, new StageException("read", item.problem(), false, null)));
            } else if (item.hasFullText()) {
                items.add(WorkItem.of(key, source, item.link(), readers.detectLanguage(item.toArticle())));
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
                items.add(WorkItem.fetching(
                        key, source, item.link(), () -> fetchPage(item), teaser(item) + ": page fetched"));
            }
        }
        return items;
    }

    private Article fetchPage(FeedItem item) {
        Fetcher.Fetched page;
        try {
            page = fetcher.fetch(item.link());
        } catch (RuntimeException e) {
            StageException failure = StageException.of("fetch", e);
            throw new StageException(
                    "fetch", teaser(item) + "; " + failure.getMessage(), failure.retriable(), failure.getCause());
        }
        try {
            return readers.detectLanguage(item.withPage(html.read(page.body(), page.url())));
        } catch (RuntimeException e) {
            throw StageException.of("read", e);
        }
    }

    /** Why an item's page is fetched, for the progress lines and the failure: the feed carries a teaser only. */
    private static String teaser(FeedItem item) {
        int chars = item.paragraphs().stream().mapToInt(String::length).sum();
        return chars == 0
                ? "the feed carries no text for this item"
                : "the feed carries only a teaser of this item (" + chars + " characters)";
    }

    /**
     * Whether a source is a feed, whose items the batch reads one by one (a teaser item fetches its page): a feed
     * content type, else the format its readers recognize ({@link ArticleReaders#format}).
     */
    private boolean isFeed(String name, String contentType, byte[] bytes) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("rss") || type.contains("atom")) {
            return true;
        }
        return readers.format(InputDecoder.decode(bytes, name).text(), name).equals("feed");
    }

    private static String extension(String name) {
        String n = name;
        int q = n.indexOf('?');
        if (q >= 0 && InputFiles.isUrl(n)) {
            n = n.substring(0, q);
        }
        int dot = n.lastIndexOf('.');
        int slash = n.lastIndexOf('/');
        return dot > slash && dot >= 0 ? n.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}

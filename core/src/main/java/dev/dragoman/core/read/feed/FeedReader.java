package dev.dragoman.core.read.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.dragoman.core.Language;
import dev.dragoman.core.Published;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.read.html.HtmlArticleReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom feeds with Rome into {@link FeedItem}s. The item's text comes from
 * {@code content:encoded} / Atom {@code content} when present, else from the description / summary, with HTML
 * stripped by jsoup. It counts as the full story when it does not end like a teaser ("…", "[...]", "Read more",
 * "اقرأ المزيد") and is long enough ({@code minFullTextChars}, default 400) — or has at least two paragraphs and
 * 150 characters wherever it comes from, or 150 characters from {@code content:encoded} / Atom {@code content}
 * (short wire items are whole stories; a teaser is one lead paragraph in the description). DOCTYPEs are refused (XXE).
 *
 * <p>Core has no network code: fetching a feed or an item's page is the caller's job. Stateless and thread-safe.
 */
public final class FeedReader {

    /** Default: a text of at least this many characters may be the full story. */
    public static final int DEFAULT_MIN_FULL_TEXT_CHARS = 400;

    /** A shorter text is a whole story when it has several paragraphs or is the item's content: a short wire item. */
    private static final int MIN_SHORT_STORY_CHARS = 150;

    private static final Pattern TEASER_END =
            Pattern.compile("(?iu)(\\.\\.\\.|…|\\[\\s*(\\.\\.\\.|…)\\s*]|\\[more]|read more|continue reading|more\\s*»|"
                    + "اقرأ المزيد|إقرأ المزيد|التفاصيل|المزيد)\\s*[\\]).:»]*\\s*$");

    private final int minFullTextChars;

    public FeedReader() {
        this(DEFAULT_MIN_FULL_TEXT_CHARS);
    }

    public FeedReader(int minFullTextChars) {
        if (minFullTextChars < 0) {
            throw new IllegalArgumentException("minFullTextChars must not be negative");
        }
        this.minFullTextChars = minFullTextChars;
    }

    /**
     * Parses a feed document.
     *
     * @param xml the feed's bytes (encoding from the XML prolog / BOM, or {@code contentType}'s charset)
     * @param contentType the HTTP Content-Type it was served with, or null for a file
     * @param feedUrl where it came from (names it in errors and in each item), may be null
     * @throws InvalidInputException when the bytes are not an RSS or Atom feed
     */
    public List<FeedItem> read(byte[] xml, String contentType, String feedUrl) {
        SyndFeed feed;
        try (XmlReader reader = contentType == null
                ? new XmlReader(new ByteArrayInputStream(xml), true)
                : new XmlReader(new ByteArrayInputStream(xml), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new InvalidInputException(
                    "not a readable RSS or Atom feed: " + (feedUrl == null ? "(input)" : feedUrl) + " ("
                            + e.getMessage() + ")",
                    e);
        }
        return items(feed, feedUrl);
    }

    private List<FeedItem> items(SyndFeed feed, String feedUrl) {
        Language feedLanguage = language(feed.getLanguage());
        String feedTitle = blankToNull(feed.getTitle());
        List<FeedItem> items = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            items.add(item(entries.get(i), i + 1, feedLanguage, feedTitle, feedUrl));
        }
        return items;
    }

    /** Parses decoded feed text; same contract as {@link #read(byte[], String, String)}. */
    public List<FeedItem> read(String xml, String feedUrl) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new java.io.StringReader(xml));
        } catch (FeedException | IllegalArgumentException e) {
            throw new InvalidInputException(
                    "not a readable RSS or Atom feed: " + (feedUrl == null ? "(input)" : feedUrl) + " ("
                            + e.getMessage() + ")",
                    e);
        }
        return items(feed, feedUrl);
    }

    /**
     * The {@link dev.dragoman.core.read.ArticleFormatReader} form, for callers without network access: one article
     * per item. An item whose text is only a teaser still becomes an article, of its teaser, marked as such with
     * metadata {@code teaser=true} (and its page link in {@code url}) — fetching the page is the caller's job
     * ({@code dragoman batch} does it). An item with no text at all is skipped.
     */
    public List<dev.dragoman.core.Article> articles(String xml, String name) {
        List<dev.dragoman.core.Article> out = new ArrayList<>();
        for (FeedItem item : read(xml, name)) {
            if (item.paragraphs().isEmpty()) {
                continue;
            }
            dev.dragoman.core.Article a = item.toArticle();
            out.add(
                    item.hasFullText()
                            ? a
                            : a.toBuilder().putMetadata("teaser", "true").build());
        }
        return out;
    }

    private FeedItem item(SyndEntry entry, int position, Language feedLanguage, String feedTitle, String feedUrl) {
        String title = entry.getTitle() == null
                ? null
                : String.join(" ", HtmlArticleReader.fragmentParagraphs(entry.getTitle()));
        String link = blankToNull(entry.getLink());
        if (link == null && !entry.getLinks().isEmpty()) {
            link = blankToNull(entry.getLinks().get(0).getHref());
        }
        String key = firstNonBlank(entry.getUri(), link, title);
        String problem = null;
        if (key == null) {
            key = "item-" + position;
            problem = "item " + position + " of feed " + (feedUrl == null ? "(input)" : feedUrl)
                    + " has no id, link or title, so it cannot be told apart across runs";
        }
        List<String> content = List.of();
        for (SyndContent c : entry.getContents()) {
            List<String> p = HtmlArticleReader.fragmentParagraphs(c.getValue());
            if (length(p) > length(content)) {
                content = p;
            }
        }
        List<String> description = entry.getDescription() == null
                ? List.of()
                : HtmlArticleReader.fragmentParagraphs(entry.getDescription().getValue());
        boolean fromContent = !content.isEmpty() && length(content) >= length(description);
        List<String> text = fromContent ? content : description;
        if (!text.isEmpty() && title != null && text.get(0).equals(title)) {
            text = text.subList(1, text.size());
        }
        boolean teaserEnd =
                !text.isEmpty() && TEASER_END.matcher(text.get(text.size() - 1)).find();
        // a body of several paragraphs is a full (if short) story wherever the feed puts it (a teaser is one lead
        // paragraph), and so is content:encoded / Atom content of a few sentences
        boolean full = !teaserEnd
                && (length(text) >= minFullTextChars
                        || (text.size() >= 2 && length(text) >= MIN_SHORT_STORY_CHARS)
                        || (fromContent && length(text) >= MIN_SHORT_STORY_CHARS));
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Published published = date == null
                ? null
                : new Published(Instant.ofEpochMilli(date.getTime()).toString(), null, date.toInstant(), "UTC");
        String author = blankToNull(entry.getAuthor());
        return new FeedItem(key, title, link, published, author, feedLanguage, text, full, feedTitle, feedUrl, problem);
    }

    private static int length(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += p.length();
        }
        return n;
    }

    private static Language language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        try {
            return Language.of(tag);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}

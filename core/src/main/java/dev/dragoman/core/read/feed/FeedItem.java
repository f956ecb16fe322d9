package dev.dragoman.core.read.feed;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.Published;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One item of an RSS or Atom feed. {@code paragraphs} holds the item's own text (from {@code content:encoded},
 * Atom {@code content}, or the description), stripped of HTML; {@link #hasFullText()} says whether that text is
 * the whole story or only a teaser, in which case the page at {@code link} must be fetched and read
 * ({@link #withPage}). {@code key} is the item's stable identity: its guid/Atom id, else its link, else its title;
 * an item with none of them gets its position ({@code item-3}) and a {@code problem} saying so (null for a sound
 * item), so one bad item fails alone and the rest of the feed is read. Immutable.
 */
public record FeedItem(
        String key,
        String title,
        String link,
        Published published,
        String author,
        Language language,
        List<String> paragraphs,
        boolean hasFullText,
        String feedTitle,
        String feedUrl,
        String problem) {

    public FeedItem {
        Objects.requireNonNull(key, "key");
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }

    /**
     * The article from the item's own text. Only meaningful when {@link #hasFullText()}; otherwise use
     * {@link #withPage}.
     *
     * @throws IllegalStateException when the item carries no text at all
     */
    public Article toArticle() {
        if (paragraphs.isEmpty()) {
            throw new IllegalStateException("feed item " + key + " carries no text; fetch " + link);
        }
        Article.Builder b = Article.builder().headline(title == null ? "" : title);
        b.paragraphs(dev.dragoman.core.read.html.Leads.takeDateline(paragraphs, b).stream()
                .map(dev.dragoman.core.Paragraph::new)
                .toList());
        return complete(b, null).build();
    }

    /**
     * Combines the item with the article read from its page: the page's body, headline and date win where it has
     * them; the item fills in what the page lacks (headline, date, language, link).
     */
    public Article withPage(Article page) {
        Article.Builder b = page.toBuilder().id(null);
        if (page.headline() == null || page.headline().isBlank()) {
            b.headline(title == null ? "" : title);
        }
        return complete(b, page).build();
    }

    private Article.Builder complete(Article.Builder b, Article page) {
        if (page == null
                || page.published() == null
                || (page.published().date() == null && page.published().instant() == null)) {
            if (published != null) {
                b.published(published);
            }
        }
        if ((page == null || page.language() == null) && language != null) {
            b.language(language);
        }
        if (link != null) {
            b.url(link);
        }
        if (page == null || page.source() == null) {
            b.source(feedTitle);
        }
        Map<String, String> metadata = new LinkedHashMap<>(page == null ? Map.of() : page.metadata());
        metadata.put("feedItem", key);
        if (feedTitle != null) {
            metadata.put("feed", feedTitle);
        }
        if (feedUrl != null) {
            metadata.put("feedUrl", feedUrl);
        }
        if (author != null && !metadata.containsKey("byline")) {
            metadata.put("byline", author);
        }
        metadata.put("reader", page == null ? "feed" : "feed+html");
        return b.metadata(metadata);
    }
}

package dev.dragoman.cli.command;

import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.read.InputFormat;
import dev.dragoman.core.read.feed.FeedItem;
import dev.dragoman.core.read.feed.FeedReader;
import dev.dragoman.core.read.html.HtmlArticleReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Wiring shared by the article commands. */
final class Commands {

    private Commands() {}

    /** Every reader the build has: wire text, Dragoman JSON / JSON Lines, HTML pages, RSS/Atom feeds. */
    static ArticleReaders readers() {
        HtmlArticleReader html = new HtmlArticleReader();
        FeedReader feeds = new FeedReader();
        return ArticleReaders.standard()
                .withReader(InputFormat.HTML, (text, name) -> List.of(html.read(text, name)))
                .withReader(
                        InputFormat.FEED,
                        (text, name) -> feeds.read(text.getBytes(StandardCharsets.UTF_8), null, name).stream()
                                .map(FeedItem::toArticle)
                                .toList());
    }
}

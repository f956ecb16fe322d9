package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.Console;
import dev.dragoman.cli.io.ArticleRun;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.read.InputFormat;
import dev.dragoman.core.read.feed.FeedItem;
import dev.dragoman.core.read.feed.FeedReader;
import dev.dragoman.core.read.html.HtmlArticleReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

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

    /** The shared loop over inputs. */
    static ArticleRun articleRun(CliContext context, Console console, CommandSpec spec) {
        return new ArticleRun(console, Commands::readers, context.stdin(), context.stdinIsTerminal());
    }
}

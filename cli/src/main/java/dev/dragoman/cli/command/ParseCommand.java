package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.core.write.ArticleWriter;
import dev.dragoman.core.write.OutputFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dragoman parse}: read articles and print what Dragoman understood. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = {
            "Read articles (wire text, Dragoman JSON, HTML pages, RSS/Atom feeds) and print the parsed "
                    + "article: headline, date, dateline, body, source and 'read also' stories kept apart.",
            "Offline; needs no configuration."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  dragoman parse examples/sana-2024-06-25-lukashenko.ar.txt",
            "  cat story.txt | dragoman parse --format md",
            "  dragoman parse 'wire/*.txt' --format jsonl > articles.jsonl"
        })
public final class ParseCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    IoOptions io;

    ParseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.settings();
        OutputFormat format = io.format();
        ArticleWriter writer = ArticleWriter.of(format);
        return io.run(context, format, "", (source, article) -> writer.write(article));
    }
}

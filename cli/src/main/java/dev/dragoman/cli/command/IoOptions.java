package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.cli.CommonOptions;
import dev.dragoman.cli.Console;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.pipeline.io.ArticleRun;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The input and output handling of every command that reads articles (a {@code @Mixin}): the inputs, {@code -o},
 * {@code --format} and the common options, the command's {@link Console}, and the loop that reads each input, renders
 * each article and writes it where {@code -o} says.
 */
public final class IoOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Mixin
    CommonOptions common;

    @Parameters(
            paramLabel = "INPUT",
            arity = "0..*",
            description = "Files, directories, globs, or - for standard input (the default when piped).")
    List<String> inputs = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE|DIR",
            description = "Write to FILE, or one file per input into DIR (default: standard output).")
    String output;

    @Mixin
    FormatOption format;

    private Console console;

    /** The command's console (stdout, stderr, {@code --verbose}, {@code --quiet}). */
    Console console() {
        if (console == null) {
            console = new Console(mixee, common);
        }
        return console;
    }

    /** The chosen format; a bad flag value is a usage error. */
    OutputFormat format() {
        return format.get();
    }

    /** Writes one document gathered from every input where {@code -o} says (see {@link ArticleRun#writeWhole}). */
    void writeWhole(CliContext context, String document) {
        articleRun(context).writeWhole(output, document);
    }

    /**
     * Reads every input, renders each article and writes it; {@code suffix} goes before the output extension.
     *
     * @return 0, or the first failure's exit code
     */
    int run(CliContext context, OutputFormat format, String suffix, ArticleRun.Renderer renderer) {
        return run(context, format, false, suffix, renderer);
    }

    /** As {@link #run(CliContext, OutputFormat, String, ArticleRun.Renderer)}; {@code streamable} documents may share one stream. */
    int run(CliContext context, OutputFormat format, boolean streamable, String suffix, ArticleRun.Renderer renderer) {
        return articleRun(context).run(inputs, output, format, streamable, suffix, renderer);
    }

    /** Reads every input into articles and writes nothing (see {@link ArticleRun#readAll}). */
    List<dev.dragoman.core.Article> readAll(CliContext context) {
        return articleRun(context).readAll(inputs);
    }

    private ArticleRun articleRun(CliContext context) {
        return new ArticleRun(
                console().out(), console(), ArticleReaders::standard, context.stdin(), context.stdinIsTerminal());
    }
}

package dev.dragoman.pipeline.io;

import dev.dragoman.core.Article;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.UsageException;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.read.InputDecoder;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.pipeline.internal.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The loop every article command shares: expand the inputs, read each into articles, render each article, write
 * it where {@code -o} says. A bad input (unreadable, not an article) is reported in one line and the run goes on
 * with the others — finished outputs are never lost; a failure that would repeat for every input (configuration,
 * authentication, quota, a backend down) stops the run. The exit code is that of the first failure. The CLI's
 * article commands run it; so can any front end that reads inputs and writes documents (it prints nothing itself:
 * documents go to {@code out} or files, everything else to the {@link Listener}).
 */
public final class ArticleRun {

    /** Turns one article into one rendered document. */
    @FunctionalInterface
    public interface Renderer {
        String render(InputSource source, Article article) throws IOException;
    }

    /** What the run tells the user besides the documents. */
    public interface Listener {
        /** Runs {@code work}, reporting how long it took (when the user asked for timings). */
        <T> T timed(String label, Supplier<T> work);

        /** A detail for a verbose run ("wrote out/a.en.md"). */
        void detail(String format, Object... args);

        /** A note for people ("2 of 3 inputs failed; the others were written."). */
        void note(String format, Object... args);

        /** One input failed and the run goes on: its one-line reason. */
        void inputFailed(String message);
    }

    private final PrintWriter out;
    private final Listener console;
    private final Supplier<ArticleReaders> readers;
    private final InputStream stdin;
    private final boolean stdinIsTerminal;

    /**
     * @param out where documents go when no {@code -o} is given
     * @param stdinIsTerminal nothing is piped in: no inputs is then a usage error, not a read of stdin
     */
    public ArticleRun(
            PrintWriter out,
            Listener listener,
            Supplier<ArticleReaders> readers,
            InputStream stdin,
            boolean stdinIsTerminal) {
        this.out = out;
        this.console = listener;
        this.readers = readers;
        this.stdin = stdin;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    /**
     * Runs the loop.
     *
     * @param streamable true when several documents may share one stream (see {@link Output#choose})
     * @param suffix added to output file names before the extension ({@code .en}), may be empty
     * @return the exit code: 0, or the first failure's
     * @throws UsageException for usage errors (no input at a terminal, several inputs to one document)
     */
    public int run(
            List<String> inputArgs,
            String outputOption,
            OutputFormat format,
            boolean streamable,
            String suffix,
            Renderer renderer) {
        List<InputSource> sources = Inputs.expand(inputArgs, stdinIsTerminal);
        Output output =
                Output.choose(out, outputOption, sources.size(), format, streamable || format == OutputFormat.JSONL);
        boolean ok = false;
        try {
            int code = loop(sources, output, outputOption, suffix, renderer);
            ok = true;
            return code;
        } finally {
            try {
                output.finish(ok);
            } catch (IOException e) {
                throw new DragomanException(
                        DragomanException.Kind.CANNOT_WRITE, "cannot write " + outputOption + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Reads every input into articles and renders nothing (an estimate of what a run over them would cost). An input
     * that cannot be read is reported in one line ({@link Listener#inputFailed}) and the others are read, as in
     * {@link #run}; with a single input its failure is thrown.
     *
     * @throws UsageException for usage errors (no input at a terminal)
     */
    public List<Article> readAll(List<String> inputArgs) {
        List<InputSource> sources = Inputs.expand(inputArgs, stdinIsTerminal);
        List<Article> articles = new java.util.ArrayList<>();
        for (InputSource source : sources) {
            try {
                articles.addAll(console.timed("read " + source.name(), () -> read(source)));
            } catch (DragomanException thrown) {
                DragomanException e = named(source, thrown);
                if (!inputSpecific(e) || sources.size() == 1) {
                    throw e;
                }
                console.inputFailed(e.getMessage());
            }
        }
        return articles;
    }

    /**
     * Writes one document gathered from every input (a table of all of them) to {@code outputOption}: a file,
     * replaced atomically, or standard output when it is null or {@code -}.
     */
    public void writeWhole(String outputOption, String document) {
        if (outputOption == null || outputOption.equals("-")) {
            out.print(document);
            out.flush();
            return;
        }
        try {
            AtomicFiles.write(Path.of(outputOption), document);
        } catch (IOException e) {
            throw new DragomanException(
                    DragomanException.Kind.CANNOT_WRITE, "cannot write " + outputOption + ": " + e.getMessage(), e);
        }
    }

    private int loop(List<InputSource> sources, Output output, String outputOption, String suffix, Renderer renderer) {
        int firstFailure = 0;
        int failed = 0;
        for (InputSource source : sources) {
            try {
                List<Article> articles = console.timed("read " + source.name(), () -> read(source));
                for (int i = 0; i < articles.size(); i++) {
                    Article article = articles.get(i);
                    String document = renderer.render(source, article);
                    String where = output.write(source, articles.size() > 1 ? i : -1, suffix, document);
                    if (output.toDirectory()) {
                        console.detail("wrote %s", where);
                    }
                }
            } catch (DragomanException thrown) {
                DragomanException e = named(source, thrown);
                if (!inputSpecific(e) || sources.size() == 1) {
                    throw e;
                }
                console.inputFailed(e.getMessage());
                failed++;
                firstFailure = firstFailure == 0 ? e.kind().exitCode() : firstFailure;
            } catch (IOException e) {
                throw new DragomanException(
                        DragomanException.Kind.CANNOT_WRITE,
                        "cannot write the output for " + source.name() + ": " + e.getMessage(),
                        e);
            }
        }
        if (failed > 0) {
            console.note("%d of %d inputs failed; the others were written.", failed, sources.size());
        }
        if (output.toDirectory()) {
            console.note("wrote %d file(s) to %s", output.documents(), outputOption);
        }
        return firstFailure;
    }

    private List<Article> read(InputSource source) {
        if (source.isStdin()) {
            return readers.get().read(InputDecoder.readBounded(stdin, "stdin"), "stdin");
        }
        return readers.get().read(source.path());
    }

    /** An input's failure names the input (a summarizer only knows the headline), once. */
    private static DragomanException named(InputSource source, DragomanException e) {
        if (!inputSpecific(e) || e.getMessage() == null || e.getMessage().contains(source.name())) {
            return e;
        }
        return new DragomanException(e.kind(), source.name() + ": " + e.getMessage(), e.getCause());
    }

    /** Bad input and failed quality checks concern one input; everything else would fail the next one too. */
    private static boolean inputSpecific(DragomanException e) {
        return e.kind() == DragomanException.Kind.INVALID_INPUT || e.kind() == DragomanException.Kind.QUALITY;
    }
}

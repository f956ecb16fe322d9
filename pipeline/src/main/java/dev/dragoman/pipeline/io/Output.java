package dev.dragoman.pipeline.io;

import dev.dragoman.core.error.UsageException;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.core.write.OutputNames;
import dev.dragoman.pipeline.internal.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Where rendered documents go: standard output, one file ({@code -o FILE}), or a directory with one file per
 * document ({@code -o DIR}: an existing directory or a path ending in {@code /}). Several inputs into one file
 * are refused (a usage error naming both fixes) unless the documents can share a stream (JSON Lines). Files are written as UTF-8, atomically (a temporary file, then a move:
 * a failed run or a full disk never leaves half a file or replaces a good one); file names in a directory are
 * checked to stay inside it.
 */
public final class Output {

    private final PrintWriter stdout;
    private final Path file;
    private final Path directory;
    private final OutputFormat format;
    private final Set<String> usedNames = new HashSet<>();
    private AtomicFiles.Pending pending;
    private int documents;

    private Output(PrintWriter stdout, Path file, Path directory, OutputFormat format) {
        this.stdout = stdout;
        this.file = file;
        this.directory = directory;
        this.format = format;
    }

    /**
     * Chooses the destination.
     *
     * @param option the {@code -o} value; null or {@code -} for standard output
     * @param inputs how many inputs the run has
     * @param streamable true when several documents may follow each other on one stream (JSON Lines, line-per-input
     *     reports); otherwise several inputs need a directory
     * @throws UsageException when several inputs would be mixed into one document, or {@code -o}
     *     names a file (no trailing slash, not a directory) for several inputs
     */
    public static Output choose(
            PrintWriter stdout, String option, int inputs, OutputFormat format, boolean streamable) {
        boolean toStdout = option == null || option.equals("-");
        if (toStdout) {
            if (inputs > 1 && !streamable) {
                throw new UsageException(inputs + " inputs: write one file per input with -o DIR, or use "
                        + "--format jsonl to get one JSON line per article");
            }
            return new Output(stdout, null, null, format);
        }
        Path path = Path.of(option);
        boolean dir = Files.isDirectory(path) || option.endsWith("/") || option.endsWith(java.io.File.separator);
        if (!dir && inputs > 1 && !streamable) {
            throw new UsageException(inputs + " inputs and -o " + option
                    + " names one file: write one "
                    + "file per input with -o " + option + "/ (a trailing slash, or an existing directory), or use "
                    + "--format jsonl to get one JSON line per article in " + option);
        }
        return dir ? new Output(stdout, null, path, format) : new Output(stdout, path, null, format);
    }

    public boolean toDirectory() {
        return directory != null;
    }

    /**
     * Writes one document.
     *
     * @param source the input it came from (names the file in directory mode)
     * @param index the article's position within its input, counted from 0, or -1 when the input has only one
     * @param suffix added before the extension ({@code .en} for a translation), may be empty
     * @return where it went, for notes
     * @throws IOException when the file cannot be written
     */
    public String write(InputSource source, int index, String suffix, String document) throws IOException {
        documents++;
        if (directory != null) {
            String base = source.stem() + (index >= 0 ? "-" + (index + 1) : "") + suffix;
            String name = base + "." + format.extension();
            for (int n = 2; !usedNames.add(name); n++) {
                name = base + "-" + n + "." + format.extension();
            }
            Path target = OutputNames.under(directory, name);
            AtomicFiles.write(target, document);
            return target.toString();
        }
        if (file != null) {
            if (pending == null) {
                pending = AtomicFiles.begin(file);
            }
            pending.append(document);
            return file.toString();
        }
        stdout.print(document);
        stdout.flush();
        return "stdout";
    }

    /**
     * Ends the run: with {@code ok}, an {@code -o FILE} written so far replaces the file at once (temporary file,
     * then a move); without, the temporary file is removed and any previous file stays as it was.
     */
    public void finish(boolean ok) throws IOException {
        if (pending == null) {
            return;
        }
        try (AtomicFiles.Pending p = pending) {
            pending = null;
            if (ok) {
                p.commit();
            }
        }
    }

    /** Documents written so far. */
    public int documents() {
        return documents;
    }
}

package dev.dragoman.pipeline.io;

import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.error.UsageException;
import dev.dragoman.pipeline.input.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands what the user typed into input sources: files as given, directories and globs through the pipeline's
 * {@link InputFiles} (the batch's expander too), and {@code -} for standard input. Nothing given
 * means standard input when something is piped in.
 */
public final class Inputs {

    private Inputs() {}

    /**
     * @throws InvalidInputException naming the argument that matches nothing
     * @throws UsageException for a usage error (stdin twice, nothing given at a terminal)
     */
    public static List<InputSource> expand(List<String> args, boolean stdinIsTerminal) {
        if (args == null || args.isEmpty()) {
            if (stdinIsTerminal) {
                throw new UsageException(
                        "no input: give one or more FILEs, directories or globs, or - to " + "read standard input");
            }
            return List.of(InputSource.STDIN);
        }
        Set<InputSource> sources = new LinkedHashSet<>();
        boolean stdin = false;
        for (String arg : args) {
            if (arg.equals("-")) {
                if (stdin) {
                    throw new UsageException("'-' (standard input) is given more than once");
                }
                stdin = true;
                sources.add(InputSource.STDIN);
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                List<Path> files = InputFiles.walk(path, p -> true);
                if (files.isEmpty()) {
                    throw new InvalidInputException(arg + ": the directory holds no files");
                }
                files.forEach(f -> sources.add(InputSource.file(f)));
            } else if (Files.exists(path)) {
                sources.add(InputSource.file(path));
            } else if (InputFiles.isGlob(arg)) {
                List<Path> files = InputFiles.glob(arg, p -> true);
                if (files.isEmpty()) {
                    throw new InvalidInputException(arg + ": no file matches this pattern");
                }
                files.forEach(f -> sources.add(InputSource.file(f)));
            } else {
                throw new InvalidInputException(arg + ": no such file or directory");
            }
        }
        return List.copyOf(sources);
    }
}

package dev.dragoman.cli.io;

import dev.dragoman.core.error.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands what the user typed into input sources: files as given, directories walked (regular, non-hidden files,
 * sorted), globs the shell left unexpanded ({@code 'in/**.txt'}), and {@code -} for standard input. Nothing given
 * means standard input when something is piped in.
 */
public final class Inputs {

    private Inputs() {}

    /**
     * @throws InvalidInputException naming the argument that matches nothing
     * @throws dev.dragoman.cli.UsageException for a usage error (stdin twice, nothing given at a terminal)
     */
    public static List<InputSource> expand(List<String> args, boolean stdinIsTerminal) {
        if (args == null || args.isEmpty()) {
            if (stdinIsTerminal) {
                throw new dev.dragoman.cli.UsageException(
                        "no input: give one or more FILEs, directories or globs, or - to " + "read standard input");
            }
            return List.of(InputSource.STDIN);
        }
        Set<InputSource> sources = new LinkedHashSet<>();
        boolean stdin = false;
        for (String arg : args) {
            if (arg.equals("-")) {
                if (stdin) {
                    throw new dev.dragoman.cli.UsageException("'-' (standard input) is given more than once");
                }
                stdin = true;
                sources.add(InputSource.STDIN);
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                List<Path> files = walk(path, p -> true);
                if (files.isEmpty()) {
                    throw new InvalidInputException(arg + ": the directory holds no files");
                }
                files.forEach(f -> sources.add(InputSource.file(f)));
            } else if (Files.exists(path)) {
                sources.add(InputSource.file(path));
            } else if (isGlob(arg)) {
                List<Path> files = glob(arg);
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

    static boolean isGlob(String arg) {
        return arg.indexOf('*') >= 0 || arg.indexOf('?') >= 0 || arg.indexOf('[') >= 0 || arg.indexOf('{') >= 0;
    }

    /** Files under the glob's fixed leading directories that match the whole pattern. */
    private static List<Path> glob(String pattern) {
        String normalized = pattern.replace('\\', '/');
        int firstMeta = firstMeta(normalized);
        int slash = normalized.lastIndexOf('/', firstMeta);
        Path base = slash < 0 ? Path.of("") : Path.of(normalized.substring(0, slash + 1));
        String rest = slash < 0 ? normalized : normalized.substring(slash + 1);
        if (!Files.isDirectory(base.toString().isEmpty() ? Path.of(".") : base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        Path root = base.toString().isEmpty() ? Path.of(".") : base;
        return walk(root, p -> matcher.matches(root.relativize(p))).stream()
                .map(p -> base.toString().isEmpty() ? root.relativize(p) : p)
                .toList();
    }

    private static int firstMeta(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static List<Path> walk(Path dir, java.util.function.Predicate<Path> accept) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> result = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .filter(p -> !hidden(dir.relativize(p)))
                    .filter(accept)
                    .sorted()
                    .forEach(result::add);
            return result;
        } catch (IOException e) {
            throw new InvalidInputException(dir + ": cannot list the directory (" + e.getMessage() + ")", e);
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(
                    dir + ": cannot list the directory (" + e.getCause().getMessage() + ")", e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}

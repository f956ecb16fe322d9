package dev.dragoman.pipeline.input;

import dev.dragoman.core.error.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The one expander of what a user names as input, for every front end: a directory is walked (regular, non-hidden
 * files, sorted), a glob the shell left unexpanded ({@code 'in/**.txt'}) is matched under its fixed leading
 * directories, a URL is a URL. Callers add their own policy (standard input, extensions, what a missing path means).
 * Stateless and thread-safe.
 */
public final class InputFiles {

    private InputFiles() {}

    /** True for an http(s) URL. */
    public static boolean isUrl(String input) {
        String l = input.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    /** True when {@code input} holds a glob character ({@code * ? [ {}). */
    public static boolean isGlob(String input) {
        return firstMeta(input) < input.length();
    }

    /**
     * The regular, non-hidden files under {@code dir} that {@code accept} takes, sorted.
     *
     * @throws InvalidInputException when the directory cannot be listed
     */
    public static List<Path> walk(Path dir, Predicate<Path> accept) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !hidden(dir.relativize(p)))
                    .filter(accept)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException(dir + ": cannot list the directory (" + e.getMessage() + ")", e);
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(
                    dir + ": cannot list the directory (" + e.getCause().getMessage() + ")", e);
        }
    }

    /**
     * The files under the glob's fixed leading directories that match the whole pattern and {@code accept}, sorted;
     * relative paths stay relative. Empty when nothing matches or the leading directory does not exist.
     *
     * @throws InvalidInputException when a directory cannot be listed
     */
    public static List<Path> glob(String pattern, Predicate<Path> accept) {
        String normalized = pattern.replace('\\', '/');
        int slash = normalized.lastIndexOf('/', firstMeta(normalized));
        Path base = slash < 0 ? Path.of("") : Path.of(normalized.substring(0, slash + 1));
        String rest = slash < 0 ? normalized : normalized.substring(slash + 1);
        Path root = base.toString().isEmpty() ? Path.of(".") : base;
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        return walk(root, p -> matcher.matches(root.relativize(p)) && accept.test(p)).stream()
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

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}

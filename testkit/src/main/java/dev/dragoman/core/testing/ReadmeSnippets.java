package dev.dragoman.core.testing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the README's code blocks and the copies of them that tests compile (between {@code // README-BEGIN} and
 * {@code // README-END}), so a test can hold the two equal: the README's examples then compile with the build.
 */
public final class ReadmeSnippets {

    private ReadmeSnippets() {}

    /** The text between the first {@code start} and the next {@code end}; fails when there is none. */
    public static String block(String text, String start, String end) {
        Matcher m = Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL)
                .matcher(text);
        if (!m.find()) {
            throw new AssertionError("no block starting with " + start.strip());
        }
        return m.group(1);
    }

    /** The first {@code ```java} block that mentions {@code word}; fails when there is none. */
    public static String javaBlockWith(String text, String word) {
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            if (m.group(1).contains(word)) {
                return m.group(1);
            }
        }
        throw new AssertionError("no java block in the README mentions " + word);
    }

    /** The block's non-blank lines without their common indent or trailing blanks. */
    public static String dedent(String block) {
        List<String> lines = block.lines().filter(l -> !l.isBlank()).toList();
        int indent = lines.stream()
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return String.join(
                "\n",
                lines.stream().map(l -> l.substring(indent).stripTrailing()).toList());
    }
}

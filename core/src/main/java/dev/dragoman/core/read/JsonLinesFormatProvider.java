package dev.dragoman.core.read;

import java.util.Locale;

/**
 * Dragoman JSON, one article object per line: a leading {@code {} in a file named {@code .jsonl} or {@code .ndjson},
 * or several one-line objects. Asked before {@link JsonFormatProvider}, which takes any other leading object.
 */
public final class JsonLinesFormatProvider implements ArticleFormatProvider {

    private static final ArticleJsonReader JSON = new ArticleJsonReader();

    @Override
    public String name() {
        return "json-lines";
    }

    @Override
    public boolean recognizes(String text, String name) {
        if (!ArticleReaders.head(text).stripLeading().startsWith("{")) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || severalOneLineObjects(text);
    }

    private static boolean severalOneLineObjects(String text) {
        int objects = 0;
        for (String line : text.split("\\r?\\n", 64)) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!(t.startsWith("{") && t.endsWith("}"))) {
                return false;
            }
            objects++;
            if (objects >= 2) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ArticleFormatReader reader() {
        return JSON::readLines;
    }

    @Override
    public int precedence() {
        return BUILT_IN;
    }

    @Override
    public String description() {
        return "JSON Lines";
    }
}

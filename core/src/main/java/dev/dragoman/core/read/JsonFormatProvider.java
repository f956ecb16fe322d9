package dev.dragoman.core.read;

import java.util.Locale;

/**
 * One article in Dragoman's own JSON (an object), or a JSON array of them: a leading {@code {}, or a leading
 * {@code [} opening an object, an empty array, or any array in a file named {@code .json}.
 */
public final class JsonFormatProvider implements ArticleFormatProvider {

    private static final ArticleJsonReader JSON = new ArticleJsonReader();

    @Override
    public String name() {
        return "json";
    }

    @Override
    public boolean recognizes(String text, String name) {
        String stripped = ArticleReaders.head(text).stripLeading();
        if (stripped.startsWith("{")) {
            return true;
        }
        if (!stripped.startsWith("[")) {
            return false;
        }
        String inside = stripped.substring(1).stripLeading();
        return inside.startsWith("{")
                || inside.startsWith("]")
                || name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    @Override
    public ArticleFormatReader reader() {
        return JSON;
    }

    @Override
    public int precedence() {
        return BUILT_IN + 1;
    }

    @Override
    public String description() {
        return "JSON";
    }
}

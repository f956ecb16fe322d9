package dev.dragoman.core.read.pipes;

import dev.dragoman.core.Article;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.read.ArticleFormatProvider;
import dev.dragoman.core.read.ArticleFormatReader;
import java.util.ArrayList;
import java.util.List;

/**
 * An input format that exists only on the test class path — this class and one line in the test resources'
 * {@code META-INF/services/dev.dragoman.core.read.ArticleFormatProvider} — to prove a format is added without
 * editing any other file. After a {@code DRAGOMAN-PIPES 1} line, each line is one article:
 * {@code headline|paragraph|paragraph…}.
 */
public final class PipesFormatProvider implements ArticleFormatProvider {

    static final String MAGIC = "DRAGOMAN-PIPES 1";

    @Override
    public String name() {
        return "pipes";
    }

    @Override
    public boolean recognizes(String text, String name) {
        return text.startsWith(MAGIC + "\n");
    }

    @Override
    public ArticleFormatReader reader() {
        return (text, name) -> {
            List<Article> articles = new ArrayList<>();
            for (String line : text.substring(MAGIC.length() + 1).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|");
                if (parts.length < 2) {
                    throw new InvalidInputException(name + ": a pipes line needs a headline and a paragraph");
                }
                Article.Builder b = Article.builder().headline(parts[0].strip());
                for (int i = 1; i < parts.length; i++) {
                    b.paragraph(parts[i].strip());
                }
                articles.add(b.build());
            }
            return articles;
        };
    }
}

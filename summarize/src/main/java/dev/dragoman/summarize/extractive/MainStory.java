package dev.dragoman.summarize.extractive;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.Paragraph;
import dev.dragoman.core.text.Segmenter;
import dev.dragoman.core.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The sentences of an article's main story, in document order: the body paragraphs only — never the headline, the
 * source line or the "read also" stories ({@link Article#related()}). As a second guard against a reader that left
 * such lines in the body (hand-built articles, unusual HTML), the body is cut at the first paragraph that is a
 * "read also" marker ("إقرأ أيضاً:", "Read more:", "Lire aussi", …) and attribution lines ("المصدر: …",
 * "Source: …") are skipped, as is a first paragraph that only repeats the headline. Stateless and thread-safe.
 */
public final class MainStory {

    /** A sentence of the main story: its index in the story, its paragraph, its text and its word count. */
    public record Sentence(int index, int paragraph, int positionInParagraph, String text, int words) {
        public Sentence {
            Objects.requireNonNull(text, "text");
        }
    }

    private static final Pattern READ_ALSO = Pattern.compile(
            "^[\\s\\p{Punct}«“]*(إ?ا?قرأ أيض[اًا]*|اقرأ المزيد|اقرأ ايضا|للمزيد|read (also|more)|see also|related( stories| articles)?"
                    + "|lire aussi|à lire aussi|leer (también|más)|lea también|lesen sie auch|mehr zum thema"
                    + "|читайте также|leggi anche|leia também)\\s*[:：]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "^(المصدر|source|sources|quelle|fuente|источник|fonte)\\s*[:：].{0,120}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private MainStory() {}

    /** The main story's sentences of {@code article}, segmented with the article's language. */
    public static List<Sentence> sentences(Article article) {
        Objects.requireNonNull(article, "article");
        Language language = article.language();
        List<Sentence> out = new ArrayList<>();
        int paragraphIndex = 0;
        String headline = article.headline() == null ? "" : TextNormalizer.normalize(article.headline());
        boolean first = true;
        for (Paragraph p : article.paragraphs()) {
            String text = p.text().strip();
            if (READ_ALSO.matcher(text).matches()) {
                break;
            }
            if (text.isEmpty() || SOURCE_LINE.matcher(text).matches()) {
                continue;
            }
            if (first && !headline.isEmpty() && TextNormalizer.normalize(text).equals(headline)) {
                first = false;
                continue; // a page that repeats its headline as the first paragraph
            }
            first = false;
            int position = 0;
            for (String s : Segmenter.sentences(text, language)) {
                int words = Segmenter.wordCount(s);
                if (words == 0) {
                    continue;
                }
                out.add(new Sentence(out.size(), paragraphIndex, position++, s, words));
            }
            paragraphIndex++;
        }
        return out;
    }
}

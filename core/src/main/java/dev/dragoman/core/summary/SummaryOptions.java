package dev.dragoman.core.summary;

import dev.dragoman.core.Language;
import java.util.Objects;

/**
 * How long ({@link SummaryLength}), in what style, and in which language ({@code null} = the article's own) a
 * summary should be; {@code strict} turns fact-lock warnings into errors. Immutable; variants via {@code with*}.
 */
public record SummaryOptions(SummaryLength length, Style style, Language outputLanguage, boolean strict) {

    public static final SummaryOptions DEFAULT =
            new SummaryOptions(SummaryLength.sentences(3), Style.PARAGRAPH, null, false);

    public SummaryOptions {
        Objects.requireNonNull(length, "length");
        style = style == null ? Style.PARAGRAPH : style;
    }

    public SummaryOptions withLength(SummaryLength newLength) {
        return new SummaryOptions(newLength, style, outputLanguage, strict);
    }

    public SummaryOptions withStyle(Style newStyle) {
        return new SummaryOptions(length, newStyle, outputLanguage, strict);
    }

    public SummaryOptions withOutputLanguage(Language language) {
        return new SummaryOptions(length, style, language, strict);
    }

    public SummaryOptions withStrict(boolean newStrict) {
        return new SummaryOptions(length, style, outputLanguage, newStrict);
    }

    /** Shape of the summary: one headline-like line, bullet points, or a paragraph. */
    public enum Style {
        HEADLINE,
        BULLETS,
        PARAGRAPH
    }
}

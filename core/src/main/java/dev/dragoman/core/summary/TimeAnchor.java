package dev.dragoman.core.summary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A relative day word of a summary ("اليوم", "أمس", "yesterday", "on Monday", "hier") and the calendar date it means,
 * resolved against the article's date. The summary's text keeps the word; the date travels beside it, because a
 * digest is read days later. Immutable.
 *
 * @param phrase the words as the text prints them
 * @param date the date they refer to
 */
public record TimeAnchor(String phrase, LocalDate date) {

    public TimeAnchor {
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(date, "date");
    }

    /** "2024-06-24 (Monday)": the date as every output prints it (ISO, then the English weekday). */
    public String dateText() {
        String day = date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        return date + " (" + day + ")";
    }

    /** "أمس = 2024-06-24 (Monday)". */
    @Override
    public String toString() {
        return phrase + " = " + dateText();
    }
}

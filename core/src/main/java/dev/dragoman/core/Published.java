package dev.dragoman.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When a story was published: the text exactly as printed ({@code raw}) and what it means — a calendar
 * {@code date} when only the day is known, or an {@code instant} (UTC) when the time is too, with the source's
 * {@code zone} ("GMT", "+03:00") when printed. {@code date} and {@code instant} may both be null when the raw text
 * could not be understood; the raw text is never dropped. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Published(String raw, LocalDate date, Instant instant, String zone) {

    public Published {
        Objects.requireNonNull(raw, "raw");
    }

    public static Published ofDate(String raw, LocalDate date) {
        return new Published(raw, date, null, null);
    }

    public static Published unparsed(String raw) {
        return new Published(raw, null, null, null);
    }

    /** The calendar day, from {@code date} or, failing that, the UTC day of {@code instant}; null if unknown. */
    public LocalDate day() {
        if (date != null) {
            return date;
        }
        return instant == null ? null : LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
    }
}

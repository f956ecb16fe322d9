package dev.dragoman.core.read.html;

import dev.dragoman.core.Published;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the machine-readable dates web pages carry (ISO 8601 variants, RFC 1123) into {@link Published}. */
final class HtmlDates {

    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern OFFSET = Pattern.compile("(Z|[+-]\\d{2}:\\d{2})$");

    private HtmlDates() {}

    /** Never throws: text that is not a date is kept as {@link Published#unparsed raw}. */
    static Published parse(String raw) {
        String s = raw.strip();
        String iso = s.replace(' ', 'T');
        Matcher compact = COMPACT_OFFSET.matcher(iso);
        if (iso.contains("T") && compact.find()) {
            iso = iso.substring(0, compact.start()) + compact.group(1) + ":" + compact.group(2);
        }
        try {
            OffsetDateTime odt = OffsetDateTime.parse(iso);
            Matcher m = OFFSET.matcher(iso);
            String zone = m.find() ? (m.group(1).equals("Z") ? "UTC" : m.group(1)) : null;
            return new Published(raw, null, odt.toInstant(), zone);
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return new Published(raw, null, Instant.parse(iso), "UTC");
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            // a local time without offset: the day is known, the instant is not
            return Published.ofDate(raw, LocalDateTime.parse(iso).toLocalDate());
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return Published.ofDate(raw, LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s));
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            ZonedDateTime z = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
            return new Published(
                    raw,
                    null,
                    z.toInstant(),
                    z.getOffset().equals(ZoneOffset.UTC) ? "GMT" : z.getOffset().getId());
        } catch (DateTimeParseException ignored) {
            return Published.unparsed(raw);
        }
    }
}

package dev.dragoman.core.text;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser of human durations and sizes, for configuration files, flags and schedules: {@code 90s}, {@code 5m},
 * {@code 12h}, {@code 30d}, {@code 1h30m}, {@code 250ms}, a bare number of seconds, or ISO-8601 ({@code PT30M});
 * sizes {@code 500MB}, {@code 2GB}. Stateless and thread-safe.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g|kib|mib|gib)?");

    private Durations() {}

    /** @throws IllegalArgumentException naming the text and the accepted forms */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw notADuration(text);
            }
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw notADuration(text);
        }
        return total;
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException(
                "'" + text + "' is not a duration; write it like 90s, 5m, 12h, 30d, 1h30m or PT30M");
    }

    /**
     * Bytes; {@code KB}/{@code MB}/{@code GB} are powers of 1024 like the binary forms.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write it like 500MB or 2GB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit.charAt(0)) {
            case 'k' -> n << 10;
            case 'm' -> n << 20;
            case 'g' -> n << 30;
            default -> n;
        };
    }
}

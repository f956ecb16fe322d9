package dev.dragoman.summarize.llm;

import dev.dragoman.core.text.TextNormalizer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fact-lock: every number in a summary — in Western, Arabic-Indic or Persian digits, with thousands separators,
 * decimals or a percent sign — must occur in the source. Dates are checked through their numerals (the day and the
 * year of "June 25, 2024" or "٢٥ حزيران ٢٠٢٤"), so a translated month name is fine but a changed day or year is not.
 *
 * <p>Numbers compare by value: {@code ٢٥} = {@code 25}, {@code 1,000} = {@code 1000} = {@code ١٬٠٠٠},
 * {@code 1.5} = {@code ١٫٥} = {@code 1,5} (a separator followed by exactly three digits groups thousands, any other
 * is a decimal point). A summary number also matches a source number a thousand, a million or a billion times larger
 * or smaller ("1.5 million" for "1,500,000" and the reverse). Numbers spelled out in words are not checked. Stateless
 * and thread-safe.
 */
public final class FactLock {

    private static final Pattern NUMBER = Pattern.compile("[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*\\s?[%٪]?");
    private static final BigDecimal[] SCALES = {
        BigDecimal.ONE, BigDecimal.valueOf(1_000), BigDecimal.valueOf(1_000_000), BigDecimal.valueOf(1_000_000_000)
    };

    private FactLock() {}

    /**
     * One warning per summary number the source does not contain, in order of first appearance; empty when the
     * summary is locked to the source.
     */
    public static List<String> violations(String source, String summary) {
        Set<BigDecimal> known = new HashSet<>();
        for (Found f : numbers(source)) {
            known.add(f.value());
        }
        Set<String> reported = new LinkedHashSet<>();
        for (Found f : numbers(summary)) {
            if (!matches(f.value(), known)) {
                reported.add("the number \"" + f.text() + "\" does not occur in the source article (fact-lock)");
            }
        }
        return List.copyOf(reported);
    }

    private static boolean matches(BigDecimal value, Set<BigDecimal> known) {
        for (BigDecimal scale : SCALES) {
            if (known.contains(value.multiply(scale).stripTrailingZeros())) {
                return true;
            }
            if (scale.compareTo(BigDecimal.ONE) > 0) {
                BigDecimal smaller = value.divide(scale).stripTrailingZeros();
                if (known.contains(smaller)) {
                    return true;
                }
            }
        }
        return false;
    }

    record Found(String text, BigDecimal value) {}

    static List<Found> numbers(String text) {
        List<Found> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String raw = m.group().strip();
            String ascii = TextNormalizer.asciiDigits(raw)
                    .replace('٫', '.')
                    .replace('٬', ',')
                    .replace("%", "")
                    .replace("٪", "")
                    .strip();
            out.add(new Found(raw, value(ascii)));
        }
        return out;
    }

    private static BigDecimal value(String ascii) {
        // separators: followed by exactly three digits (and then a separator or the end) = grouping, else decimal
        StringBuilder digits = new StringBuilder();
        String[] parts = ascii.split("[.,]");
        if (parts.length == 1) {
            return new BigDecimal(ascii).stripTrailingZeros();
        }
        digits.append(parts[0]);
        boolean decimal = false;
        for (int i = 1; i < parts.length; i++) {
            if (!decimal && parts[i].length() == 3) {
                digits.append(parts[i]);
            } else if (!decimal) {
                digits.append('.').append(parts[i]);
                decimal = true;
            } else {
                digits.append(parts[i]); // malformed ("1.2.34"): keep the digits
            }
        }
        return new BigDecimal(digits.toString()).stripTrailingZeros();
    }
}

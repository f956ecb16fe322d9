package dev.dragoman.core.read;

import dev.dragoman.core.Published;
import dev.dragoman.core.text.FoldedText;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.chrono.HijrahDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publication dates printed in news copy, in the languages Dragoman reads:
 *
 * <ul>
 *   <li>ISO dates and date-times ({@code 2024-06-25}, {@code 2024-06-25T10:30:00+03:00}, {@code 2024/06/25});</li>
 *   <li>RFC 1123 and friends ({@code Tue, 25 Jun 2024 10:30:00 GMT});</li>
 *   <li>day–month–year and month–day–year with month names, ordinals and commas: {@code 25th, June 2024 GMT},
 *       {@code June 25, 2024}, {@code 25 June 2024}, French {@code 25 juin 2024}, {@code 1er juin 2024};</li>
 *   <li>Arabic month names — Egyptian/Gulf (يناير … يونيو/يونيه … أغسطس/اغسطس … ديسمبر), Levantine/Iraqi
 *       (كانون الثاني … حزيران … تموز … آب … كانون الأول), Maghrebi (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت،
 *       يوليوز، غشت، شتنبر، نونبر، دجنبر) and double forms ("حزيران/يونيو") — with Arabic-Indic or ASCII digits;</li>
 *   <li>numeric {@code 25/06/2024}, {@code 25.06.2024}, {@code 25-06-2024}, read day first (the convention of
 *       Arabic and European copy) unless the second number cannot be a month;</li>
 *   <li>Hijri dates: when a Gregorian date is printed beside it ("25 شوال 1436 هـ الموافق 10 اغسطس 2015 م") the
 *       Gregorian one wins; a Hijri date alone is converted with the JDK's Umm al-Qura calendar (the Saudi civil
 *       calendar, which the Saudi Press Agency uses).</li>
 * </ul>
 *
 * <p>A time is kept only when its zone is printed (GMT, UTC, Z, or an offset such as +03:00 / GMT+3): then the
 * result carries an {@code instant} and the {@code zone} as printed; otherwise only the calendar {@code date}.
 * Nothing is guessed: no year is assumed for "June 25", relative words ("today", "اليوم", "أمس") are not resolved,
 * two-digit years are not expanded, and anything else comes back as {@link Published#unparsed(String)} with the raw
 * text kept. Years outside 1900–2100 are rejected (which also keeps Hijri years out of the Gregorian patterns).
 *
 * <p>Stateless and thread-safe.
 */
public final class DateParser {

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;

    private static final Map<String, Integer> GREGORIAN = new LinkedHashMap<>();
    private static final Map<String, Integer> HIJRI = new LinkedHashMap<>();

    static {
        String[][] gregorian = {
            // English
            {"january", "jan"},
            {"february", "feb"},
            {"march", "mar"},
            {"april", "apr"},
            {"may"},
            {"june", "jun"},
            {"july", "jul"},
            {"august", "aug"},
            {"september", "sept", "sep"},
            {"october", "oct"},
            {"november", "nov"},
            {"december", "dec"},
            // French (accents are folded before matching)
            {"janvier", "janv"},
            {"fevrier", "fevr", "fev"},
            {"mars"},
            {"avril", "avr"},
            {"mai"},
            {"juin"},
            {"juillet", "juil"},
            {"aout"},
            {"septembre"},
            {"octobre"},
            {"novembre"},
            {"decembre"},
            // Arabic, Egyptian / Gulf (folded: hamza on alef removed, ta marbuta -> ha, alef maqsura -> ya)
            {"يناير"},
            {"فبراير"},
            {"مارس"},
            {"ابريل"},
            {"مايو"},
            {"يونيو", "يونيه"},
            {"يوليو", "يوليه"},
            {"اغسطس", "اغستس"},
            {"سبتمبر"},
            {"اكتوبر"},
            {"نوفمبر"},
            {"ديسمبر"},
            // Arabic, Levantine / Iraqi
            {"كانون الثاني"},
            {"شباط"},
            {"اذار"},
            {"نيسان"},
            {"ايار"},
            {"حزيران"},
            {"تموز"},
            {"اب"},
            {"ايلول"},
            {"تشرين الاول"},
            {"تشرين الثاني"},
            {"كانون الاول"},
            // Arabic, Maghreb (Algeria/Tunisia, Morocco)
            {"جانفي"},
            {"فيفري"},
            {},
            {"افريل"},
            {"ماي"},
            {"جوان"},
            {"جويليه", "جويلية", "يوليوز"},
            {"اوت", "غشت"},
            {"شتنبر"},
            {},
            {"نونبر"},
            {"دجنبر"},
        };
        for (int i = 0; i < gregorian.length; i++) {
            for (String name : gregorian[i]) {
                GREGORIAN.putIfAbsent(name, i % 12 + 1);
            }
        }
        String[][] hijri = {
            {"محرم"},
            {"صفر"},
            {"ربيع الاول"},
            {"ربيع الاخر", "ربيع الثاني"},
            {"جمادي الاولي", "جمادي الاول"},
            {"جمادي الاخره", "جمادي الاخر", "جمادي الثانيه", "جمادي الثاني"},
            {"رجب"},
            {"شعبان"},
            {"رمضان"},
            {"شوال"},
            {"ذو القعده", "ذي القعده"},
            {"ذو الحجه", "ذي الحجه"},
        };
        for (int i = 0; i < hijri.length; i++) {
            for (String name : hijri[i]) {
                HIJRI.put(name, i + 1);
            }
        }
    }

    private static final String GREGORIAN_NAMES = alternation(GREGORIAN);
    private static final String HIJRI_NAMES = alternation(HIJRI);
    private static final String NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_LETTER_AFTER = "(?![\\p{L}])";
    /**
     * A month name, optionally doubled as Levantine and Reuters Arabic copy print it: "حزيران/يونيو", "حزيران
     * (يونيو)", "يونيو حزيران".
     */
    private static final String MONTH = NOT_LETTER_BEFORE + "(?<m>" + GREGORIAN_NAMES + ")" + NOT_LETTER_AFTER
            + "(?:\\s*[/(]?\\s*(?:" + GREGORIAN_NAMES + ")\\s*\\)?" + NOT_LETTER_AFTER + ")?\\.?";

    private static final String YEAR = "(?<y>\\d{4})(?!\\d)";
    private static final String DAY = NOT_LETTER_BEFORE + "(?<d>\\d{1,2})(?:st|nd|rd|th|er|eme|e)?(?![\\d\\p{L}])";

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(DAY + "\\s*(?:de\\s+|من\\s+|,)?\\s*[,./-]?\\s*"
            + MONTH + "\\s*[,./-]?\\s*(?:de\\s+|عام\\s+|سنه\\s+)?" + YEAR);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(MONTH + "\\s*" + DAY + "\\s*,?\\s*" + YEAR);
    /** An optional weekday before a date: "Tuesday,", "Tue.", "mardi". */
    private static final String WEEKDAY_BEFORE =
            "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\.?,?\\s*";
    /** The whole text is a day and a month name, no year: "25 June", "June 25", "Tuesday, 25th June", "Jun. 25". */
    private static final Pattern DAY_MONTH_ONLY =
            Pattern.compile("^(?:" + WEEKDAY_BEFORE + ")?" + DAY + "\\s*(?:de\\s+|,)?\\s*[./-]?\\s*" + MONTH + "$");

    private static final Pattern MONTH_DAY_ONLY =
            Pattern.compile("^(?:" + WEEKDAY_BEFORE + ")?" + MONTH + "\\s*" + DAY + "$");
    private static final Pattern ISO = Pattern.compile(
            "(?<![\\d])(?<y>\\d{4})-(?<mo>\\d{1,2})-(?<d>\\d{1,2})(?!\\d)"
                    + "(?:[t ](?<h>\\d{1,2}):(?<mi>\\d{2})(?::(?<s>\\d{2})(?:[.,]\\d+)?)?\\s*(?<z>z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern YEAR_FIRST_SLASH =
            Pattern.compile("(?<![\\d])(?<y>\\d{4})[/.](?<mo>\\d{1,2})[/.](?<d>\\d{1,2})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d/.-])(?<a>\\d{1,2})\\s?(?<sep>[/.-])\\s?(?<b>\\d{1,2})\\s?\\k<sep>\\s?" + YEAR + "(?!\\s*ه)");
    private static final Pattern HIJRI_DATE = Pattern.compile(NOT_LETTER_BEFORE + "(?<d>\\d{1,2})\\s+(?<m>"
            + HIJRI_NAMES + ")" + NOT_LETTER_AFTER + "\\s*(?:عام\\s+|سنه\\s+)?(?<y>1[3-5]\\d{2})(?!\\d)");
    /** A clock time and an explicit zone after the date: "10:30 GMT", "10:30:00 +0300", "3:15 pm UTC+3". */
    private static final Pattern TIME_ZONE = Pattern.compile(
            "^[\\s,]*(?:at\\s+|a\\s+|الساعه\\s+)?(?<h>\\d{1,2})[:h](?<mi>\\d{2})(?::(?<s>\\d{2}))?\\s*(?<ampm>am|pm|a\\.m\\.|p\\.m\\.)?"
                    + "\\s*(?<z>(?:gmt|utc)(?:\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?)?|z|[+-]\\d{2}:?\\d{2})(?![\\p{L}])");

    private DateParser() {}

    /**
     * Reads the date printed in {@code raw}.
     *
     * @param raw the text as printed, e.g. "25th, June 2024 GMT"; may contain surrounding words
     * @return the parsed value with {@code raw} (stripped) kept, or {@link Published#unparsed(String)}; null only
     *     when {@code raw} is null or blank
     */
    public static Published parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String kept = raw.strip();
        Published parsed = tryParse(kept);
        return parsed != null ? parsed : Published.unparsed(kept);
    }

    /** True when {@code text} holds a date this parser understands (with its year). */
    public static boolean containsDate(String text) {
        return text != null && tryParse(text) != null;
    }

    /**
     * True when {@code text} is, as a whole, a day and a month name printed without a year ("June 25", "25 juin",
     * "Tuesday, June 25", "25 حزيران"), as wire datelines print them. Such a date is never completed with a guessed
     * year: {@link #parse} keeps it unparsed. Used to tell a dateline's date from other words in the same place.
     */
    public static boolean isDayAndMonth(String text) {
        if (text == null || text.length() > 60) {
            return false;
        }
        String folded = fold(text.strip());
        for (Pattern p : List.of(DAY_MONTH_ONLY, MONTH_DAY_ONLY)) {
            Matcher m = p.matcher(folded);
            if (m.matches()) {
                int day = Integer.parseInt(m.group("d"));
                return day >= 1 && day <= 31;
            }
        }
        return false;
    }

    /** The folded form used for matching: ASCII digits, no accents or Arabic diacritics, lower case. */
    static String fold(String text) {
        // FoldedText first: it separates digits glued to Arabic words ("25شوال", "1436هـ")
        String nfd = Normalizer.normalize(FoldedText.of(text).text(), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        boolean space = false;
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK
                    || c == '\u0640'
                    || (c >= '\u200B' && c <= '\u200F')
                    || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069')
                    || c == '\uFEFF') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            if (c >= '\u0660' && c <= '\u0669') {
                c = (char) ('0' + (c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                c = (char) ('0' + (c - '\u06F0'));
            } else if (c == 'ى') {
                c = 'ي';
            } else if (c == 'ة') {
                c = 'ه';
            } else if (c == '\u066B') {
                c = '.';
            } else if (c == '\u060C') {
                c = ',';
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static Published tryParse(String raw) {
        String text = fold(raw);
        List<Candidate> candidates = new ArrayList<>();
        collect(ISO.matcher(text), candidates, m -> date(m.group("y"), m.group("mo"), m.group("d")), true);
        collect(
                YEAR_FIRST_SLASH.matcher(text),
                candidates,
                m -> date(m.group("y"), m.group("mo"), m.group("d")),
                false);
        collect(
                DAY_MONTH_YEAR.matcher(text),
                candidates,
                m -> date(m.group("y"), month(m.group("m")), m.group("d")),
                false);
        collect(
                MONTH_DAY_YEAR.matcher(text),
                candidates,
                m -> date(m.group("y"), month(m.group("m")), m.group("d")),
                false);
        collect(NUMERIC.matcher(text), candidates, DateParser::numeric, false);
        if (!candidates.isEmpty()) {
            candidates.sort(Comparator.comparingInt(Candidate::start));
            Candidate first = candidates.get(0);
            return withTime(raw, text, first);
        }
        Matcher hijri = HIJRI_DATE.matcher(text);
        while (hijri.find()) {
            LocalDate date = hijri(hijri);
            if (date != null) {
                return Published.ofDate(raw, date);
            }
        }
        return null;
    }

    private interface DateOf {
        LocalDate of(Matcher m);
    }

    private record Candidate(int start, int end, LocalDate date, Matcher iso) {}

    private static void collect(Matcher m, List<Candidate> into, DateOf dateOf, boolean iso) {
        while (m.find()) {
            LocalDate date = dateOf.of(m);
            if (date != null) {
                into.add(new Candidate(m.start(), m.end(), date, iso ? m : null));
                return;
            }
        }
    }

    private static Published withTime(String raw, String folded, Candidate c) {
        if (c.iso() != null && c.iso().group("h") != null) {
            Matcher m = c.iso();
            String zone = m.group("z");
            if (zone == null) {
                return Published.ofDate(raw, c.date());
            }
            LocalTime time = time(m.group("h"), m.group("mi"), m.group("s"), null);
            ZoneOffset offset = offset(zone);
            if (time == null || offset == null) {
                return Published.ofDate(raw, c.date());
            }
            return new Published(raw, null, LocalDateTime.of(c.date(), time).toInstant(offset), zoneLabel(zone));
        }
        Matcher t = TIME_ZONE.matcher(folded.substring(c.end()));
        if (t.find()) {
            LocalTime time = time(t.group("h"), t.group("mi"), t.group("s"), t.group("ampm"));
            ZoneOffset offset = offset(t.group("z"));
            if (time != null && offset != null) {
                Instant instant = LocalDateTime.of(c.date(), time).toInstant(offset);
                return new Published(raw, null, instant, zoneLabel(t.group("z")));
            }
        }
        return Published.ofDate(raw, c.date());
    }

    private static String zoneLabel(String folded) {
        String z = folded.replace(" ", "");
        return z.equals("z") ? "UTC" : z.toUpperCase(Locale.ROOT);
    }

    private static ZoneOffset offset(String zone) {
        String z = zone.replace(" ", "");
        if (z.startsWith("gmt") || z.startsWith("utc")) {
            z = z.substring(3);
        }
        if (z.isEmpty() || z.equals("z")) {
            return ZoneOffset.UTC;
        }
        Matcher m = Pattern.compile("([+-])(\\d{1,2}):?(\\d{2})?").matcher(z);
        if (!m.matches()) {
            return null;
        }
        try {
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int sign = m.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalTime time(String h, String mi, String s, String ampm) {
        try {
            int hour = Integer.parseInt(h);
            if (ampm != null) {
                if (hour < 1 || hour > 12) {
                    return null;
                }
                boolean pm = ampm.startsWith("p");
                hour = hour % 12 + (pm ? 12 : 0);
            }
            return LocalTime.of(hour, Integer.parseInt(mi), s == null ? 0 : Integer.parseInt(s));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate numeric(Matcher m) {
        int a = Integer.parseInt(m.group("a"));
        int b = Integer.parseInt(m.group("b"));
        // day first (Arabic and European convention) unless the second number cannot be a month
        if (b > 12 && a <= 12) {
            return date(m.group("y"), a, b);
        }
        return date(m.group("y"), b, a);
    }

    private static LocalDate date(String year, String month, String day) {
        return date(year, Integer.parseInt(month), Integer.parseInt(day));
    }

    private static LocalDate date(String year, int month, String day) {
        return date(year, month, Integer.parseInt(day));
    }

    private static LocalDate date(String year, int month, int day) {
        int y = Integer.parseInt(year);
        if (y < MIN_YEAR || y > MAX_YEAR) {
            return null;
        }
        try {
            return LocalDate.of(y, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int month(String folded) {
        String key = folded.endsWith(".") ? folded.substring(0, folded.length() - 1) : folded;
        return Objects.requireNonNull(GREGORIAN.get(key.replaceAll("\\s+", " ")), key);
    }

    private static LocalDate hijri(Matcher m) {
        Integer month = HIJRI.get(m.group("m").replaceAll("\\s+", " "));
        if (month == null) {
            return null;
        }
        try {
            return LocalDate.from(HijrahDate.of(Integer.parseInt(m.group("y")), month, Integer.parseInt(m.group("d"))));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String alternation(Map<String, Integer> names) {
        List<String> sorted = new ArrayList<>(names.keySet());
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder sb = new StringBuilder();
        for (String name : sorted) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(Pattern.quote(name).replace(" ", "\\E\\s+\\Q"));
        }
        return sb.toString();
    }
}

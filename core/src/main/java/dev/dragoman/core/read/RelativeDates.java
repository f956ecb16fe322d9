package dev.dragoman.core.read;

import dev.dragoman.core.summary.TimeAnchor;
import dev.dragoman.core.text.FoldedText;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the relative day words of news copy against the article's date: Arabic اليوم، أمس/البارحة، غداً/الغد،
 * أول أمس، بعد غد and the weekday names (يوم الاثنين، الأحد الماضي، الخميس المقبل); English today, yesterday,
 * tomorrow, the day before yesterday, (last/next/on) Monday; French aujourd'hui, hier, demain, avant-hier,
 * après-demain, lundi (dernier/prochain). A weekday with "last/الماضي/dernier" is the one before the date, with
 * "next/المقبل/القادم/prochain" the one after, and a bare weekday the nearest one (within three days either side: news
 * names the days of the week it reports). "اليوم" followed by a definite adjective (اليوم الوطني, اليوم العالمي) is a
 * day's name, not "today", and is left alone. Arabic is matched folded ({@link FoldedText}); phrases come back as
 * printed. Nothing is resolved without a date. Stateless and thread-safe.
 */
public final class RelativeDates {

    private RelativeDates() {}

    private static final String B = "(?<![\\p{L}\\p{M}])";
    private static final String E = "(?![\\p{L}\\p{M}])";

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("الاحد", DayOfWeek.SUNDAY),
            Map.entry("الاثنين", DayOfWeek.MONDAY),
            Map.entry("الثلاثاء", DayOfWeek.TUESDAY),
            Map.entry("الاربعاء", DayOfWeek.WEDNESDAY),
            Map.entry("الخميس", DayOfWeek.THURSDAY),
            Map.entry("الجمعه", DayOfWeek.FRIDAY),
            Map.entry("السبت", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY),
            Map.entry("lundi", DayOfWeek.MONDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY));

    /**
     * A fixed offset; {@code keys}: words one of which the folded, lower-cased text must contain for the pattern to
     * be tried at all (most texts hold none, and fifteen case-insensitive scans per text were a batch's largest cost).
     */
    private record Rule(Pattern pattern, int days, List<String> keys) {}

    /** Fixed offsets, longest phrases first so "أول أمس" and "avant-hier" are not read as "أمس" and "hier". */
    private static final List<Rule> FIXED = List.of(
            rule("(?:يوم\\s+)?اول\\s+(?:من\\s+)?امس", -2, "امس"),
            rule("(?:يوم\\s+)?بعد\\s+غد", 2, "غد"),
            rule("the\\s+day\\s+before\\s+yesterday", -2, "yesterday"),
            rule("the\\s+day\\s+after\\s+tomorrow", 2, "tomorrow"),
            rule("avant[-\\s]hier", -2, "hier"),
            rule("apr[eè]s[-\\s]demain", 2, "demain"),
            rule("(?:يوم\\s+)?[وف]?(?:امس|الامس|البارحه)", -1, "امس", "البارحه"),
            rule("(?:يوم\\s+)?[وف]?(?:غدا|الغد|غد)", 1, "غد"),
            rule("[وف]?اليوم(?!\\s+ال(?!" + "احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت" + ")[\\p{L}])", 0, "اليوم"),
            rule("today|tonight", 0, "today", "tonight"),
            rule("yesterday", -1, "yesterday"),
            rule("tomorrow", 1, "tomorrow"),
            rule("aujourd['’]hui|ce\\s+soir", 0, "aujourd", "soir"),
            rule("hier", -1, "hier"),
            rule("demain", 1, "demain"));

    private static final Pattern WEEKDAY = Pattern.compile(
            B + "(?:(?<before>last|next|this|on)\\s+)?(?:(?:يوم|مساء|صباح|ليله)\\s+)?(?<day>"
                    + String.join("|", WEEKDAYS.keySet()) + ")" + E
                    + "(?:\\s+(?<after>الماضي|المقبل|القادم|المنصرم|dernier|prochain)" + E + ")?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static Rule rule(String regex, int days, String... keys) {
        return new Rule(
                Pattern.compile(B + "(?:" + regex + ")" + E, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                days,
                List.of(keys));
    }

    private static boolean containsAny(String lower, java.util.Collection<String> keys) {
        for (String k : keys) {
            if (lower.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The relative day words of {@code text} with their dates, in text order, each distinct phrase and date once.
     *
     * @param text any text (null gives nothing)
     * @param published the article's date; null gives nothing — a date is never guessed
     */
    public static List<TimeAnchor> anchors(String text, LocalDate published) {
        if (text == null || text.isBlank() || published == null) {
            return List.of();
        }
        FoldedText folded = FoldedText.of(text);
        String t = folded.text();
        boolean[] taken = new boolean[t.length() + 1];
        List<int[]> found = new ArrayList<>(); // start, end, days offset (or weekday resolution below)
        List<LocalDate> dates = new ArrayList<>();
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        for (Rule r : FIXED) {
            if (!containsAny(lower, r.keys())) {
                continue;
            }
            Matcher m = r.pattern().matcher(t);
            while (m.find()) {
                if (free(taken, m.start(), m.end())) {
                    take(taken, m.start(), m.end());
                    found.add(new int[] {m.start(), m.end()});
                    dates.add(published.plusDays(r.days()));
                }
            }
        }
        Matcher m = WEEKDAY.matcher(t);
        boolean weekdays = containsAny(lower, WEEKDAYS.keySet());
        while (weekdays && m.find()) {
            if (!free(taken, m.start("day"), m.end("day"))) {
                continue;
            }
            DayOfWeek day = WEEKDAYS.get(m.group("day").toLowerCase(java.util.Locale.ROOT));
            String before = m.group("before") == null ? "" : m.group("before").toLowerCase(java.util.Locale.ROOT);
            String after = m.group("after") == null ? "" : m.group("after");
            int direction = before.equals("last") || after.matches("الماضي|المنصرم|dernier")
                    ? -1
                    : before.equals("next") || after.matches("المقبل|القادم|prochain") ? 1 : 0;
            take(taken, m.start(), m.end());
            found.add(new int[] {m.start(), m.end()});
            dates.add(resolve(published, day, direction));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(found.get(a)[0], found.get(b)[0]));
        LinkedHashSet<TimeAnchor> out = new LinkedHashSet<>();
        for (int i : order) {
            out.add(new TimeAnchor(
                    folded.original(found.get(i)[0], found.get(i)[1]).strip(), dates.get(i)));
        }
        return List.copyOf(out);
    }

    /** The weekday before (-1), after (+1) or nearest to (0, within three days either side) {@code date}. */
    static LocalDate resolve(LocalDate date, DayOfWeek day, int direction) {
        int diff = day.getValue() - date.getDayOfWeek().getValue(); // -6..6
        if (direction < 0) {
            return date.minusDays(diff >= 0 ? 7 - diff : -diff);
        }
        if (direction > 0) {
            return date.plusDays(diff <= 0 ? 7 + diff : diff);
        }
        int nearest = Math.floorMod(diff + 3, 7) - 3; // -3..3
        return date.plusDays(nearest);
    }

    private static boolean free(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    private static void take(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
    }
}

package dev.dragoman.core.read;

import dev.dragoman.core.text.FoldedText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes datelines — where and by whom a story was filed — either alone on a line ("موسكو-سانا") or opening
 * the first paragraph ("PARIS (AFP) – The French president…"). Stand-alone lines are accepted more freely than
 * inline ones: at the start of a paragraph a dateline needs a known agency, a dash after it, or an upper-case
 * place, so "الرئيس (المصري) قال" is not mistaken for one.
 */
public final class Datelines {

    private Datelines() {}

    /** What a dateline held; {@code rest} is the text after it (empty for a stand-alone line). */
    public record DatelineMatch(String place, String agency, String date, String extra, String rest) {}

    private static final Pattern KNOWN_AR_AGENCY = WirePatterns.compile("^" + WirePatterns.AR_AGENCY + "$");
    private static final Pattern KNOWN_LATIN_AGENCY = WirePatterns.compile("^" + WirePatterns.LATIN_AGENCY + "$");
    private static final Pattern HAS_DIGIT = Pattern.compile(WirePatterns.DIGIT);
    private static final Pattern SENTENCE_PUNCT = Pattern.compile("[.!?؟]");
    /** A full stop after a word (not the dot of "25.06.2024" or "D.C."), or ! ? ؟: a sentence ends here. */
    private static final Pattern SENTENCE_END = Pattern.compile("[\\p{L}\\p{M}]{2}[.]\\s*$|[!?؟]");
    /** Words that start sentences, not place names, in Arabic copy. */
    private static final List<String> NOT_PLACES = List.of(
            "قال",
            "اكد",
            "اعلن",
            "ذكر",
            "افاد",
            "اشار",
            "وقال",
            "واكد",
            "في",
            "من",
            "على",
            "الى",
            "عن",
            "مع",
            "هذا",
            "هذه",
            "كما",
            "وكان",
            "كان",
            "ان",
            "بعد",
            "قبل",
            "قالت",
            "اكدت",
            "اعلنت",
            "ذكرت",
            "افادت",
            "اشارت",
            "بحث",
            "بحثت",
            "استقبل",
            "التقى",
            "شارك",
            "دعا",
            "دعت",
            "اعرب",
            "اعربت",
            "نفى",
            "نفت",
            "اوضح",
            "اوضحت",
            "اضاف",
            "اضافت",
            "وقالت",
            "واعلن",
            "واعلنت",
            // weekdays and date words open date lines, not datelines
            "الاحد",
            "الاثنين",
            "الثلاثاء",
            "الاربعاء",
            "الخميس",
            "الجمعه",
            "السبت",
            "يوم",
            "تاريخ",
            "اليوم",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "mon",
            "tue",
            "tues",
            "wed",
            "thu",
            "thur",
            "thurs",
            "fri",
            "sat",
            "sun",
            "lundi",
            "mardi",
            "mercredi",
            "jeudi",
            "vendredi",
            "samedi",
            "dimanche",
            "le",
            "on",
            "updated",
            "published",
            "date");

    private static final Pattern NOT_PLACE = WirePatterns.compile("^" + WirePatterns.alternation(NOT_PLACES) + "$");

    /**
     * Matches a dateline. The patterns run on the line folded by {@link FoldedText} (hamza forms, alef maksura, ta
     * marbuta, tatweel, harakat, Arabic-Indic digits, a place glued to its day number); place, agency and date are cut
     * from the original line, so they keep the copy's spelling (tatweel aside).
     *
     * @param text a trimmed line
     * @param standalone true: the whole line must be the dateline; false: a dateline followed by paragraph text
     * @return the match, or null
     */
    public static DatelineMatch match(String text, boolean standalone) {
        if (text.length() > (standalone ? 160 : 100_000)) {
            return null;
        }
        Line line = Line.of(text);
        DatelineMatch m = arabicDateAgency(line, standalone);
        if (m == null) {
            m = arabicParen(line, standalone);
        }
        if (m == null) {
            m = arabicSlash(line, standalone);
        }
        if (m == null) {
            m = arabicDash(line, standalone);
        }
        if (m == null) {
            m = simple(WirePatterns.AR_AGENCY_PLACE, line, standalone);
        }
        if (m == null) {
            m = simple(WirePatterns.AGENCY_ONLY, line, standalone);
        }
        if (m == null) {
            m = latinCommaAgency(line, standalone);
        }
        if (m == null) {
            m = latinParen(line, standalone);
        }
        if (m == null) {
            m = latinCapsDash(line, standalone);
        }
        if (m == null) {
            m = latinCapsColon(line, standalone);
        }
        return m;
    }

    /** A line, and its head (the first 240 chars) folded for matching. */
    private record Line(String full, FoldedText folded) {
        static Line of(String text) {
            return new Line(text, FoldedText.of(text.length() > 240 ? text.substring(0, 240) : text));
        }

        Matcher matcher(Pattern p) {
            return p.matcher(folded.text());
        }

        /** The original spelling behind a group, tatweel removed; null when the group did not take part. */
        String group(Matcher m, String name) {
            return m.group(name) == null ? null : folded.originalWord(m.start(name), m.end(name));
        }

        /** The original text behind a group exactly as printed (dates keep their "هـ"), stripped; or null. */
        String raw(Matcher m, String name) {
            return m.group(name) == null
                    ? null
                    : folded.original(m.start(name), m.end(name)).strip();
        }

        /** The rest of the full line after the match. */
        String rest(Matcher m) {
            return WireStoryReader.trim(full.substring(folded.originalIndex(m.start("rest"))));
        }
    }

    private static boolean restOk(String rest, boolean standalone) {
        return standalone ? rest.isEmpty() : !rest.isEmpty();
    }

    /** "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس" — needs a real date between place and agency. */
    private static DatelineMatch arabicDateAgency(Line line, boolean standalone) {
        Matcher m = line.matcher(WirePatterns.AR_DATE_AGENCY);
        if (!m.lookingAt() || !placeOk(m.group("place"))) {
            return null;
        }
        String date = line.raw(m, "date");
        if (!DateParser.containsDate(date)) {
            return null;
        }
        String rest = line.rest(m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        return new DatelineMatch(
                cleanPlace(line.group(m, "place")), line.group(m, "agency"), date, line.group(m, "country"), rest);
    }

    private static final Pattern STARTS_WITH_KNOWN_AGENCY = WirePatterns.compile(
            "^\\s*(?:" + WirePatterns.DASH + "\\s*)?(?:" + WirePatterns.AR_AGENCY + ")(?![\\p{L}\\p{M}])");

    /** "القاهرة (أ ش أ)", "عمان 25 حزيران (بترا) -", "نيويورك (الولايات المتحدة) 10 أغسطس 2015 (وام) -". */
    private static DatelineMatch arabicParen(Line line, boolean standalone) {
        Matcher m = line.matcher(WirePatterns.AR_PAREN);
        if (!m.lookingAt() || !placeOk(m.group("place"))) {
            return null;
        }
        String agency = m.group("agency").strip();
        boolean known = KNOWN_AR_AGENCY.matcher(agency).matches()
                || KNOWN_LATIN_AGENCY.matcher(agency).matches();
        if (agency.split("\\s+").length > 4
                || !known && SENTENCE_PUNCT.matcher(agency).find()) {
            return null;
        }
        String rest = line.rest(m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        if (!known && STARTS_WITH_KNOWN_AGENCY.matcher(m.group("rest")).lookingAt()) {
            // "غزة (فلسطين) - وفا": the parentheses hold the country, the agency follows
            return null;
        }
        if (!standalone
                && !known
                && (!dashAfter(line, m)
                        || m.group("place").split("\\s+").length > 2
                        || NOT_PLACE.matcher(agency).matches())) {
            // "أعلنت وزارة الصحة (الاثنين) - …" is a sentence: an unknown agency inline needs a short place
            return null;
        }
        if (standalone && !known && m.group("place").split("\\s+").length > 3) {
            return null;
        }
        String region = line.group(m, "region");
        if (region == null) {
            region = line.group(m, "country");
        }
        return new DatelineMatch(
                cleanPlace(line.group(m, "place")), line.group(m, "agency"), line.raw(m, "date"), region, rest);
    }

    /**
     * "الدوحة في 25 يونيو /قنا/", "أنقرة/ الأناضول", "عمان 25 حزيران /بترا/"; "غزة/ محمد ماجد/ الأناضول" (the
     * reporter goes to {@code extra}).
     */
    private static DatelineMatch arabicSlash(Line line, boolean standalone) {
        Matcher m = line.matcher(WirePatterns.AR_SLASH);
        if (!m.lookingAt() || !placeOk(m.group("place"))) {
            return null;
        }
        String agency = m.group("agency").strip();
        String rest = m.group("rest") == null ? "" : line.rest(m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        boolean known = KNOWN_AR_AGENCY.matcher(agency).matches();
        if (!standalone && !known && m.group("date") == null) {
            return null;
        }
        if (!known && (m.group("reporter") != null || m.group("date") != null && m.group("datesep") == null)) {
            // a reporter's name, or a date without "في" or a comma, only beside an agency the reader knows
            return null;
        }
        String extra = line.group(m, "country");
        return new DatelineMatch(
                cleanPlace(line.group(m, "place")),
                line.group(m, "agency"),
                line.raw(m, "date"),
                extra != null ? extra : line.group(m, "reporter"),
                rest);
    }

    /** "موسكو-سانا", "الرباط - ومع", "غزة (فلسطين) - وفا". Inline only with a known agency. */
    private static DatelineMatch arabicDash(Line line, boolean standalone) {
        Matcher withAgency = line.matcher(WirePatterns.AR_DASH_KNOWN);
        if (withAgency.lookingAt() && placeOk(withAgency.group("place"))) {
            String rest = line.rest(withAgency);
            if (restOk(rest, standalone)) {
                return new DatelineMatch(
                        cleanPlace(line.group(withAgency, "place")),
                        line.group(withAgency, "agency"),
                        null,
                        line.group(withAgency, "country"),
                        rest);
            }
        }
        Matcher m = line.matcher(WirePatterns.AR_DASH);
        if (!m.lookingAt() || !placeOk(m.group("place"))) {
            return null;
        }
        String agency = m.group("agency").strip();
        boolean known = KNOWN_AR_AGENCY.matcher(agency).matches();
        String rest = line.rest(m);
        if (!known) {
            // "غزة - إسرائيل تقصف" is a sentence; an unknown agency needs a short stand-alone line
            if (!standalone || m.group("place").split("\\s+").length > 2 || agency.split("\\s+").length > 2) {
                return null;
            }
        } else if (!standalone && rest.isEmpty()) {
            return null;
        }
        if (!restOk(rest, standalone)) {
            return null;
        }
        return new DatelineMatch(
                cleanPlace(line.group(m, "place")), line.group(m, "agency"), null, line.group(m, "country"), rest);
    }

    private static final Pattern AR_PLACE_DATE =
            WirePatterns.compile("^[\\s\\p{Cf}]*" + WirePatterns.AR_PLACE + "\\s*[،,]?\\s+(?:"
                    + WirePatterns.tolerant("في") + "\\s+)?(?<date>" + WirePatterns.DIGIT + ".{3,80}?)\\s*$");
    private static final Pattern LATIN_PLACE_DATE = Pattern.compile("^[\\s\\p{Cf}]*(?<place>\\p{Lu}[\\p{L}\\p{M}.'’-]*"
            + "(?:[ /][\\p{L}\\p{M}.'’-]+){0,2}),\\s*(?<date>[^,]{0,12}\\d.{2,40}?)\\s*[-–—:]*\\s*$");

    /**
     * A stand-alone line that is a place and a date and nothing else, with no agency: "الرياض 25 شوال 1436 هـ
     * الموافق 10 اغسطس 2015م", "RIYADH, June 25, 2024". The date must parse with its year and make up the rest of
     * the line (at most 10 words). A line that ends a sentence, or that is a dateline opening a short lead, is not one.
     */
    static DatelineMatch placeAndDate(String text) {
        if (text.length() > 120 || SENTENCE_END.matcher(text).find() || match(text, false) != null) {
            // "رام الله 25-6-2024 وفا- قال …" is a dateline opening a short lead, not a place and a date
            return null;
        }
        Line line = Line.of(text);
        for (Pattern p : List.of(AR_PLACE_DATE, LATIN_PLACE_DATE)) {
            Matcher m = line.matcher(p);
            if (m.matches()
                    && placeOk(m.group("place"))
                    && m.group("date").split("\\s+").length <= 10
                    && DateParser.containsDate(m.group("date"))) {
                return new DatelineMatch(cleanPlace(line.group(m, "place")), null, line.raw(m, "date"), null, "");
            }
        }
        return null;
    }

    /** Patterns with a known agency and an optional place, nothing else to check. */
    private static DatelineMatch simple(Pattern pattern, Line line, boolean standalone) {
        Matcher m = line.matcher(pattern);
        if (!m.lookingAt()) {
            return null;
        }
        String place = null;
        try {
            place = line.group(m, "place");
        } catch (IllegalArgumentException noPlaceGroup) {
            // AGENCY_ONLY has no place
        }
        if (place != null && !placeOk(m.group("place"))) {
            return null;
        }
        if (place != null
                && !m.group("sep").contains(":")
                && !m.group("sep").contains("：")
                && m.group("place").split("\\s+").length > 2) {
            // "وطنية - صيدا -": with a dash instead of a colon, only a short place
            return null;
        }
        String rest = line.rest(m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        return new DatelineMatch(place == null ? null : cleanPlace(place), line.group(m, "agency"), null, null, rest);
    }

    /**
     * "Riyadh, Shawwal 25, 1436, Aug 10, 2015, SPA -- …", "Damascus, June 25, SANA - …": between the place and the
     * agency only a date (a full one, or a day and month without the year), so "Smith, who told AFP: …" is no dateline.
     */
    private static DatelineMatch latinCommaAgency(Line line, boolean standalone) {
        Matcher m = line.matcher(WirePatterns.LATIN_COMMA_AGENCY);
        if (!m.lookingAt()) {
            return null;
        }
        String date = m.group("date");
        if (date != null && !DateParser.containsDate(date) && !DateParser.isDayAndMonth(date)) {
            return null;
        }
        if (".".equals(m.group("sep")) && m.group("slash") == null) {
            // a full stop closes TASS's "/TASS/."; after a bare agency it ends a sentence ("… told AFP.")
            return null;
        }
        String rest = line.rest(m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        return new DatelineMatch(line.group(m, "place"), line.group(m, "agency"), line.raw(m, "date"), null, rest);
    }

    /** "CAIRO, June 25 (Reuters) -", "PARIS (AFP) –", "Paris, 25 juin 2024 (AFP) -". */
    private static DatelineMatch latinParen(Line line, boolean standalone) {
        Matcher m = line.matcher(WirePatterns.LATIN_PAREN);
        if (!m.lookingAt()) {
            return null;
        }
        String place = line.group(m, "place");
        String agency = line.group(m, "agency");
        String extra = line.group(m, "extra");
        boolean known = KNOWN_LATIN_AGENCY.matcher(m.group("agency").strip()).matches();
        boolean caps = place.equals(place.toUpperCase(java.util.Locale.ROOT)) && place.length() >= 2;
        if (agency.split("\\s+").length > 3 || SENTENCE_PUNCT.matcher(agency).find() && !known) {
            return null;
        }
        String rest = line.rest(m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        if (!known && !caps) {
            return null;
        }
        if (!standalone && !dashAfter(line, m) && !known) {
            return null;
        }
        String[] dateAndExtra = dateAndExtra(extra);
        return new DatelineMatch(place, agency, dateAndExtra[0], dateAndExtra[1], rest);
    }

    /**
     * What follows the place's comma, cut into the date and the rest: "June 25" is a date, "Turkey" a country,
     * "Jordan, June 25" both (the date is the longest comma-separated tail that reads as one). Without such a tail, text
     * with a digit is kept as the date as printed.
     */
    private static String[] dateAndExtra(String extra) {
        if (extra == null || !HAS_DIGIT.matcher(extra).find()) {
            return new String[] {null, extra};
        }
        String[] parts = extra.split(",");
        for (int k = 1; k < parts.length; k++) {
            String tail = String.join(",", java.util.Arrays.copyOfRange(parts, k, parts.length))
                    .strip();
            if (DateParser.containsDate(tail) || DateParser.isDayAndMonth(tail)) {
                String head = String.join(",", java.util.Arrays.copyOfRange(parts, 0, k))
                        .strip();
                return new String[] {tail, head.isEmpty() ? null : head};
            }
        }
        return new String[] {extra.replaceAll("[,\\s]+$", ""), null};
    }

    /** Words in capitals before a colon that label a paragraph rather than name a place. */
    private static final java.util.Set<String> CAPS_LABELS = java.util.Set.of(
            "BREAKING",
            "BREAKING NEWS",
            "UPDATE",
            "UPDATED",
            "EXCLUSIVE",
            "WATCH",
            "OPINION",
            "ANALYSIS",
            "EDITORIAL",
            "NOTE",
            "EDITOR'S NOTE",
            "EDITOR’S NOTE",
            "EDITORS",
            "LIVE",
            "VIDEO",
            "PHOTO",
            "PHOTOS",
            "URGENT",
            "FLASH",
            "CORRECTION",
            "CLARIFICATION",
            "ADVISORY",
            "FACTBOX",
            "EXPLAINER",
            "REVIEW",
            "INTERVIEW",
            "FILE",
            "SOURCE",
            "SOURCES",
            "WARNING",
            "ALERT",
            "NEWSALERT",
            "BULLETIN",
            "REPORT",
            "COMMENT",
            "COLUMN",
            "FEATURE",
            "SPECIAL",
            "RELATED",
            "READ",
            "READ MORE",
            "SEE",
            "SEE ALSO",
            "ALSO",
            "MORE",
            "FYI",
            "TOPLINE",
            "WHY IT MATTERS",
            "THE BIG PICTURE",
            "BACKGROUND",
            "CONTEXT",
            "DEVELOPING",
            "JUST IN",
            "NEW",
            "FAQ",
            "SUMMARY",
            "KEY POINTS",
            "HIGHLIGHTS",
            "TIMELINE",
            "QUOTE",
            "FACT CHECK",
            "SPONSORED",
            "ADVERTISEMENT",
            "DISCLAIMER",
            "CAPTION",
            "CREDIT",
            "CREDITS",
            "PICTURE",
            "GRAPHIC",
            "POLL",
            "QUIZ",
            "TRANSCRIPT",
            "Q",
            "A",
            "UPDATES",
            "RECAP",
            "ANNOUNCEMENT",
            "STATEMENT",
            "MESSAGE",
            "IMPORTANT",
            "ATTENTION",
            "REMINDER",
            "TIP",
            "TIPS",
            "DATE",
            "TIME",
            "WHEN",
            "WHERE",
            "WHO",
            "WHAT",
            "WHY",
            "HOW",
            "NOTICE",
            "PRESS RELEASE",
            "OFFICIAL",
            // section and format labels
            "LIVE UPDATES",
            "LIVE BLOG",
            "IN PICTURES",
            "IN PHOTOS",
            "FIRST ON CNN",
            "OP-ED",
            "LETTERS",
            "OBITUARY",
            "EDITOR'S PICK",
            "NEWS",
            "WORLD",
            "WORLD NEWS",
            "SPORT",
            "SPORTS",
            "BUSINESS",
            "POLITICS",
            "HEALTH",
            "TECH",
            "SCIENCE",
            "ENTERTAINMENT",
            "MARKETS",
            "ECONOMY",
            "LOCAL",
            "NATIONAL",
            "INTERNATIONAL",
            "TRAVEL",
            "CULTURE");

    /** "RIYADH: …": an upper-case place and a colon, no agency; inline only, never a label in capitals. */
    private static DatelineMatch latinCapsColon(Line line, boolean standalone) {
        if (standalone) {
            return null;
        }
        Matcher m = line.matcher(WirePatterns.LATIN_CAPS_COLON);
        if (!m.lookingAt()) {
            return null;
        }
        String place = line.group(m, "place");
        if (place.codePointCount(0, place.length()) < 3 || CAPS_LABELS.contains(place)) {
            return null;
        }
        String rest = line.rest(m);
        return rest.isEmpty() ? null : new DatelineMatch(place, null, null, null, rest);
    }

    /** "WASHINGTON —": an upper-case place and a dash, no agency; inline only. */
    private static DatelineMatch latinCapsDash(Line line, boolean standalone) {
        Matcher m = line.matcher(WirePatterns.LATIN_CAPS_DASH);
        if (!m.lookingAt()) {
            return null;
        }
        String place = line.group(m, "place");
        if (place.length() < 3 || place.split("\\s+").length > 4) {
            return null;
        }
        String rest = line.rest(m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        String extra = line.group(m, "extra");
        String date = null;
        if (extra != null && HAS_DIGIT.matcher(extra).find()) {
            date = extra;
            extra = null;
        }
        return new DatelineMatch(place, null, date, extra, rest);
    }

    private static final Pattern TRAILING_FI = WirePatterns.compile("\\s+" + WirePatterns.tolerant("في") + "$");

    /** "الرياض في" → "الرياض": the preposition before a date is not part of the place. */
    static String cleanPlace(String place) {
        return TRAILING_FI.matcher(place.strip()).replaceFirst("");
    }

    private static boolean placeOk(String place) {
        String first = place.strip().split("\\s+")[0];
        return !NOT_PLACE.matcher(first).matches();
    }

    private static boolean dashAfter(Line line, Matcher m) {
        String between = line.folded().text().substring(m.end("agency"), m.start("rest"));
        return between.matches(".*(?:-|[\u2010-\u2015\u2212]|[:：]).*");
    }
}

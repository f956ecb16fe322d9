package dev.dragoman.core.read;

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
     * Matches a dateline.
     *
     * @param text a trimmed line
     * @param standalone true: the whole line must be the dateline; false: a dateline followed by paragraph text
     * @return the match, or null
     */
    public static DatelineMatch match(String text, boolean standalone) {
        if (text.length() > (standalone ? 160 : 100_000)) {
            return null;
        }
        DatelineMatch m = arabicDateAgency(text, standalone);
        if (m == null) {
            m = arabicParen(text, standalone);
        }
        if (m == null) {
            m = arabicSlash(text, standalone);
        }
        if (m == null) {
            m = arabicDash(text, standalone);
        }
        if (m == null) {
            m = simple(WirePatterns.AR_AGENCY_PLACE, text, standalone);
        }
        if (m == null) {
            m = simple(WirePatterns.AGENCY_ONLY, text, standalone);
        }
        if (m == null) {
            m = latinCommaAgency(text, standalone);
        }
        if (m == null) {
            m = latinParen(text, standalone);
        }
        if (m == null) {
            m = latinCapsDash(text, standalone);
        }
        return m;
    }

    private static boolean restOk(String rest, boolean standalone) {
        return standalone ? rest.isEmpty() : !rest.isEmpty();
    }

    private static String head(String text) {
        return text.length() > 240 ? text.substring(0, 240) : text;
    }

    /** "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس" — needs a real date between place and agency. */
    private static DatelineMatch arabicDateAgency(String text, boolean standalone) {
        Matcher m = WirePatterns.AR_DATE_AGENCY.matcher(head(text));
        if (!m.lookingAt() || !placeOk(m.group("place"))) {
            return null;
        }
        String date = m.group("date").strip();
        if (!DateParser.containsDate(date)) {
            return null;
        }
        String rest = restOf(text, m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        return new DatelineMatch(cleanPlace(m.group("place")), m.group("agency").strip(), date, null, rest);
    }

    /** "القاهرة (أ ش أ)", "عمان 25 حزيران (بترا) -". */
    private static DatelineMatch arabicParen(String text, boolean standalone) {
        Matcher m = WirePatterns.AR_PAREN.matcher(head(text));
        if (!m.lookingAt() || !placeOk(m.group("place"))) {
            return null;
        }
        String agency = m.group("agency").strip();
        if (agency.split("\\s+").length > 4 || SENTENCE_PUNCT.matcher(agency).find()) {
            return null;
        }
        String rest = restOf(text, m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        boolean known = KNOWN_AR_AGENCY.matcher(agency).matches()
                || KNOWN_LATIN_AGENCY.matcher(agency).matches();
        if (!standalone
                && !known
                && (!dashAfter(text, m)
                        || m.group("place").split("\\s+").length > 2
                        || NOT_PLACE.matcher(agency).matches())) {
            // "أعلنت وزارة الصحة (الاثنين) - …" is a sentence: an unknown agency inline needs a short place
            return null;
        }
        if (standalone && !known && m.group("place").split("\\s+").length > 3) {
            return null;
        }
        String date = m.group("date") == null ? null : m.group("date").strip();
        String region = m.group("region") == null ? null : m.group("region").strip();
        return new DatelineMatch(cleanPlace(m.group("place")), agency, date, region, rest);
    }

    /** "الدوحة في 25 يونيو /قنا/", "أنقرة/ الأناضول". */
    private static DatelineMatch arabicSlash(String text, boolean standalone) {
        Matcher m = WirePatterns.AR_SLASH.matcher(head(text));
        if (!m.lookingAt() || !placeOk(m.group("place"))) {
            return null;
        }
        String agency = m.group("agency").strip();
        String rest = m.group("rest") == null ? "" : restOf(text, m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        if (!standalone && !KNOWN_AR_AGENCY.matcher(agency).matches() && m.group("date") == null) {
            return null;
        }
        String date = m.group("date") == null ? null : m.group("date").strip();
        return new DatelineMatch(cleanPlace(m.group("place")), agency, date, null, rest);
    }

    /** "موسكو-سانا", "الرباط - ومع". Inline only with a known agency. */
    private static DatelineMatch arabicDash(String text, boolean standalone) {
        Matcher withAgency = WirePatterns.AR_DASH_KNOWN.matcher(head(text));
        if (withAgency.lookingAt() && placeOk(withAgency.group("place"))) {
            String rest = restOf(text, withAgency);
            if (restOk(rest, standalone)) {
                return new DatelineMatch(
                        cleanPlace(withAgency.group("place")),
                        withAgency.group("agency").strip(),
                        null,
                        null,
                        rest);
            }
        }
        Matcher m = WirePatterns.AR_DASH.matcher(head(text));
        if (!m.lookingAt() || !placeOk(m.group("place"))) {
            return null;
        }
        String agency = m.group("agency").strip();
        boolean known = KNOWN_AR_AGENCY.matcher(agency).matches();
        String rest = restOf(text, m);
        if (!known) {
            // "غزة - إسرائيل تقصف" is a sentence; an unknown agency needs a short stand-alone line
            if (!standalone || m.group("place").split("\\s+").length > 2 || agency.split("\\s+").length > 2) {
                return null;
            }
        } else if (!standalone && rest.isEmpty()) {
            return null;
        }
        if (!restOk(rest, standalone)) {
            // the agency alternation may have stopped inside a longer phrase: retry the agency as the whole tail
            return null;
        }
        return new DatelineMatch(cleanPlace(m.group("place")), agency, null, null, rest);
    }

    private static final Pattern AR_PLACE_DATE =
            WirePatterns.compile("^[\\s\\p{Cf}]*" + WirePatterns.AR_PLACE + "\\s*[،,]?\\s+(?:"
                    + WirePatterns.tolerant("في") + "\\s+)?(?<date>" + WirePatterns.DIGIT + ".{3,80}?)\\s*$");
    private static final Pattern LATIN_PLACE_DATE = Pattern.compile("^[\\s\\p{Cf}]*(?<place>\\p{Lu}[\\p{L}\\p{M}.'’-]*"
            + "(?:[ /][\\p{L}\\p{M}.'’-]+){0,2}),\\s*(?<date>[^,]{0,12}\\d.{2,40}?)\\s*[-–—:]*\\s*$");

    /**
     * A stand-alone line that is a place and a date and nothing else, with no agency: "الرياض 25 شوال 1436 هـ
     * الموافق 10 اغسطس 2015م", "RIYADH, June 25, 2024". The date must parse with its year and make up the rest of
     * the line (at most 10 words).
     */
    static DatelineMatch placeAndDate(String text) {
        if (text.length() > 120) {
            return null;
        }
        for (Pattern p : List.of(AR_PLACE_DATE, LATIN_PLACE_DATE)) {
            Matcher m = p.matcher(text);
            if (m.matches()
                    && placeOk(m.group("place"))
                    && m.group("date").split("\\s+").length <= 10
                    && DateParser.containsDate(m.group("date"))) {
                return new DatelineMatch(
                        cleanPlace(m.group("place")), null, m.group("date").strip(), null, "");
            }
        }
        return null;
    }

    /** Patterns with a known agency and an optional place, nothing else to check. */
    private static DatelineMatch simple(Pattern pattern, String text, boolean standalone) {
        Matcher m = pattern.matcher(head(text));
        if (!m.lookingAt()) {
            return null;
        }
        String place = null;
        try {
            place = m.group("place");
        } catch (IllegalArgumentException noPlaceGroup) {
            // AGENCY_ONLY has no place
        }
        if (place != null && !placeOk(place)) {
            return null;
        }
        String rest = restOf(text, m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        return new DatelineMatch(
                place == null ? null : cleanPlace(place), m.group("agency").strip(), null, null, rest);
    }

    /** "Riyadh, Shawwal 25, 1436, Aug 10, 2015, SPA -- …". */
    private static DatelineMatch latinCommaAgency(String text, boolean standalone) {
        Matcher m = WirePatterns.LATIN_COMMA_AGENCY.matcher(head(text));
        if (!m.lookingAt() || m.group("date") != null && !DateParser.containsDate(m.group("date"))) {
            return null;
        }
        String rest = restOf(text, m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        String date = m.group("date") == null ? null : m.group("date").strip();
        return new DatelineMatch(m.group("place").strip(), m.group("agency").strip(), date, null, rest);
    }

    /** "CAIRO, June 25 (Reuters) -", "PARIS (AFP) –", "Paris, 25 juin 2024 (AFP) -". */
    private static DatelineMatch latinParen(String text, boolean standalone) {
        Matcher m = WirePatterns.LATIN_PAREN.matcher(head(text));
        if (!m.lookingAt()) {
            return null;
        }
        String place = m.group("place").strip();
        String agency = m.group("agency").strip();
        String extra = m.group("extra") == null ? null : m.group("extra").strip();
        boolean known = KNOWN_LATIN_AGENCY.matcher(agency).matches();
        boolean caps = place.equals(place.toUpperCase(java.util.Locale.ROOT)) && place.length() >= 2;
        if (agency.split("\\s+").length > 3 || SENTENCE_PUNCT.matcher(agency).find() && !known) {
            return null;
        }
        String rest = restOf(text, m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        if (!known && !caps) {
            return null;
        }
        if (!standalone && !dashAfter(text, m) && !known) {
            return null;
        }
        String date = null;
        if (extra != null && HAS_DIGIT.matcher(extra).find()) {
            date = extra;
            extra = null;
        }
        return new DatelineMatch(place, agency, date, extra, rest);
    }

    /** "WASHINGTON —": an upper-case place and a dash, no agency; inline only. */
    private static DatelineMatch latinCapsDash(String text, boolean standalone) {
        Matcher m = WirePatterns.LATIN_CAPS_DASH.matcher(head(text));
        if (!m.lookingAt()) {
            return null;
        }
        String place = m.group("place").strip();
        if (place.length() < 3 || place.split("\\s+").length > 4) {
            return null;
        }
        String rest = restOf(text, m);
        if (!restOk(rest, standalone)) {
            return null;
        }
        String extra = m.group("extra") == null ? null : m.group("extra").strip();
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

    private static boolean dashAfter(String text, Matcher m) {
        String between = text.substring(m.end("agency"), m.start("rest"));
        return between.matches(".*(?:-|[\u2010-\u2015\u2212]|[:：]).*");
    }

    /** The rest of the full line after the match (the matcher may have looked at a truncated head). */
    private static String restOf(String text, Matcher m) {
        return WireStoryReader.trim(text.substring(m.start("rest")));
    }
}

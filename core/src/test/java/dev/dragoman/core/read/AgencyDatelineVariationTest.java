package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Datelines as the agencies themselves write them — SANA, SPA, QNA, WAM, Petra, KUNA, BNA, MENA, Oman, Saba, WAFA,
 * Anadolu, Xinhua, AFP and Reuters in Arabic, English and French — alone on their line or opening the lead, each
 * combined with the spelling variation real copy shows (hamza forms, ى/ي, ة/ه, tatweel, Arabic-Indic and Persian
 * digits, zero-padded days, a country in parentheses, a place glued to its day, either calendar first). Every case
 * is a short story written for the project. The reader must get headline, place, agency and date right (a date
 * printed without its year is no date: none is invented), keep the copy's spelling (tatweel aside), and leave the
 * lead's own text in the first paragraph.
 */
class AgencyDatelineVariationTest {

    record Case(String name, String headline, String dateline, String place, String agency, LocalDate date) {
        @Override
        public String toString() {
            return name;
        }

        boolean inline() {
            return lead() != null;
        }

        String lead() {
            for (String lead : new String[] {LEAD_AR, LEAD_EN, LEAD_FR, SHORT_LEAD_AR}) {
                if (dateline.endsWith(lead)) {
                    return lead;
                }
            }
            return null;
        }
    }

    private static final String LEAD_AR = "بحث الوزير مع نظيره سبل تعزيز التعاون.";
    private static final String SHORT_LEAD_AR = "قال الوزير.";
    private static final String LEAD_EN = "The minister discussed ways to strengthen cooperation.";
    private static final String LEAD_FR = "Le ministre a discuté des moyens de renforcer la coopération.";
    private static final String BODY_AR = "وأضاف أن اللجنة ستعقد اجتماعها المقبل في الربع الأخير من العام.";
    private static final String BODY_EN = "He added that the committee would meet again later in the year.";
    private static final String HEAD_AR = "وزير الخارجية يبحث التعاون مع نظيره";
    private static final String HEAD_EN = "Foreign minister discusses cooperation";

    private static Case ar(String name, String dateline, String place, String agency, LocalDate date) {
        return new Case(name, HEAD_AR, dateline, place, agency, date);
    }

    private static Case en(String name, String dateline, String place, String agency, LocalDate date) {
        return new Case(name, HEAD_EN, dateline, place, agency, date);
    }

    static Stream<Case> cases() {
        LocalDate jun25 = LocalDate.of(2024, 6, 25);
        LocalDate aug10 = LocalDate.of(2015, 8, 10);
        LocalDate sep7 = LocalDate.of(2024, 9, 7);
        return Stream.of(
                // SANA
                ar("SANA alone", "دمشق-سانا", "دمشق", "سانا", null),
                ar("SANA inline", "حمص-سانا " + LEAD_AR, "حمص", "سانا", null),
                ar("SANA with spaces round the dash", "دير الزور - سانا", "دير الزور", "سانا", null),
                ar("SANA in parentheses", "دمشق (سانا) - " + LEAD_AR, "دمشق", "سانا", null),
                ar("SANA, tatweel in place and agency", "دمـشق-سـانا " + LEAD_AR, "دمشق", "سانا", null),
                ar("SANA, place (country)", "بيروت (لبنان)-سانا " + LEAD_AR, "بيروت", "سانا", null),
                en("SANA English, place and agency", "Damascus, SANA – " + LEAD_EN, "Damascus", "SANA", null),
                en(
                        "SANA English, date without year",
                        "DAMASCUS, June 25 (SANA) - " + LEAD_EN,
                        "DAMASCUS",
                        "SANA",
                        null),
                // SPA
                ar(
                        "SPA, zero-padded days in both calendars",
                        "الرياض 04 ربيع الأول 1446 هـ الموافق 07 سبتمبر 2024 م واس",
                        "الرياض",
                        "واس",
                        sep7),
                ar("SPA, Persian digits", "الرياض ۲۵ شوال ۱۴۳۶ هـ الموافق ۱۰ أغسطس ۲۰۱۵ م واس", "الرياض", "واس", aug10),
                ar(
                        "SPA, Gregorian first, glued Arabic-Indic day",
                        "جدة١٠ أغسطس ٢٠١٥م الموافق ٢٥ شوال ١٤٣٦هـ واس",
                        "جدة",
                        "واس",
                        aug10),
                ar(
                        "SPA, hamza-less Hijri month, ha for ta marbuta",
                        "المدينه المنوره 04 ربيع الاول 1446 هـ الموافق 07 سبتمبر 2024 م واس",
                        "المدينه المنوره",
                        "واس",
                        sep7),
                ar(
                        "SPA, dashes between the calendars, agency in parentheses",
                        "مكة المكرمة 25 شوال 1436هـ - 10 أغسطس 2015م (واس)",
                        "مكة المكرمة",
                        "واس",
                        aug10),
                ar(
                        "SPA, dateline opening the lead",
                        "الرياض 04 ربيع الأول 1446 هـ الموافق 07 سبتمبر 2024 م واس " + LEAD_AR,
                        "الرياض",
                        "واس",
                        sep7),
                en(
                        "SPA English",
                        "Riyadh, Rabi Al-Awwal 04, 1446, Sep 07, 2024, SPA -- " + LEAD_EN,
                        "Riyadh",
                        "SPA",
                        sep7),
                // QNA, WAM, BNA, MENA, Oman: "place في date /agency/"
                ar("QNA inline, no year", "الدوحة في 25 يونيو /قنا/ " + LEAD_AR, "الدوحة", "قنا", null),
                ar("QNA with year", "الدوحة في 25 يونيو 2024 /قنا/", "الدوحة", "قنا", jun25),
                ar("QNA, ha for ta marbuta, Indic digits", "الدوحه في ٢٥ يونيه ٢٠٢٤ /قنا/", "الدوحه", "قنا", jun25),
                ar("WAM, spaced slashes", "أبوظبي في 25 يونيو / وام / " + LEAD_AR, "أبوظبي", "وام", null),
                ar("WAM, two-word place, alef maksura", "أبو ظبى في 25 يونيو 2024/ وام/", "أبو ظبى", "وام", jun25),
                ar("WAM, hamza-less place", "ابوظبي في 25 يونيو 2024 / وام / " + LEAD_AR, "ابوظبي", "وام", jun25),
                ar("BNA", "المنامة في 25 يونيو / بنا / " + LEAD_AR, "المنامة", "بنا", null),
                ar("MENA with slashes", "القاهرة في 25 يونيو 2024 /أ ش أ/ " + LEAD_AR, "القاهرة", "أ ش أ", jun25),
                ar("Oman News Agency", "مسقط في 25 يونيو /العُمانية/ " + LEAD_AR, "مسقط", "العُمانية", null),
                ar("Oman News Agency with ha", "مسقط في 25 يونيو 2024 /العمانيه/", "مسقط", "العمانيه", jun25),
                // Petra, KUNA, Xinhua: "place date (agency) -"
                ar("Petra", "عمان 25 حزيران (بترا) - " + LEAD_AR, "عمان", "بترا", null),
                ar(
                        "Petra, Indic digits, tight dash",
                        "عمّان ٢٥ حزيران ٢٠٢٤ (بترا)- " + LEAD_AR,
                        "عمّان",
                        "بترا",
                        jun25),
                ar("Petra, double dash", "إربد 25 حزيران 2024 (بترا) -- " + LEAD_AR, "إربد", "بترا", jun25),
                ar("KUNA", "الكويت - 25 - 6 (كونا) -- " + LEAD_AR, "الكويت", "كونا", null),
                ar("KUNA zero-padded", "الكويت - 05 - 06 (كونا) --", "الكويت", "كونا", null),
                ar("Xinhua Arabic", "بكين 25 يونيو 2024 (شينخوا) -- " + LEAD_AR, "بكين", "شينخوا", jun25),
                // AFP and Reuters in Arabic
                ar("AFP Arabic", "بيروت (أ ف ب) - " + LEAD_AR, "بيروت", "أ ف ب", null),
                ar("AFP Arabic, hamza-less initials", "القدس (ا ف ب) - " + LEAD_AR, "القدس", "ا ف ب", null),
                ar("AFP Arabic, dotted initials, en dash", "باريس (أ.ف.ب) – " + LEAD_AR, "باريس", "أ.ف.ب", null),
                ar(
                        "AFP Arabic, doubled month and year",
                        "بيروت، 25 حزيران/يونيو 2024 (أ ف ب) - " + LEAD_AR,
                        "بيروت",
                        "أ ف ب",
                        jun25),
                ar("AFP Arabic, numeric date", "غزة، 25-6-2024 (أ ف ب) - " + LEAD_AR, "غزة", "أ ف ب", jun25),
                ar("Reuters Arabic", "القاهرة (رويترز) - " + LEAD_AR, "القاهرة", "رويترز", null),
                ar(
                        "Reuters Arabic, place (country) and date",
                        "الخرطوم (السودان) 25 يونيو 2024 (رويترز) - " + LEAD_AR,
                        "الخرطوم",
                        "رويترز",
                        jun25),
                ar("Reuters Arabic, hamza on place", "إسطنبول (رويترز) - " + LEAD_AR, "إسطنبول", "رويترز", null),
                // others
                ar("Anadolu", "أنقرة/ الأناضول", "أنقرة", "الأناضول", null),
                ar("Anadolu, hamza-less", "اسطنبول/ الاناضول", "اسطنبول", "الاناضول", null),
                ar("WAFA with numeric date", "رام الله 25-6-2024 وفا- " + LEAD_AR, "رام الله", "وفا", jun25),
                ar("WAFA, short lead", "رام الله 25-6-2024 وفا- " + SHORT_LEAD_AR, "رام الله", "وفا", jun25),
                ar("Anadolu, reporter between place and agency", "غزة/ محمد ماجد/ الأناضول", "غزة", "الأناضول", null),
                ar("Petra, slashes, no في", "عمان 25 حزيران /بترا/ " + LEAD_AR, "عمان", "بترا", null),
                ar(
                        "Reuters Arabic, both month names without a slash",
                        "دبي 25 يونيو حزيران 2024 (رويترز) - " + LEAD_AR,
                        "دبي",
                        "رويترز",
                        jun25),
                ar("right-to-left mark between place and agency", "دمشق\u200F-سانا " + LEAD_AR, "دمشق", "سانا", null),
                ar("NNA, agency first", "وطنية - صيدا - " + LEAD_AR, "صيدا", "وطنية", null),
                ar("SUNA, numeric date", "الخرطوم 25-6-2024 (سونا) - " + LEAD_AR, "الخرطوم", "سونا", jun25),
                en("SUNA English", "Khartoum, June 25 (SUNA) - " + LEAD_EN, "Khartoum", "SUNA", null),
                // English wire datelines with the agency after a comma (SANA, IRNA, WAFA, MENA English copy)
                en("SANA English, date without year", "Damascus, June 25, SANA - " + LEAD_EN, "Damascus", "SANA", null),
                en("SANA English, en dash", "Damascus, June 25, SANA – " + LEAD_EN, "Damascus", "SANA", null),
                en("SANA English, tight dash", "Aleppo, June 25, SANA- " + LEAD_EN, "Aleppo", "SANA", null),
                en("SANA English, day first", "Damascus, 25 June, SANA - " + LEAD_EN, "Damascus", "SANA", null),
                en("SANA English, underscore", "Hama, June 25, SANA_ " + LEAD_EN, "Hama", "SANA", null),
                en("SANA English, no date, tight dash", "Homs, SANA-" + LEAD_EN, "Homs", "SANA", null),
                en("SANA English, abbreviated month", "Damascus, Jun. 25, SANA - " + LEAD_EN, "Damascus", "SANA", null),
                en("SANA English, weekday", "Damascus, Tuesday, June 25, SANA - " + LEAD_EN, "Damascus", "SANA", null),
                en("SANA English, with year", "Damascus, June 25, 2024, SANA - " + LEAD_EN, "Damascus", "SANA", jun25),
                en("SANA English, numeric date", "Damascus, 25/6/2024, SANA - " + LEAD_EN, "Damascus", "SANA", jun25),
                en("SANA English, loose commas", "Latakia ,June 25 , SANA - " + LEAD_EN, "Latakia", "SANA", null),
                en(
                        "SANA English, two-word place",
                        "Deir Ezzor, June 25, SANA - " + LEAD_EN,
                        "Deir Ezzor",
                        "SANA",
                        null),
                en("SANA English, upper-case place", "DAMASCUS, June 25, SANA - " + LEAD_EN, "DAMASCUS", "SANA", null),
                en("SANA English alone with date", "Damascus, June 25, SANA", "Damascus", "SANA", null),
                en("SANA English alone", "Damascus, SANA", "Damascus", "SANA", null),
                en("SANA English alone with dash", "Damascus, June 25, SANA -", "Damascus", "SANA", null),
                en("IRNA English", "Tehran, June 25, IRNA - " + LEAD_EN, "Tehran", "IRNA", null),
                en("WAFA English", "Ramallah, June 25, WAFA – " + LEAD_EN, "Ramallah", "WAFA", null),
                en("MENA English, comma", "Cairo, 25 June, MENA - " + LEAD_EN, "Cairo", "MENA", null),
                en("MENA English, slashes", "Cairo, June 25 /MENA/ - " + LEAD_EN, "Cairo", "MENA", null),
                en("MENA English, parentheses", "Cairo, 25 June (MENA) - " + LEAD_EN, "Cairo", "MENA", null),
                en("MENA English, parentheses, alone", "Cairo, 25 June (MENA) -", "Cairo", "MENA", null),
                en(
                        "Reuters, upper-case place",
                        "DAMASCUS, June 25 (Reuters) - " + LEAD_EN,
                        "DAMASCUS",
                        "Reuters",
                        null),
                en("Reuters, alone", "DAMASCUS, June 25 (Reuters) -", "DAMASCUS", "Reuters", null),
                en(
                        "Reuters, two-word place, em dash",
                        "NEW YORK, June 25 (Reuters) — " + LEAD_EN,
                        "NEW YORK",
                        "Reuters",
                        null),
                en("AP, em dash", "BEIRUT (AP) — " + LEAD_EN, "BEIRUT", "AP", null),
                en("AP, alone", "BEIRUT (AP) —", "BEIRUT", "AP", null),
                en("AP, two-word place", "UNITED NATIONS (AP) — " + LEAD_EN, "UNITED NATIONS", "AP", null),
                en("AP, place and country", "KYIV, Ukraine (AP) — " + LEAD_EN, "KYIV", "AP", null),
                en("QNA English, title-case place", "Doha, June 25 (QNA) - " + LEAD_EN, "Doha", "QNA", null),
                en("WAFA English, with year", "Gaza, June 25, 2024 (WAFA) – " + LEAD_EN, "Gaza", "WAFA", jun25),
                en("TASS English", "MOSCOW, June 25. /TASS/. " + LEAD_EN, "MOSCOW", "TASS", null),
                en(
                        "Reuters, place, country and date",
                        "AMMAN, Jordan, June 25 (Reuters) - " + LEAD_EN,
                        "AMMAN",
                        "Reuters",
                        null),
                en(
                        "Reuters, place, country and dated year",
                        "AMMAN, Jordan, June 25, 2024 (Reuters) - " + LEAD_EN,
                        "AMMAN",
                        "Reuters",
                        jun25),
                en(
                        "SANA English, comma before parentheses",
                        "Damascus, 25 June 2024, (SANA) - " + LEAD_EN,
                        "Damascus",
                        "SANA",
                        jun25),
                en("Gulf paper, capitals and colon", "RIYADH: " + LEAD_EN, "RIYADH", null, null),
                en("Gulf paper, two-word place and colon", "KUWAIT CITY: " + LEAD_EN, "KUWAIT CITY", null, null),
                ar("Saba", "صنعاء - سبأ", "صنعاء", "سبأ", null),
                ar("MAP", "الرباط - ومع", "الرباط", "ومع", null),
                ar("APS", "الجزائر - واج", "الجزائر", "واج", null),
                // English and French
                en("AFP English", "PARIS (AFP) - " + LEAD_EN, "PARIS", "AFP", null),
                en("KUNA English", "KUWAIT, June 25 (KUNA) -- " + LEAD_EN, "KUWAIT", "KUNA", null),
                en("QNA English with year", "DOHA, June 25, 2024 (QNA) - " + LEAD_EN, "DOHA", "QNA", jun25),
                en("WAM English, ordinal", "ABU DHABI, 25th June, 2024 (WAM) -- " + LEAD_EN, "ABU DHABI", "WAM", jun25),
                en("Petra English", "AMMAN, June 25 (Petra) -- " + LEAD_EN, "AMMAN", "Petra", null),
                en("Reuters English", "LONDON, June 25 (Reuters) - " + LEAD_EN, "LONDON", "Reuters", null),
                new Case(
                        "AFP French, date without year",
                        "Le ministre des affaires étrangères en visite",
                        "BEIRUT, 25 juin (AFP) - " + LEAD_FR,
                        "BEIRUT",
                        "AFP",
                        null),
                new Case(
                        "AFP French, date with year",
                        "Le ministre des affaires étrangères en visite",
                        "Beyrouth, 25 juin 2024 (AFP) - " + LEAD_FR,
                        "Beyrouth",
                        "AFP",
                        jun25),
                new Case(
                        "AFP French, place only",
                        "Le ministre des affaires étrangères en visite",
                        "BEYROUTH (AFP) - " + LEAD_FR,
                        "BEYROUTH",
                        "AFP",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_read_the_dateline_as_the_agency_writes_it(Case c) {
        // given
        boolean arabic = WirePatterns.isMostlyArabic(c.headline());
        String body = arabic ? BODY_AR : BODY_EN;
        String text = c.headline() + "\n" + c.dateline() + "\n" + body + "\n";
        // when
        Article a = ArticleReaders.wireAndJson().readArticle(text.getBytes(StandardCharsets.UTF_8), "agency.txt");
        // then
        assertThat(a.headline()).isEqualTo(c.headline());
        assertThat(a.dateline()).as("dateline").isNotNull();
        assertThat(a.dateline().place()).as("place").isEqualTo(c.place());
        assertThat(a.dateline().agency()).as("agency").isEqualTo(c.agency());
        assertThat(a.published() == null ? null : a.published().day())
                .as("date")
                .isEqualTo(c.date());
        if (c.inline()) {
            assertThat(a.paragraphTexts().get(0)).isEqualTo(c.lead());
        }
        assertThat(a.paragraphTexts().get(a.paragraphTexts().size() - 1)).isEqualTo(body);
    }

    @org.junit.jupiter.api.Test
    void should_keep_the_country_apart_from_the_date_after_the_place() {
        // given
        String text = HEAD_EN + "\nAMMAN, Jordan, June 25, 2024 (Reuters) - " + LEAD_EN + "\n" + BODY_EN + "\n";
        // when
        Article a = ArticleReaders.wireAndJson().readArticle(text.getBytes(StandardCharsets.UTF_8), "amman.txt");
        // then
        assertThat(a.metadata()).containsEntry("datelineExtra", "Jordan");
        assertThat(a.published().raw()).isEqualTo("June 25, 2024");
    }
}

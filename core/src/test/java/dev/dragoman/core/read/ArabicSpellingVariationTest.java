package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wire headers as real Arabic copy spells them: hamza forms, alef maksura and ya, ta marbuta and ha, tatweel inside
 * words and place names, Arabic-Indic and Latin digits, zero-padded days, "place (country)", a place glued to the
 * day number, Hijri and Gregorian dates in either order. Each case is a short story written for the project; the
 * reader must get headline, place, agency and date right, and keep the text's own spelling.
 */
class ArabicSpellingVariationTest {

    record Case(String name, String header, String headline, String place, String agency, LocalDate date) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String BODY = "\nوقال المتحدث إن الاجتماع بحث سبل تعزيز التعاون بين الجانبين.\n"
            + "وأضاف أن اللجنة ستعقد اجتماعها المقبل في الربع الأخير من العام.\n";

    static Stream<Case> cases() {
        LocalDate aug10 = LocalDate.of(2015, 8, 10);
        return Stream.of(
                new Case(
                        "SPA layout, Arabic-Indic digits and tatweel in place, month and Hijri month",
                        "عام / افتتاح معرض الكتاب في الرياض\nالريـاض ٢٥ شـوال ١٤٣٦ هـ المـوافق ١٠ أغسـطس ٢٠١٥ م واس",
                        "افتتاح معرض الكتاب في الرياض",
                        "الرياض",
                        "واس",
                        aug10),
                new Case(
                        "zero-padded days, Latin digits, hamza-less month",
                        "اقتصادي / ارتفاع مؤشر السوق\nالدمام 05 ذو القعدة 1436 هـ الموافق 20 اغسطس 2015 م واس",
                        "ارتفاع مؤشر السوق",
                        "الدمام",
                        "واس",
                        LocalDate.of(2015, 8, 20)),
                new Case(
                        "zero-padded Arabic-Indic day",
                        "محلي / تدشين مشروع للمياه\nتبوك ٠٥ ذو القعدة ١٤٣٦هـ الموافق ٢٠ أغسطس ٢٠١٥م واس",
                        "تدشين مشروع للمياه",
                        "تبوك",
                        "واس",
                        LocalDate.of(2015, 8, 20)),
                new Case(
                        "Gregorian first, Hijri second",
                        "عام / أمانة جدة تطلق حملة نظافة\nجدة 10 أغسطس 2015م الموافق 25 شوال 1436هـ واس",
                        "أمانة جدة تطلق حملة نظافة",
                        "جدة",
                        "واس",
                        aug10),
                new Case(
                        "place glued to the day number",
                        "عام / وصول قافلة إغاثية\nالرياض25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس",
                        "وصول قافلة إغاثية",
                        "الرياض",
                        "واس",
                        aug10),
                new Case(
                        "place glued to an Arabic-Indic day, agency in parentheses",
                        "وصول قافلة إغاثية إلى المدينة\nالقاهرة١٠ أغسطس ٢٠١٥ (أ ش أ)",
                        "وصول قافلة إغاثية إلى المدينة",
                        "القاهرة",
                        "أ ش أ",
                        aug10),
                new Case(
                        "place (country) before the dates",
                        "سياسي / اجتماع وزاري خليجي\nجنيف (سويسرا) 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس",
                        "اجتماع وزاري خليجي",
                        "جنيف",
                        "واس",
                        aug10),
                new Case(
                        "place (country) then agency in parentheses",
                        "اجتماع وزاري عربي في نيويورك\nنيويورك (الولايات المتحدة) 10 أغسطس 2015 (وام) -",
                        "اجتماع وزاري عربي في نيويورك",
                        "نيويورك",
                        "وام",
                        aug10),
                new Case(
                        "place (country) then a dash and the agency",
                        "وفد فلسطيني يزور القاهرة\nغزة (فلسطين) - وفا",
                        "وفد فلسطيني يزور القاهرة",
                        "غزة",
                        "وفا",
                        null),
                new Case(
                        "hamza on the agency and in the place, dotted initials",
                        "مؤتمر للطاقة المتجددة\nالإسكندرية (أ.ش.أ)",
                        "مؤتمر للطاقة المتجددة",
                        "الإسكندرية",
                        "أ.ش.أ",
                        null),
                new Case(
                        "hamza dropped from the agency",
                        "مؤتمر للطاقة المتجددة\nالاسكندرية (ا ش ا)",
                        "مؤتمر للطاقة المتجددة",
                        "الاسكندرية",
                        "ا ش ا",
                        null),
                new Case(
                        "tatweel in the place and agency, Levantine month with madda dropped",
                        "افتتاح مهرجان جرش\nعمّـان 10 اب 2015 (بتـرا) -",
                        "افتتاح مهرجان جرش",
                        "عمّان",
                        "بترا",
                        aug10),
                new Case(
                        "Levantine month with madda",
                        "افتتاح مهرجان جرش\nعمان 10 آب 2015 (بترا)",
                        "افتتاح مهرجان جرش",
                        "عمان",
                        "بترا",
                        aug10),
                new Case(
                        "ta marbuta written as ha, ya for alef maksura in the month",
                        "قطر تستضيف منتدى اقتصاديا\nالدوحه في 25 يونيه 2024 /قنا/",
                        "قطر تستضيف منتدى اقتصاديا",
                        "الدوحه",
                        "قنا",
                        LocalDate.of(2024, 6, 25)),
                new Case(
                        "alef maksura and ya in a place, dash agency",
                        "افتتاح مستشفى جديد\nأبوظبى - وام",
                        "افتتاح مستشفى جديد",
                        "أبوظبى",
                        "وام",
                        null),
                new Case(
                        "Hijri month spelled with ya and hamza-less alef",
                        "عام / تكريم الفائزين بجائزة التميز\nالرياض 12 جمادي الاولي 1437 هـ الموافق 21 فبراير 2016 م واس",
                        "تكريم الفائزين بجائزة التميز",
                        "الرياض",
                        "واس",
                        LocalDate.of(2016, 2, 21)),
                new Case(
                        "Hijri only, written with alef maksura and hamza, Arabic-Indic digits",
                        "عام / بدء التسجيل في الجامعة\nمكة المكرمة ١٢ جمادى الأولى ١٤٣٧ هـ واس",
                        "بدء التسجيل في الجامعة",
                        "مكة المكرمة",
                        "واس",
                        LocalDate.of(2016, 2, 21)),
                new Case(
                        "agency in parentheses after the SPA dates",
                        "عام / انطلاق مهرجان الصيف\nأبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م (واس)",
                        "انطلاق مهرجان الصيف",
                        "أبها",
                        "واس",
                        aug10),
                new Case(
                        "Kuwaiti layout with dashes and a zero-padded numeric date",
                        "الكويت تستضيف مؤتمرا للمانحين\nالكويت - 05 - 8 (كونا) --",
                        "الكويت تستضيف مؤتمرا للمانحين",
                        "الكويت",
                        "كونا",
                        null),
                new Case(
                        "publication date line with hamza-less label and Arabic-Indic digits",
                        "وزير الخارجية يلتقي نظيره الروسي\nتاريخ النشر: الاثنين ١٠ آب ٢٠١٥\nموسكو-سانا",
                        "وزير الخارجية يلتقي نظيره الروسي",
                        "موسكو",
                        "سانا",
                        aug10),
                new Case(
                        "publication date line with tatweel, Gregorian after Hijri on the same line",
                        "وزير الخارجية يلتقي نظيره الروسي\nنُشر في: 25 شـوال 1436 هـ - 10 أغسطس 2015 م\nدمشق-سانا",
                        "وزير الخارجية يلتقي نظيره الروسي",
                        "دمشق",
                        "سانا",
                        aug10),
                new Case(
                        "inline dateline with tatweel and glued day, then the lead",
                        "رئيس الوزراء يتفقد مشروعات الإسكان\nالقاهـرة٢٥ يونيو ٢٠٢٤ (أ ش أ) - تفقد رئيس الوزراء اليوم مشروعات الإسكان.",
                        "رئيس الوزراء يتفقد مشروعات الإسكان",
                        "القاهرة",
                        "أ ش أ",
                        LocalDate.of(2024, 6, 25)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_read_headline_place_agency_and_date_through_spelling_variation(Case c) {
        // given
        byte[] text = (c.header() + BODY).getBytes(StandardCharsets.UTF_8);
        // when
        Article a = ArticleReaders.wireAndJson().readArticle(text, "variation.txt");
        // then
        assertThat(a.headline()).isEqualTo(c.headline());
        assertThat(a.dateline()).isNotNull();
        assertThat(a.dateline().place()).isEqualTo(c.place());
        assertThat(a.dateline().agency()).isEqualTo(c.agency());
        if (c.date() != null) {
            assertThat(a.published()).isNotNull();
            assertThat(a.published().day()).isEqualTo(c.date());
        }
        assertThat(a.paragraphTexts().get(a.paragraphTexts().size() - 1)).startsWith("وأضاف أن اللجنة");
    }
}

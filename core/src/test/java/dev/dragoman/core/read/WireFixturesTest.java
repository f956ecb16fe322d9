package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire-copy variants of other agencies and languages, one fixture each (written for the project, under
 * {@code src/test/resources/fixtures/wire/}). Every expected field is listed; null means "must be absent".
 */
class WireFixturesTest {

    record Expect(
            String file,
            String language,
            String headline,
            String publishedRaw,
            Object published,
            String place,
            String agency,
            List<String> firstWords,
            String source,
            List<String> related,
            Map<String, String> metadata,
            List<String> unclassified) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expect> fixtures() {
        return Stream.of(
                new Expect(
                        "ar-sana-read-also-no-hamza.ar.txt",
                        "ar",
                        "وزير الخارجية يبحث مع نظيره العراقي تعزيز التعاون الثنائي",
                        "3rd, March 2024 GMT",
                        LocalDate.of(2024, 3, 3),
                        "دمشق",
                        "سانا",
                        List.of("بحث", "وأكد", "وتناول"),
                        "الوكالة العربية السورية للأنباء",
                        List.of("افتتاح معرض الكتاب في دمشق بمشاركة مئة دار نشر"),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-mena-standalone-dateline.ar.txt",
                        "ar",
                        "مصر تستضيف اجتماعا إقليميا حول الأمن المائي",
                        "25 يونيو 2024",
                        LocalDate.of(2024, 6, 25),
                        "القاهرة",
                        "أ ش أ",
                        List.of("تستضيف", "وقال"),
                        "وكالة أنباء الشرق الأوسط",
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-mena-inline-dateline.ar.txt",
                        "ar",
                        "رئيس الوزراء يتفقد مشروعات الإسكان الجديدة",
                        null,
                        null,
                        "القاهرة",
                        "أ ش أ",
                        List.of("تفقد", "واستمع"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-levantine-indic-digits.ar.txt",
                        "ar",
                        "افتتاح مهرجان الفنون الشعبية في حلب",
                        "٢٥ حزيران ٢٠٢٤",
                        LocalDate.of(2024, 6, 25),
                        "حلب",
                        "سانا",
                        List.of("انطلقت", "ويتضمن"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-sana-inline-dash.ar.txt",
                        "ar",
                        "وصول قافلة مساعدات إلى ريف دير الزور",
                        null,
                        null,
                        "دير الزور",
                        "سانا",
                        List.of("وصلت", "وتضم"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-spa-standard.ar.txt",
                        "ar",
                        "ارتفاع الصادرات غير النفطية خلال الربع الثاني",
                        "19 ذو الحجة 1445 هـ الموافق 25 يونيو 2024 م",
                        LocalDate.of(2024, 6, 25),
                        "الرياض",
                        "واس",
                        List.of("أعلنت", "وأوضحت"),
                        null,
                        List.of(),
                        Map.of("desk", "اقتصادي", "endMarker", "// انتهى //", "transmissionTime", "14:05 ت م"),
                        List.of()),
                new Expect(
                        "ar-spa-continuation-headline.ar.txt",
                        "ar",
                        "مجلس الوزراء يوافق على عدد من الأنظمة",
                        null,
                        null,
                        null,
                        null,
                        List.of("كما", "وقرر"),
                        null,
                        List.of(),
                        Map.of(
                                "desk",
                                "عام",
                                "continuation",
                                "إضافة أولى",
                                "continues",
                                "// يتبع //",
                                "transmissionTime",
                                "15:40 ت م"),
                        List.of()),
                new Expect(
                        "ar-spa-continuation-line.ar.txt",
                        "ar",
                        "مجلس الوزراء يوافق على عدد من الأنظمة",
                        null,
                        null,
                        null,
                        null,
                        List.of("1", "2"),
                        null,
                        List.of(),
                        Map.of(
                                "desk",
                                "عام",
                                "continuation",
                                "إضافة ثانية وأخيرة",
                                "endMarker",
                                "// انتهى //",
                                "transmissionTime",
                                "16:10 ت م"),
                        List.of()),
                new Expect(
                        "ar-qna-slash-inline.ar.txt",
                        "ar",
                        "قطر تشارك في اجتماع وزراء الطاقة العرب",
                        "25 يونيو",
                        "unparsed",
                        "الدوحة",
                        "قنا",
                        List.of("شاركت", "وناقش"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-anadolu-slash.ar.txt",
                        "ar",
                        "تركيا تعلن عن حزمة دعم للمزارعين",
                        null,
                        null,
                        "أنقرة",
                        "الأناضول",
                        List.of("أعلنت", "وقال"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-two-read-also-blocks.ar.txt",
                        "ar",
                        "وزير الصحة يفتتح مستشفى جديدا في حمص",
                        "2024-06-25",
                        LocalDate.of(2024, 6, 25),
                        "حمص",
                        "سانا",
                        List.of("افتتح", "وأكد"),
                        null,
                        List.of("حملة وطنية للتلقيح ضد شلل الأطفال", "افتتاح مركز لغسيل الكلى في طرطوس"),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-read-also-headline-list.ar.txt",
                        "ar",
                        "ارتفاع أسعار الذهب في السوق المحلية",
                        "25/06/2024",
                        LocalDate.of(2024, 6, 25),
                        "عمان",
                        "بترا",
                        List.of("ارتفعت", "وقال"),
                        null,
                        List.of(
                                "انخفاض أسعار النفط عالميا",
                                "البنك المركزي يثبت أسعار الفائدة",
                                "ارتفاع الصادرات الوطنية بنسبة خمسة بالمئة"),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-hijri-only.ar.txt",
                        "ar",
                        "بدء توافد الحجاج إلى مشعر منى",
                        "8 ذو الحجة 1445 هـ",
                        LocalDate.of(2024, 6, 14),
                        "مكة المكرمة",
                        "واس",
                        List.of("بدأت"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-byline-source-label-next-line.ar.txt",
                        "ar",
                        "خبراء: الاقتصاد العالمي يواجه تحديات متزايدة",
                        "25 حزيران 2024",
                        LocalDate.of(2024, 6, 25),
                        "بيروت",
                        "وكالات",
                        List.of("حذر", "وأشاروا"),
                        "وكالات",
                        List.of(),
                        Map.of("byline", "بقلم: محمد العلي"),
                        List.of()),
                new Expect(
                        "ar-wam-slash-date.ar.txt",
                        "ar",
                        "الإمارات تطلق مبادرة لدعم رواد الأعمال",
                        "25 يونيو",
                        "unparsed",
                        "أبوظبي",
                        "وام",
                        List.of("أطلقت", "وتوفر"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "en-reuters-inline.en.txt",
                        "en",
                        "Egypt's central bank holds interest rates steady",
                        "June 25, 2024 10:30 GMT",
                        Instant.parse("2024-06-25T10:30:00Z"),
                        "CAIRO",
                        "Reuters",
                        List.of("Egypt's", "The", "Annual"),
                        null,
                        List.of(),
                        Map.of("credits", "(Reporting by Jane Doe; Editing by John Smith)"),
                        List.of()),
                new Expect(
                        "en-afp-inline-read-more.en.txt",
                        "en",
                        "French president calls for calm after protests",
                        null,
                        null,
                        "PARIS",
                        "AFP",
                        List.of("The", "Police", "The"),
                        null,
                        List.of("Protests spread to Lyon and Marseille"),
                        Map.of(),
                        List.of()),
                new Expect(
                        "en-rfc1123-ap-block.en.txt",
                        "en",
                        "Senate passes infrastructure bill",
                        "Tue, 25 Jun 2024 14:45:00 GMT",
                        Instant.parse("2024-06-25T14:45:00Z"),
                        "WASHINGTON",
                        "AP",
                        List.of("The", "The"),
                        "Associated Press",
                        List.of("House leaders set vote for next week"),
                        Map.of(),
                        List.of()),
                new Expect(
                        "en-iso-instant-related.en.txt",
                        "en",
                        "Kuwait signs energy deal with Japan",
                        "2024-06-25T10:30:00+03:00",
                        Instant.parse("2024-06-25T07:30:00Z"),
                        "KUWAIT",
                        "KUNA",
                        List.of("Kuwait", "The"),
                        null,
                        List.of("Kuwait oil output steady in May"),
                        Map.of(),
                        List.of()),
                new Expect(
                        "en-wrapped-paragraphs.en.txt",
                        "en",
                        "Rains bring relief to drought-hit farmers",
                        "25 June 2024",
                        LocalDate.of(2024, 6, 25),
                        "NAIROBI",
                        "Reuters",
                        List.of("Heavy", "The", "Aid"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "en-relative-date.en.txt",
                        "en",
                        "Markets open higher",
                        "today",
                        "unparsed",
                        "LONDON",
                        "Reuters",
                        List.of("European", "Investors"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "en-ends-trailer.en.txt",
                        "en",
                        "Xinhua: China launches new weather satellite",
                        "June 25",
                        "unparsed",
                        "BEIJING",
                        "Xinhua",
                        List.of("China", "The"),
                        null,
                        List.of(),
                        Map.of("endMarker", "ENDS"),
                        List.of("Editor's note: photo available")),
                new Expect(
                        "fr-afp-lire-aussi.fr.txt",
                        "fr",
                        "Le gouvernement présente son plan pour l'hôpital",
                        "25 juin 2024",
                        LocalDate.of(2024, 6, 25),
                        "PARIS",
                        "AFP",
                        List.of("Le", "Le"),
                        "AFP",
                        List.of("Les urgences sous tension pendant l'été"),
                        Map.of(),
                        List.of()),
                new Expect(
                        "fr-inline-dateline-a-lire-aussi.fr.txt",
                        "fr",
                        "Sécheresse : des restrictions d'eau dans vingt départements",
                        "25 juin 2024",
                        LocalDate.of(2024, 6, 25),
                        "Paris",
                        "AFP",
                        List.of("Des", "Les"),
                        null,
                        List.of("La canicule attendue dès jeudi"),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-kuna-dash-date.ar.txt",
                        "ar",
                        "الكويت تدين الهجوم الإرهابي",
                        "25 - 6",
                        "unparsed",
                        "الكويت",
                        "كونا",
                        List.of("أعربت", "وأكدت"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "ar-sabq-agency-place.ar.txt",
                        "ar",
                        "إطلاق خدمة إلكترونية جديدة لتجديد الهوية",
                        null,
                        null,
                        "الرياض",
                        "سبق",
                        List.of("أطلقت", "وأوضحت"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "en-spa-english-dateline.en.txt",
                        "en",
                        "Crown Prince receives the Prime Minister of Malaysia",
                        "Shawwal 25, 1436, Aug 10, 2015",
                        LocalDate.of(2015, 8, 10),
                        "Riyadh",
                        "SPA",
                        List.of("The", "During"),
                        null,
                        List.of(),
                        Map.of("desk", "General", "signoff", "--SPA"),
                        List.of()),
                new Expect(
                        "en-flash-agency-only.en.txt",
                        "en",
                        "Oil jumps after supply outage",
                        null,
                        null,
                        null,
                        "Reuters",
                        List.of("Oil", "Brent"),
                        null,
                        List.of(),
                        Map.of("flash", "URGENT"),
                        List.of("=====", "* * *")),
                new Expect(
                        "ar-spa-nisba-desk-fi.ar.txt",
                        "ar",
                        "انطلاق موسم حصاد القمح في منطقة الجوف",
                        "25 شوال 1436 هـ الموافق 10 اغسطس 2015 م",
                        LocalDate.of(2015, 8, 10),
                        "سكاكا",
                        "واس",
                        List.of("انطلق"),
                        null,
                        List.of(),
                        Map.of("desk", "زراعي", "transmissionTime", "09:15 ت م"),
                        List.of()),
                new Expect(
                        "ar-midstory-links-region-dateline.ar.txt",
                        "ar",
                        "الحكومة تعلن خطة لتطوير النقل العام في العاصمة",
                        null,
                        null,
                        "دبي",
                        "CNN",
                        List.of("أعلنت", "وقال", "وأضاف", "وأشار", "كما"),
                        null,
                        List.of(
                                "افتتاح أول خط للقطار الكهربائي في المنطقة",
                                "ارتفاع عدد ركاب المترو بنسبة عشرين بالمئة"),
                        Map.of("datelineExtra", "الإمارات العربية المتحدة"),
                        List.of("اقرأ أيضا:")),
                new Expect(
                        "ar-place-date-no-agency-bare-date.ar.txt",
                        "ar",
                        "أمير المنطقة يدشن مشروعات تنموية جديدة",
                        "25 شوال 1436 هـ الموافق 10 اغسطس 2015م",
                        LocalDate.of(2015, 8, 10),
                        "الرياض",
                        null,
                        List.of("دشن", "وأكد"),
                        null,
                        List.of(),
                        Map.of(),
                        List.of()),
                new Expect(
                        "en-bare-date-line.en.txt",
                        "en",
                        "Ministers agree on a regional water plan",
                        "Tuesday, 25 June 2024",
                        LocalDate.of(2024, 6, 25),
                        "AMMAN",
                        "Reuters",
                        List.of("Water", "The"),
                        null,
                        List.of(),
                        Map.of("byline", "By Sarah Khan", "datelineDate", "June 25"),
                        List.of()),
                new Expect(
                        "ar-trailer-signoffs.ar.txt",
                        "ar",
                        "الأردن يستضيف مؤتمرا دوليا للمياه",
                        "25 حزيران",
                        "unparsed",
                        "عمان",
                        "بترا",
                        List.of("تستضيف", "وقال"),
                        null,
                        List.of(),
                        Map.of("signoff", "--(بترا) م ح/ع ع"),
                        List.of()),
                new Expect(
                        "ar-kuna-nihaya.ar.txt",
                        "ar",
                        "الكويت تستضيف اجتماعا خليجيا",
                        "25 - 6",
                        "unparsed",
                        "الكويت",
                        "كونا",
                        List.of("تستضيف"),
                        null,
                        List.of(),
                        Map.of("endMarker", "(النهاية)"),
                        List.of("ع ع ر / ع م ع")),
                new Expect(
                        "en-afp-slug.en.txt",
                        "en",
                        "Floods kill dozens in southern China",
                        null,
                        null,
                        "BEIJING",
                        "AFP",
                        List.of("Floods", "Rescue"),
                        null,
                        List.of(),
                        Map.of("signoff", "sst/jm"),
                        List.of()),
                new Expect(
                        "en-labelled-header.en.txt",
                        "en",
                        "Leaders pledge aid at Gulf summit",
                        "25/06/2024",
                        LocalDate.of(2024, 6, 25),
                        "RIYADH",
                        "SPA",
                        List.of("Gulf", "The"),
                        null,
                        List.of(),
                        Map.of(
                                "storyId",
                                "20240625-0042",
                                "slug",
                                "MIDEAST-SUMMIT",
                                "section",
                                "Politics",
                                "keywords",
                                "Gulf, summit, aid"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void should_read_every_field_of_the_fixture(Expect e) throws IOException {
        // given
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/wire/" + e.file())) {
            assertThat(in).as(e.file()).isNotNull();
            bytes = in.readAllBytes();
        }
        // when
        Article a = ArticleReaders.standard().readArticle(bytes, e.file());
        // then
        assertThat(a.language()).isEqualTo(Language.of(e.language()));
        assertThat(a.headline()).isEqualTo(e.headline());
        if (e.publishedRaw() == null) {
            assertThat(a.published()).isNull();
        } else {
            assertThat(a.published().raw()).isEqualTo(e.publishedRaw());
            if (e.published() instanceof LocalDate date) {
                assertThat(a.published().date()).isEqualTo(date);
                assertThat(a.published().instant()).isNull();
            } else if (e.published() instanceof Instant instant) {
                assertThat(a.published().instant()).isEqualTo(instant);
            } else {
                assertThat(a.published().date()).as("no date may be invented").isNull();
                assertThat(a.published().instant()).isNull();
            }
        }
        if (e.place() == null && e.agency() == null) {
            assertThat(a.dateline()).isNull();
        } else {
            assertThat(a.dateline().place()).isEqualTo(e.place());
            assertThat(a.dateline().agency()).isEqualTo(e.agency());
        }
        assertThat(a.paragraphTexts()).hasSize(e.firstWords().size());
        for (int i = 0; i < e.firstWords().size(); i++) {
            assertThat(a.paragraphTexts().get(i)).startsWith(e.firstWords().get(i) + " ");
        }
        assertThat(a.source()).isEqualTo(e.source());
        assertThat(a.related()).extracting(Article::headline).containsExactlyElementsOf(e.related());
        for (Article related : a.related()) {
            assertThat(a.bodyText()).doesNotContain(related.headline());
            for (String p : related.paragraphTexts()) {
                assertThat(a.bodyText()).doesNotContain(p);
            }
        }
        assertThat(a.metadata()).containsAllEntriesOf(e.metadata());
        assertThat(a.unclassified()).containsExactlyElementsOf(e.unclassified());
    }
}

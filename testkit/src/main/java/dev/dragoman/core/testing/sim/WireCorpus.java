package dev.dragoman.core.testing.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates Arabic wire stories in the seed's layout (headline, "تاريخ النشر:" date line, "PLACE-سانا" dateline,
 * paragraphs, "المصدر:" source line) for fault tests and benchmarks. Seeded, so a corpus repeats. Every headline
 * and paragraph carries the article's number (in Arabic-Indic digits), so no two articles share a body segment and
 * per-segment request counts are exact; the dateline place and agency are shared, as in real wire copy.
 */
public final class WireCorpus {

    /**
     * One generated story: a file name, the parts the wire reader should find in it (headline, body paragraphs, the
     * dateline's place, the source line's agency; its dateline agency is always سانا) and its wire text.
     */
    public record Item(
            String name, String headline, List<String> paragraphs, String place, String source, String wireText) {
        public Item {
            paragraphs = List.copyOf(paragraphs);
        }

        /** The headline and paragraphs: the segments unique to this article. */
        public List<String> uniqueSegments() {
            List<String> out = new ArrayList<>();
            out.add(headline);
            out.addAll(paragraphs);
            return out;
        }
    }

    private static final String[] PLACES = {"موسكو", "دمشق", "القاهرة", "بيروت", "بغداد", "عمان", "الرياض", "تونس"};
    private static final String[] SUBJECTS = {
        "وزير الخارجية",
        "رئيس الوزراء",
        "المتحدث باسم الحكومة",
        "وزير الاقتصاد",
        "محافظ البنك المركزي",
        "رئيس البرلمان",
        "وزير الصحة",
        "مندوب البلاد لدى الأمم المتحدة"
    };
    private static final String[] VERBS = {"أكد", "أعلن", "أوضح", "بحث", "ناقش", "أشار إلى", "شدد على", "دعا إلى"};
    private static final String[] OBJECTS = {
        "أهمية تعزيز التعاون الاقتصادي بين البلدين", "ضرورة وقف إطلاق النار في المنطقة",
        "تطوير العلاقات الثنائية في مختلف المجالات", "دعم المشاريع الزراعية والصناعية",
        "مواصلة العمل المشترك لمواجهة التحديات الإقليمية", "توسيع الاستثمارات في قطاع الطاقة",
        "تحسين الخدمات الصحية في المناطق الريفية", "إطلاق برنامج جديد لدعم الشباب"
    };
    private static final String[] EVENTS = {
        "لقائه نظيره", "اجتماع اللجنة المشتركة", "مؤتمر صحفي", "اتصال هاتفي", "جلسة مجلس الوزراء", "زيارة رسمية"
    };
    private static final String[] TAILS = {
        "وأضاف أن المرحلة المقبلة ستشهد خطوات عملية لتنفيذ ما تم الاتفاق عليه",
        "مبيناً أن الجانبين اتفقا على عقد اجتماع جديد خلال الأشهر المقبلة",
        "ولفت إلى أن الحكومة ستعمل على متابعة تنفيذ هذه القرارات بشكل دوري",
        "معرباً عن أمله في أن تسهم هذه الجهود في تحقيق الاستقرار"
    };

    private WireCorpus() {}

    /** {@code count} stories from {@code seed}; the same arguments give the same stories. */
    public static List<Item> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Item> items = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            items.add(story(i, random.split()));
        }
        return items;
    }

    private static Item story(int n, SplittableRandom random) {
        String number = arabicIndic(n);
        String place = pick(PLACES, random);
        String headline = pick(SUBJECTS, random) + " " + pick(VERBS, random) + " " + pick(OBJECTS, random)
                + " في البيان رقم " + number;
        int paragraphs = 3 + random.nextInt(3);
        List<String> body = new ArrayList<>();
        for (int p = 1; p <= paragraphs; p++) {
            body.add(pick(VERBS, random) + " " + pick(SUBJECTS, random) + " " + pick(OBJECTS, random)
                    + "، وذلك خلال " + pick(EVENTS, random) + " في " + place + " اليوم، " + pick(TAILS, random)
                    + " (البيان " + number + "، الفقرة " + arabicIndic(p) + ").");
        }
        LocalDate date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(360));
        String dateLine = "تاريخ النشر: " + ordinal(date.getDayOfMonth()) + ", "
                + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + " " + date.getYear() + " GMT";
        String source = "الوكالة العربية السورية للأنباء";
        StringBuilder wire = new StringBuilder();
        wire.append(headline)
                .append('\n')
                .append(dateLine)
                .append('\n')
                .append(place)
                .append("-سانا\n");
        body.forEach(b -> wire.append(b).append('\n'));
        wire.append("المصدر: ").append(source).append('\n');
        return new Item(String.format(Locale.ROOT, "story-%05d", n), headline, body, place, source, wire.toString());
    }

    /** Writes each story as {@code NAME.ar.txt} (wire text, UTF-8) under {@code dir}; returns the paths. */
    public static List<Path> writeWire(List<Item> items, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> paths = new ArrayList<>();
            for (Item item : items) {
                paths.add(Files.writeString(
                        dir.resolve(item.name() + ".ar.txt"), item.wireText(), StandardCharsets.UTF_8));
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    private static String ordinal(int day) {
        String suffix = (day % 100 >= 11 && day % 100 <= 13)
                ? "th"
                : switch (day % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return day + suffix;
    }

    private static String arabicIndic(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            out.append((char) ('\u0660' + (c - '0')));
        }
        return out.toString();
    }
}

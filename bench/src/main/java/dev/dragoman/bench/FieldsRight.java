package dev.dragoman.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.read.ArticleReaders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Headline, date, place and agency right, story by story, against an expected reading: for the SPA wire copy a
 * hand-checked table shipped as {@code spa-wire-gold.tsv} (facts only: place, agency, Gregorian date; the headline
 * is the copy's first line without its desk and continuation tag); for ANT Arabic and BBC English the data set's
 * title is the headline, and CNN Arabic's convention "PLACE، REGION (CNN)--" gives place and agency (every other
 * article must come out with no dateline and no date, since none is printed). "Right" includes "none, correctly".
 */
final class FieldsRight {

    private FieldsRight() {}

    private record Expected(String id, byte[] bytes, String headline, String place, String agency, LocalDate date) {}

    private record Tally(
            String label, int n, int headline, int date, int place, int agency, int all, List<String> misses) {}

    static String section(Path data, ArticleReaders readers) throws IOException {
        StringBuilder out = new StringBuilder("\n### Headline, date, place and agency right (goal ≥ 98 %)\n\n");
        out.append(
                "| set | stories | headline | date | place | agency | all four right |\n|---|---|---|---|---|---|---|\n");
        List<Tally> tallies = new ArrayList<>();
        Path spaDir = data.resolve("wire/spa");
        if (Files.isDirectory(spaDir)) {
            List<Expected> spa = spa(spaDir);
            tallies.add(tally("SPA wire (hand-checked reading)", readers, spa));
            tallies.add(tally(
                    "SPA wire respelled (Indic digits, tatweel, hamza, glued day, dates swapped)",
                    readers,
                    spa.stream().map(FieldsRight::respell).toList()));
            tallies.add(tally(
                    "SPA stories in other agencies' layouts (SANA, QNA, WAM, Petra, KUNA, AFP, Reuters, MENA, WAFA,"
                            + " Anadolu, Xinhua, Oman; spelling varied)",
                    readers,
                    java.util.stream.IntStream.range(0, spa.size())
                            .mapToObj(i -> otherAgency(spa.get(i), i))
                            .toList()));
        }
        Path ant = data.resolve("eval/ant-arabic-standfirst.dev.jsonl");
        if (Files.isRegularFile(ant)) {
            List<Expected> all = jsonl(ant);
            tallies.add(tally(
                    "ANT CNN Arabic",
                    readers,
                    all.stream().filter(e -> e.id().startsWith("CN")).toList()));
            tallies.add(tally(
                    "ANT BBC Arabic",
                    readers,
                    all.stream().filter(e -> !e.id().startsWith("CN")).toList()));
        }
        Path bbc = data.resolve("eval/bbc-news-summary-en.dev.jsonl");
        if (Files.isRegularFile(bbc)) {
            tallies.add(tally("BBC English", readers, jsonl(bbc)));
        }
        int n = 0;
        int all = 0;
        for (Tally t : tallies) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s | %s | **%s** |%n",
                    t.label(),
                    t.n(),
                    pct(t.headline(), t.n()),
                    pct(t.date(), t.n()),
                    pct(t.place(), t.n()),
                    pct(t.agency(), t.n()),
                    pct(t.all(), t.n())));
            n += t.n();
            all += t.all();
        }
        out.append(String.format(Locale.ROOT, "| all | %d | | | | | **%s** |%n", n, pct(all, n)));
        for (Tally t : tallies) {
            for (String miss : t.misses()) {
                out.append("\n- miss, ").append(t.label()).append(": ").append(miss);
            }
        }
        return out.append('\n').toString();
    }

    private static String pct(int k, int n) {
        return String.format(Locale.ROOT, "%d/%d (%.1f %%)", k, n, 100.0 * k / Math.max(1, n));
    }

    private static List<Expected> spa(Path dir) throws IOException {
        List<Expected> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(FieldsRight.class.getResourceAsStream("spa-wire-gold.tsv")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                Path file = dir.resolve(f[0] + ".ar.txt");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                String first = new String(bytes, StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .orElse("");
                String headline = first.replaceFirst("^\\S+\\s*/\\s*", "")
                        .replaceFirst("\\s*/\\s*إضافة.*$", "")
                        .strip();
                out.add(new Expected(
                        f[0],
                        bytes,
                        headline,
                        dash(f[1]),
                        dash(f[2]),
                        f[3].equals("-") ? null : LocalDate.parse(f[3])));
            }
        }
        return out;
    }

    /**
     * The same story with its dateline respelled the ways other copy spells it, by story number: Arabic-Indic
     * digits, tatweel in the place, hamza dropped or added on alef, the place glued to the day, Gregorian before
     * Hijri, the agency in parentheses. The expected reading does not change.
     */
    private static Expected respell(Expected e) {
        String text = new String(e.bytes(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (lines.size() < 2 || e.place() == null) {
            return e;
        }
        String d = lines.get(1);
        int k = Math.floorMod(e.id().hashCode(), 6);
        d = switch (k) {
            case 0 -> indic(d);
            case 1 -> d.replaceFirst("^(\\S)(\\S)", "$1\u0640$2").replace("أغسطس", "اغسطس");
            case 2 -> d.replaceFirst("^(\\D+?) (\\d)", "$1$2").replace("اغسطس", "أغسطس");
            case 3 ->
                d.replaceFirst(
                        "^(\\D+?) (\\d+ \\S+ \\d+ ?هـ?) الموافق (\\d+ \\S+ \\d+ ?م?) واس$", "$1 $3 الموافق $2 واس");
            case 4 -> d.replaceFirst(" واس$", " (واس)").replace("شوال", "شـوال");
            default -> indic(d).replaceFirst("^(\\D+?) (\\S)", "$1 0$2").replaceFirst("^(\\D+?) 0(\\S\\S)", "$1 $2");
        };
        lines.set(1, d);
        return new Expected(
                e.id() + "-respelled",
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                e.headline(),
                e.place(),
                e.agency(),
                e.date());
    }

    private static final String[] EGYPTIAN_MONTHS = {
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"
    };
    private static final String[] LEVANTINE_MONTHS = {
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول"
    };

    /**
     * The same story with its dateline rewritten the way another agency prints one (one layout per story, in turn), alone on its line or opening the first paragraph, with the spelling variation such copy shows
     * (tatweel, hamza dropped, Arabic-Indic and Persian digits, zero-padded days, a bidi mark, a place glued to its
     * day). The date is expected only where the layout prints a year; place and agency as printed.
     */
    private static Expected otherAgency(Expected e, int index) {
        String text = new String(e.bytes(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (lines.size() < 3 || e.place() == null || e.date() == null) {
            return e;
        }
        String p = e.place();
        LocalDate d = e.date();
        String day = String.valueOf(d.getDayOfMonth());
        String day0 = String.format(Locale.ROOT, "%02d", d.getDayOfMonth());
        String year = String.valueOf(d.getYear());
        String eg = EGYPTIAN_MONTHS[d.getMonthValue() - 1];
        String lev = LEVANTINE_MONTHS[d.getMonthValue() - 1];
        int k = index % 16;
        // dateline, place and agency as printed, whether a year is printed, whether it opens the lead
        String line;
        String place = p;
        String agency;
        boolean dated = true;
        boolean inline = true;
        switch (k) {
            case 0 -> {
                line = p + "-سانا";
                agency = "سانا";
                dated = false;
                inline = false;
            }
            case 1 -> {
                line = p + " في " + day + " " + eg + " " + year + " /قنا/";
                agency = "قنا";
            }
            case 2 -> {
                line = p + " في " + indic(day0) + " " + eg + " " + indic(year) + " / وام /";
                agency = "وام";
            }
            case 3 -> {
                line = p + " " + day + " " + lev + " " + year + " (بترا) -";
                agency = "بترا";
            }
            case 4 -> {
                line = p + " - " + day0 + " - " + d.getMonthValue() + " (كونا) --";
                agency = "كونا";
                dated = false;
            }
            case 5 -> {
                line = p + "، " + day + " " + lev + "/" + eg + " " + year + " (ا ف ب) -";
                agency = "ا ف ب";
            }
            case 6 -> {
                line = p + " (رويترز) -";
                agency = "رويترز";
                dated = false;
            }
            case 7 -> {
                line = p + "/ الأناضول";
                agency = "الأناضول";
                dated = false;
                inline = false;
            }
            case 8 -> {
                line = p + " في " + persian(day) + " " + eg + " " + persian(year) + " /أ ش أ/";
                agency = "أ ش أ";
            }
            case 9 -> {
                line = p + " " + day + "-" + d.getMonthValue() + "-" + year + " وفا-";
                agency = "وفا";
            }
            case 10 -> {
                line = p.charAt(0) + "\u0640" + p.substring(1) + " (سانا) -";
                agency = "سانا";
                dated = false;
            }
            case 11 -> {
                line = p + day + " " + eg.replace('أ', 'ا') + " " + year + " (شينخوا) --";
                agency = "شينخوا";
            }
            case 12 -> {
                line = p + " " + day + " " + eg + " " + lev + " " + year + " (رويترز) -";
                agency = "رويترز";
            }
            case 13 -> {
                place = p.replace('أ', 'ا').replace('إ', 'ا').replace('ة', 'ه');
                line = place + " في " + day + " " + eg.replace('أ', 'ا') + " " + year + " /قنا/";
                agency = "قنا";
            }
            case 14 -> {
                line = p + "\u200F-سانا";
                agency = "سانا";
                dated = false;
            }
            default -> {
                line = p + " في " + day + " " + eg + " /العمانية/";
                agency = "العمانية";
                dated = false;
            }
        }
        if (inline) {
            lines.set(2, line + " " + lines.get(2));
            lines.remove(1);
        } else {
            lines.set(1, line);
        }
        return new Expected(
                e.id() + "-" + k,
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                e.headline(),
                place,
                agency,
                dated ? d : null);
    }

    private static String persian(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + (c - '0')) : c);
        }
        return b.toString();
    }

    private static String indic(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('\u0660' + (c - '0')) : c);
        }
        return b.toString();
    }

    private static String dash(String s) {
        return s.equals("-") ? null : s;
    }

    private static List<Expected> jsonl(Path file) throws IOException {
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode j = Json.mapper().readTree(line);
            String title = j.get("title").asText().strip();
            String text = j.get("text").asText();
            String first = text.lines().findFirst().orElse("");
            int cnn = first.indexOf("(CNN)");
            String place = null;
            String agency = null;
            if (cnn >= 0 && cnn < 70) {
                String head = first.substring(0, cnn);
                int comma = head.indexOf('،');
                place = (comma > 0 ? head.substring(0, comma) : head).strip();
                place = place.isEmpty() ? null : place;
                agency = "CNN";
            }
            out.add(new Expected(
                    j.get("id").asText(),
                    (title + "\n" + text).getBytes(StandardCharsets.UTF_8),
                    title,
                    place,
                    agency,
                    null));
        }
        return out;
    }

    private static Tally tally(String label, ArticleReaders readers, List<Expected> items) {
        int headline = 0;
        int date = 0;
        int place = 0;
        int agency = 0;
        int all = 0;
        List<String> misses = new ArrayList<>();
        for (Expected e : items) {
            Article a;
            try {
                a = readers.readArticle(e.bytes(), e.id() + ".txt");
            } catch (InvalidInputException ex) {
                misses.add(e.id() + " not read: " + ex.getMessage());
                continue;
            }
            boolean h = same(a.headline(), e.headline());
            LocalDate got = a.published() == null ? null : a.published().day();
            boolean d = Objects.equals(got, e.date());
            boolean p = same(a.dateline() == null ? null : a.dateline().place(), e.place());
            boolean g = same(a.dateline() == null ? null : a.dateline().agency(), e.agency());
            headline += h ? 1 : 0;
            date += d ? 1 : 0;
            place += p ? 1 : 0;
            agency += g ? 1 : 0;
            if (h && d && p && g) {
                all++;
            } else {
                misses.add(e.id()
                        + (h ? "" : " headline=" + a.headline())
                        + (d ? "" : " date=" + got + " (expected " + e.date() + ")")
                        + (p
                                ? ""
                                : " place="
                                        + (a.dateline() == null
                                                ? null
                                                : a.dateline().place()) + " (expected " + e.place() + ")")
                        + (g
                                ? ""
                                : " agency="
                                        + (a.dateline() == null
                                                ? null
                                                : a.dateline().agency()) + " (expected " + e.agency() + ")"));
            }
        }
        return new Tally(label, items.size(), headline, date, place, agency, all, misses);
    }

    /** Equal after collapsing white space and dropping tatweel; null only equals null. */
    private static boolean same(String got, String expected) {
        if (got == null || expected == null) {
            return got == null && expected == null;
        }
        return norm(got).equals(norm(expected));
    }

    private static String norm(String s) {
        return s.replace("\u0640", "").replaceAll("\\s+", " ").strip();
    }
}

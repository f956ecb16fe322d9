package dev.dragoman.core.read;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The line patterns of wire copy, in one place so the reader's rules can be read (and documented) together.
 * Arabic phrases are written folded (bare alef, ya, ha) and compiled tolerant of hamza forms, alef maqsura, ta
 * marbuta, tatweel, diacritics and tanween, so "اقرأ أيضا", "إقرأ أيضاً" and "اقرا ايضا" are one marker.
 */
final class WirePatterns {

    private WirePatterns() {}

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Arabic letters and their marks (not digits, not punctuation). */
    static final String AR_WORD = "[\\p{IsArabic}&&[\\p{L}\\p{M}]]+";
    /** 0-9 in ASCII, Arabic-Indic and Extended Arabic-Indic. */
    static final String DIGIT = "[0-9\u0660-\u0669\u06F0-\u06F9]";
    /** A dash as wire copy types it. */
    static final String DASH = "(?:-{1,3}|[\u2010-\u2015\u2212])";
    /** A clock time with an optional zone: "06:20 ت م", "11:02 ت.م", "1420 GMT" is not matched (no colon). */
    static final String TIME = "(?<time>" + DIGIT + "{1,2}:" + DIGIT + "{2}(?::" + DIGIT + "{2})?"
            + "(?:\\s*(?:ت\\s*\\.?\\s*م|ت\\s*\\.?\\s*غ|بتوقيت\\s+\\S+|gmt|utc|[ap]\\.?\\s?m\\.?))?)";

    /** Turns a folded Arabic (or Latin) phrase into a regex tolerant of Arabic spelling variants. */
    static String tolerant(String phrase) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            switch (c) {
                case 'ا':
                    sb.append("[اأإآٱ]");
                    break;
                case 'ي':
                case 'ى':
                    sb.append("[يىئ]");
                    break;
                case 'ه':
                case 'ة':
                    sb.append("[هة]");
                    break;
                case 'و':
                    sb.append("[وؤ]");
                    break;
                case ' ':
                    // "ا ش ا" also matches dotted initials "أ.ش.أ"
                    sb.append("(?:\\s*\\.\\s*|\\s+)");
                    continue;
                default:
                    if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
                        sb.append('\\');
                    }
                    sb.append(c);
            }
            if (c >= '\u0600' && c <= '\u06FF') {
                sb.append("[\u064B-\u065F\u0670\u0640]*");
            }
        }
        return sb.toString();
    }

    static String alternation(List<String> phrases) {
        StringBuilder sb = new StringBuilder("(?:");
        for (String p : phrases) {
            if (sb.length() > 3) {
                sb.append('|');
            }
            sb.append(tolerant(p));
        }
        return sb.append(')').toString();
    }

    static Pattern compile(String regex) {
        return Pattern.compile(regex, FLAGS);
    }

    private static final String LEAD = "^[\\s\\p{Cf}]*[\\[(«\"“]?\\s*";
    private static final String SEPARATOR = "\\s*(?<sep>[:：]|" + DASH + ")";

    // --- publication date -------------------------------------------------------------------------------------
    static final List<String> PUBLISHED_LABELS = List.of(
            "تاريخ النشر",
            "تاريخ نشر الخبر",
            "تاريخ الخبر",
            "تم النشر في",
            "تم النشر",
            "نشر في",
            "نشر بتاريخ",
            "نشر يوم",
            "تاريخ",
            "نشر",
            "بتاريخ",
            "published on",
            "published at",
            "first published",
            "published",
            "posted on",
            "posted at",
            "posted",
            "date",
            "dated",
            "publication date",
            "publié le",
            "publie le",
            "publié",
            "publie",
            "date de publication",
            "mis en ligne le");
    static final List<String> UPDATED_LABELS = List.of(
            "اخر تحديث",
            "تاريخ التحديث",
            "تم التحديث",
            "تحديث",
            "last updated",
            "updated on",
            "updated",
            "modified",
            "mis à jour le",
            "mis a jour le",
            "mis à jour",
            "mis a jour",
            "modifié le",
            "modifie le",
            "actualisé le");
    /** "Published: X" or "Publié le X": the value is the date as printed. */
    static final Pattern PUBLISHED = compile(LEAD + "(?<label>" + alternation(PUBLISHED_LABELS) + ")(?![\\p{L}])"
            + "(?:" + SEPARATOR + ")?\\s*(?<value>.*?)\\s*[\\])»\"”]?\\s*$");

    static final Pattern UPDATED = compile(LEAD + "(?<label>" + alternation(UPDATED_LABELS) + ")(?![\\p{L}])" + "(?:"
            + SEPARATOR + ")?\\s*(?<value>.*?)\\s*[\\])»\"”]?\\s*$");

    // --- source / attribution ---------------------------------------------------------------------------------
    static final List<String> SOURCE_LABELS =
            List.of("المصدر", "المصادر", "مصدر الخبر", "مصدر", "source", "sources", "source(s)", "fuente", "quelle");
    /** "المصدر: X", "Source : X", "(Source: X)". A colon is required: "Source close to…" is a sentence. */
    static final Pattern SOURCE = compile(
            LEAD + "(?<label>" + alternation(SOURCE_LABELS) + ")\\s*[:：]\\s*" + "(?<value>.*?)\\s*[\\])»\"”]?\\s*$");

    // --- read also --------------------------------------------------------------------------------------------
    static final List<String> READ_ALSO_PHRASES = List.of(
            "اقرا ايضا",
            "ايضا",
            "اقرا كذلك",
            "اقرا المزيد",
            "اقرا ايضا في",
            "اقرا",
            "شاهد ايضا",
            "طالع ايضا",
            "اقرا ايضاً",
            "للمزيد اقرا",
            "مواضيع ذات صله",
            "اخبار ذات صله",
            "مقالات ذات صله",
            "ذات صله",
            "قد يهمك ايضا",
            "قد يهمك",
            "read also",
            "also read",
            "read more",
            "see also",
            "related stories",
            "related articles",
            "related news",
            "related",
            "more on this story",
            "more from",
            "recommended",
            "lire aussi",
            "à lire aussi",
            "a lire aussi",
            "lire également",
            "à lire également",
            "a lire egalement",
            "voir aussi",
            "sur le même sujet",
            "sur le meme sujet");
    /**
     * A "read also" marker, alone on its line ("إقرأ أيضاً:") or followed by the related headline after a separator
     * ("Read more: Egypt and Russia discuss…").
     */
    static final Pattern READ_ALSO =
            compile("^[\\s\\p{Cf}]*(?:[|»>•*▪■◄►]\\s*|" + DASH + "\\s*)?[\\[(]?\\s*" + alternation(READ_ALSO_PHRASES)
                    + "\\s*[\\])]?\\s*(?:(?:[:：|»>…]|\\.{3}|" + DASH + ")+\\s*(?<rest>.*?))?\\s*$");

    /** Words that open a paragraph continuing a story, not a story's lead: "وقال"، "وأضاف"، "كما"، "من جانبه". */
    static final Pattern CONTINUATION_OPENER = compile("^[\\s\\p{Cf}\"“«]*"
            + alternation(List.of(
                    "وقال",
                    "وقالت",
                    "واضاف",
                    "واضافت",
                    "واكد",
                    "واكدت",
                    "واشار",
                    "واشارت",
                    "واوضح",
                    "واوضحت",
                    "وكان",
                    "وكانت",
                    "وفي",
                    "ومن",
                    "وعلي",
                    "وبحسب",
                    "وحسب",
                    "ووفقا",
                    "وتابع",
                    "وتابعت",
                    "وذكر",
                    "وذكرت",
                    "ولفت",
                    "ولفتت",
                    "وشدد",
                    "وشددت",
                    "ونقل",
                    "ونقلت",
                    "وبين",
                    "وبينت",
                    "وياتي",
                    "وتاتي",
                    "وجاء",
                    "وجاءت",
                    "واعلن",
                    "واعلنت",
                    "وتضاربت",
                    "ويذكر",
                    "وتجدر",
                    "ولم",
                    "وقد",
                    "وهو",
                    "وهي",
                    "وافاد",
                    "وافادت",
                    "ودعا",
                    "ودعت",
                    "واعتبر",
                    "واعتبرت",
                    "وراي",
                    "ويري",
                    "وتقول",
                    "ويقول",
                    "وبدوره",
                    "وبدورها",
                    "وبينما",
                    "واظهر",
                    "واظهرت",
                    "وتشير",
                    "ويشير",
                    "واستطرد",
                    "ولكن",
                    "لكن",
                    "الا ان",
                    "كما",
                    "بدوره",
                    "بدورها",
                    "من جانبه",
                    "من جانبها",
                    "من جهته",
                    "من جهتها",
                    "يذكر",
                    "وعلاوه",
                    "فضلا",
                    "واختتم",
                    "وختم",
                    "واردف",
                    "واستدرك"))
            + "(?![\\p{L}\\p{M}])");

    /** True when most letters of {@code text} are Arabic-script letters. */
    static boolean isMostlyArabic(String text) {
        int arabic = 0;
        int letters = 0;
        for (int i = 0; i < text.length() && letters < 400; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F') {
                    arabic++;
                }
            }
        }
        return letters > 0 && arabic * 2 > letters;
    }

    // --- trailer: end / continues markers, transmission time --------------------------------------------------
    /** "// انتهى //", "//انتهى//", "- انتهى -", "(انتهى)", "ENDS", "(END)", "-30-", "###", "FIN". */
    static final Pattern END = compile("^[\\s\\p{Cf}]*(?<marker>/{1,3}\\s*" + alternation(List.of("انتهي", "النهايه"))
            + "\\s*/{1,3}|" + DASH + "?\\s*[(\\[]?\\s*" + alternation(List.of("انتهي", "النهايه")) + "\\s*[)\\]]?\\s*"
            + DASH + "?|[(\\[]?\\s*(?:ends?|fin|end of story|enditem|end item)\\s*[)\\]]?|" + DASH
            + "+\\s*(?:end|fin)\\s*" + DASH + "+|-30-|-0-|#{3})"
            + "\\s*(?:" + TIME + ")?\\s*$");
    /** "// يتبع //" (to be continued), optionally with the transmission time on the same line; "MORE", "à suivre". */
    static final Pattern CONTINUES = compile("^[\\s\\p{Cf}]*(?<marker>/{1,3}\\s*" + tolerant("يتبع") + "\\s*/{1,3}"
            + "|[(\\[]?\\s*" + tolerant("يتبع") + "\\s*[)\\]]?|" + DASH + "*\\s*more\\s*" + DASH + "*|\\(more\\)"
            + "|[àa] suivre)\\s*(?:" + TIME + ")?\\s*$");
    /** A transmission time alone on a line: "06:20 ت م". */
    static final Pattern TIME_LINE = compile("^[\\s\\p{Cf}]*" + TIME + "\\s*$");

    // --- headline parts ---------------------------------------------------------------------------------------
    static final List<String> DESKS = List.of(
            "عام",
            "اقتصادي",
            "سياسي",
            "رياضي",
            "اجتماعي",
            "ثقافي",
            "محلي",
            "دولي",
            "عربي",
            "عسكري",
            "صحي",
            "علمي",
            "تقني",
            "فني",
            "ديني",
            "امني",
            "تعليمي",
            "سياحي",
            "بيئي",
            "اعلامي",
            "تقرير",
            "خاص",
            "عاجل",
            "general",
            "economic",
            "economy",
            "political",
            "politics",
            "sports",
            "sport",
            "local",
            "international",
            "cultural",
            "social",
            "health");
    /** SPA's desk before the headline: "عام / …", "اقتصادي / …". */
    /**
     * SPA's desk before the headline: "عام / …", "اقتصادي / …", or any single Arabic adjective in -ي ("زراعي /"),
     * which is how SPA names its desks.
     */
    static final Pattern DESK = compile("^[\\s\\p{Cf}]*(?<desk>" + alternation(DESKS)
            + "|[\\p{IsArabic}&&\\p{L}]{2,9}ي)" + "\\s*/\\s*(?<rest>\\S.*)$");
    /** A flash line above the headline: "عاجل", "URGENT", "FLASH", "BREAKING". */
    static final Pattern FLASH = compile("^[\\s\\p{Cf}]*[(\\[]?\\s*(?<flash>"
            + alternation(List.of(
                    "عاجل",
                    "عاجل جدا",
                    "خبر عاجل",
                    "urgent",
                    "flash",
                    "breaking",
                    "breaking news",
                    "bulletin",
                    "newsalert",
                    "urgent urgent"))
            + ")\\s*[)\\]]?\\s*[:!.\\-]*\\s*$");
    /** A line without a letter or a digit: rules, separators, ornaments ("=====", "* * *"). */
    static final Pattern NO_TEXT = Pattern.compile("^[^\\p{L}\\p{N}]+$");

    private static final String ORDINALS = alternation(List.of(
            "اولي",
            "ثانيه",
            "ثالثه",
            "رابعه",
            "خامسه",
            "سادسه",
            "سابعه",
            "ثامنه",
            "تاسعه",
            "عاشره",
            "حاديه عشره",
            "ثانيه عشره"));
    private static final String CONTINUATION = "(?<cont>" + tolerant("اضافه") + "\\s+(?:" + ORDINALS + "|" + DIGIT
            + "+)(?:\\s+(?:و\\s*)?" + alternation(List.of("الاخيره", "اخيره")) + ")?)";
    /** A continuation part named at the end of the headline: "… / إضافة أولى", "… / إضافة أولى واخيرة". */
    static final Pattern HEADLINE_CONTINUATION = compile("^(?<headline>.*?\\S)\\s*/\\s*" + CONTINUATION + "\\s*$");
    /** A continuation part named on its own line: "إضافة خامسة وأخيرة". */
    static final Pattern CONTINUATION_LINE = compile("^[\\s\\p{Cf}/]*" + CONTINUATION + "[\\s/]*$");

    // --- other labelled header lines: id, slug, section, keywords, editor ------------------------------------
    /** Header labels kept as metadata, by metadata key. */
    static final java.util.Map<String, List<String>> META_LABELS = java.util.Map.of(
            "storyId", List.of("رقم الخبر", "رقم المادة", "story id", "news id", "article id", "id"),
            "slug", List.of("slug", "keyword slug"),
            "priority", List.of("الاولويه", "priority", "urgency"),
            "section", List.of("القسم", "التصنيف", "الفئه", "section", "category", "categorie", "rubrique"),
            "keywords", List.of("الكلمات المفتاحيه", "كلمات مفتاحيه", "الوسوم", "keywords", "tags", "mots-cles"),
            "editor", List.of("تحرير", "المحرر", "editor", "edited by", "editing"),
            "byline", List.of("written by", "author", "auteur", "الكاتب", "المراسل", "correspondent"));

    static final Pattern META_LABEL;

    static {
        StringBuilder sb = new StringBuilder();
        for (List<String> labels : META_LABELS.values()) {
            for (String label : labels) {
                sb.append(sb.length() == 0 ? "" : "|").append(tolerant(label));
            }
        }
        META_LABEL = compile(LEAD + "(?<label>" + sb + ")\\s*[:：]\\s*(?<value>\\S.{0,150}?)\\s*$");
    }

    /** The metadata key for a matched {@link #META_LABEL} label. */
    static String metaKey(String label) {
        for (java.util.Map.Entry<String, List<String>> e : META_LABELS.entrySet()) {
            for (String l : e.getValue()) {
                if (compile("^" + tolerant(l) + "$").matcher(label.strip()).matches()) {
                    return e.getKey();
                }
            }
        }
        return "label";
    }

    // --- bylines and credits ----------------------------------------------------------------------------------
    static final Pattern BYLINE =
            compile(LEAD + "(?<label>by|par|" + alternation(List.of("بقلم", "كتب", "كتبت", "اعداد", "تقرير"))
                    + ")\\s*[:：]?\\s+(?<value>[^.!?؟:]{2,80})$");
    static final Pattern CREDITS = compile("^[\\s\\p{Cf}]*[(\\[]?\\s*(?:additional\\s+)?(?:reporting|writing|"
            + "editing|compiled|edited|written|translated|production)\\s+by\\b.*$");

    // --- datelines --------------------------------------------------------------------------------------------
    /** Agencies that may follow a place with only a dash or a space ("موسكو-سانا", "الرياض … واس"). */
    static final List<String> ARABIC_AGENCIES = List.of(
            "سانا",
            "واس",
            "قنا",
            "وام",
            "كونا",
            "بنا",
            "ومع",
            "واج",
            "وات",
            "واع",
            "بترا",
            "الاناضول",
            "العمانيه",
            "سبا",
            "وفا",
            "ا ش ا",
            "أ ش أ",
            "ا ف ب",
            "رويترز",
            "شينخوا",
            "سبوتنيك",
            "د ب ا",
            "ارنا",
            "تاس",
            "نوفوستي",
            "يو بي اي",
            "الكويتيه",
            "الاردنيه",
            "سبق",
            "معا",
            "فرانس برس",
            "اسوشيتد برس",
            "قنا",
            "ونا",
            "ام سي ان",
            "الوكالات",
            "وكالات",
            "سي ان ان",
            "الفرنسيه",
            "الالمانيه",
            "يونا",
            "وكالات انباء",
            "سونا",
            "وطنيه");

    static final String AR_AGENCY = alternation(ARABIC_AGENCIES);
    static final List<String> LATIN_AGENCIES = List.of(
            "reuters",
            "afp",
            "ap",
            "xinhua",
            "ians",
            "pti",
            "kuna",
            "wam",
            "spa",
            "qna",
            "bna",
            "ona",
            "tass",
            "ria novosti",
            "ria",
            "dpa",
            "ansa",
            "efe",
            "upi",
            "bloomberg",
            "aps",
            "map",
            "tap",
            "sana",
            "mena",
            "aa",
            "anadolu",
            "petra",
            "irna",
            "yonhap",
            "kyodo",
            "bernama",
            "sputnik",
            "wafa",
            "ina",
            "belga",
            "anp",
            "pap",
            "cna",
            "apa",
            "trend",
            "itar-tass",
            "saba",
            "suna",
            "nna",
            "ani",
            "la presse",
            "cp",
            "aap",
            "cnn",
            "bbc",
            "al jazeera",
            "france 24",
            "rt",
            "dw");
    static final String LATIN_AGENCY = alternation(LATIN_AGENCIES);
    static final String AR_PLACE = "(?<place>" + AR_WORD + "(?:\\s+" + AR_WORD + "){0,3})";
    /** The country in parentheses after a place: "جنيف (سويسرا)", "غزة (فلسطين)"; kept as metadata. */
    static final String AR_COUNTRY = "(?:\\s*\\(\\s*(?<country>" + AR_WORD + "(?:\\s+" + AR_WORD + "){0,2})\\s*\\))?";

    private static final String TAIL = "\\s*(?:" + DASH + "+|[:：])?\\s*(?<rest>.*?)\\s*$";

    /**
     * "القاهرة (أ ش أ)", "باريس (أ ف ب) -", "عمان 25 حزيران (بترا) -", "بكين 25 يونيو 2024 (شينخوا)",
     * "دبي، الإمارات العربية المتحدة (CNN) –" (the region goes to metadata {@code datelineExtra}).
     */
    static final Pattern AR_PAREN = compile("^[\\s\\p{Cf}]*" + AR_PLACE + AR_COUNTRY
            + "(?:\\s*[،,]\\s*(?<region>" + AR_WORD + "(?:\\s+" + AR_WORD + "){0,3})(?=\\s*\\())?"
            + "\\s*(?:[،,]\\s*|" + tolerant("في") + "\\s+|" + DASH + "\\s*)?"
            + "(?<date>" + DIGIT + "[^()]{0,50}?)?\\s*\\(\\s*(?<agency>[^()0-9]{1,30}?)\\s*\\)" + TAIL);
    /**
     * "الدوحة في 25 يونيو /قنا/", "أنقرة/ الأناضول", "أبوظبي في 25 يونيو / وام /", "عمان 25 حزيران /بترا/" (no "في":
     * {@code datesep} is absent), "غزة/ محمد ماجد/ الأناضول" (Anadolu's reporter between place and agency).
     */
    static final Pattern AR_SLASH = compile("^[\\s\\p{Cf}]*" + AR_PLACE + AR_COUNTRY + "\\s*(?:(?<datesep>[،,]\\s*|"
            + tolerant("في")
            + "\\s+)?(?<date>" + DIGIT + "[^/]{0,50}?))?\\s*(?:/\\s*(?<reporter>" + AR_WORD + "(?:\\s+" + AR_WORD
            + "){1,3})\\s*(?=/))?/\\s*(?<agency>" + AR_WORD + "(?:\\s+" + AR_WORD + "){0,2})"
            + "\\s*(?:/" + TAIL + "|$)");
    /** "موسكو-سانا", "الرباط - ومع", "بغداد – واع". */
    static final Pattern AR_DASH = compile("^[\\s\\p{Cf}]*" + AR_PLACE + AR_COUNTRY + "\\s*" + DASH + "\\s*(?<agency>"
            + AR_WORD + "(?:\\s+" + AR_WORD + "){0,2})" + TAIL);
    /** "دير الزور - سانا وصلت…": a dash and a known agency, then the paragraph. */
    static final Pattern AR_DASH_KNOWN = compile("^[\\s\\p{Cf}]*" + AR_PLACE + AR_COUNTRY + "\\s*" + DASH
            + "\\s*(?<agency>" + AR_AGENCY + ")(?![\\p{L}\\p{M}])" + TAIL);
    /** The Saudi Press Agency's "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس": place, date(s), agency. */
    static final Pattern AR_DATE_AGENCY = compile("^[\\s\\p{Cf}]*" + AR_PLACE + AR_COUNTRY + "\\s*[،,]?\\s+(?<date>"
            + DIGIT + ".{3,80}?)\\s*[،,(/-]?\\s*(?<agency>" + AR_AGENCY + ")\\s*[)/]?(?![\\p{L}])" + TAIL);
    /**
     * "سبق- الرياض:": a known agency, a dash, the place and a colon (Saudi online papers); "وطنية - صيدا -" (Lebanon's
     * NNA): the same with a dash, for a place of at most two words.
     */
    static final Pattern AR_AGENCY_PLACE = compile("^[\\s\\p{Cf}]*(?<agency>" + AR_AGENCY + ")\\s*" + DASH + "\\s*"
            + AR_PLACE + "\\s*(?<sep>[:：]|" + DASH + ")\\s*(?<rest>.*?)\\s*$");
    /** "(Reuters) - …", "(رويترز) - …": a known agency in parentheses, no place. */
    static final Pattern AGENCY_ONLY =
            compile("^[\\s\\p{Cf}]*\\(\\s*(?<agency>" + AR_AGENCY + "|" + LATIN_AGENCY + ")\\s*\\)" + TAIL);
    /**
     * SPA's English "Riyadh, Shawwal 25, 1436, Aug 10, 2015, SPA -- …" and SANA's "Damascus, SANA – …", "Damascus,
     * June 25, SANA - …", "Cairo, 25 June, MENA -", "Doha, June 25 /QNA/ -", "Hama, SANA_ …", TASS's "MOSCOW, June 25.
     * /TASS/. …": place, optional date (with or without its year; {@code Datelines} checks it is one), a known agency
     * (bare or between slashes), then a dash, a colon, SANA's underscore or (after slashes only) a full stop; alone on
     * its line the separator may be missing ("Damascus, SANA").
     */
    static final Pattern LATIN_COMMA_AGENCY = compile("^[\\s\\p{Cf}]*(?<place>\\p{Lu}[\\p{L}\\p{M}.'’-]*"
            + "(?:[ /][\\p{L}\\p{M}.'’-]+){0,3}?)\\s*,\\s*(?:(?<date>[^()/]{3,60}?|[^()]{3,60}?\\d{4})\\s*[,.]?\\s*)?"
            + "(?<slash>/\\s*)?(?<agency>" + LATIN_AGENCY + ")(?:\\s*/)?(?![\\p{L}\\p{N}])"
            + "\\s*(?:(?<sep>" + DASH + "+|[:：_.])|(?=\\s*$))\\s*(?<rest>.*?)\\s*$");
    /** Editors' initials or names after a sign-off: "م ح/ع ع", "عبدالناصر منعم/هدى الكبيسي". */
    private static final String INITIALS = "(?:\\s*[\\p{L}\\p{M}. ]{0,30}(?:/[\\p{L}\\p{M}. ]{0,30}){0,4})";
    /**
     * An agency's sign-off at the end of the copy: "--SPA", "- واس", "(KUNA)", "--(بترا) م ح/ع ع", "وام/عبدالناصر
     * منعم/هدى الكبيسي".
     */
    static final Pattern SIGNOFF =
            compile("^[\\s\\p{Cf}]*(?:(?:" + DASH + "+\\s*[(\\[]?|[(\\[])\\s*(?<agency>" + AR_AGENCY
                    + "|" + LATIN_AGENCY + ")\\s*[)\\]]?\\s*" + DASH + "*" + INITIALS + "?"
                    + "|(?<agency2>" + AR_AGENCY + "|" + LATIN_AGENCY + ")\\s*/" + INITIALS + ")\\s*$");
    /** AFP's desk signature at the end of a story: "sst/jm", "lb-fz/kir". */
    static final Pattern SLUG = Pattern.compile("^[\\s\\p{Cf}]*[a-z]{2,4}(?:[-/][a-z]{2,4})+\\s*$");
    /** "CAIRO, June 25 (Reuters) -", "PARIS (AFP) –", "Paris, 25 juin 2024 (AFP) -", "ANKARA, Turkey (AP) —". */
    static final Pattern LATIN_PAREN = Pattern.compile("^[\\s\\p{Cf}]*(?<place>\\p{Lu}[\\p{L}\\p{M}.'’-]*"
            + "(?:[ /][\\p{L}\\p{M}.'’-]+){0,4}?)\\s*(?:,\\s*(?<extra>[^()]{1,40}?))?\\s*\\(\\s*(?<agency>[^()]{1,30}?)"
            + "\\s*\\)" + TAIL);
    /**
     * "RIYADH: Saudi Arabia's …", "DOHA: The …" (Gulf English papers): an upper-case place of one to three words, a
     * colon, and a sentence opening with a capital; labels in capitals ("BREAKING:", "UPDATE:") are told apart by
     * {@code Datelines}.
     */
    static final Pattern LATIN_CAPS_COLON = Pattern.compile("^[\\s\\p{Cf}]*(?<place>\\p{Lu}[\\p{Lu}\\p{M}.'’-]+"
            + "(?: [\\p{Lu}\\p{M}.'’-]+){0,2}):\\s+(?<rest>[\\p{Lu}\\p{N}\"“‘'«].*?)\\s*$");
    /** "WASHINGTON —", "GAZA CITY, June 25 --": an upper-case place and a dash, no agency. */
    static final Pattern LATIN_CAPS_DASH = Pattern.compile("^[\\s\\p{Cf}]*(?<place>\\p{Lu}[\\p{Lu}\\p{M}.'’ /-]{1,40}?"
            + "\\p{Lu})\\s*(?:,\\s*(?<extra>[^—–-]{1,40}?))?\\s*(?:—|–|--)\\s*(?<rest>.*?)\\s*$");
}

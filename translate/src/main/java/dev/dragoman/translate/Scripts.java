package dev.dragoman.translate;

import dev.dragoman.core.Language;
import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Map;

/** Which writing system a text is in, and which one a language is normally written in. Stateless. */
final class Scripts {

    private static final Map<String, UnicodeScript> BY_LANGUAGE = Map.ofEntries(
            Map.entry("ar", UnicodeScript.ARABIC),
            Map.entry("fa", UnicodeScript.ARABIC),
            Map.entry("ur", UnicodeScript.ARABIC),
            Map.entry("ps", UnicodeScript.ARABIC),
            Map.entry("ckb", UnicodeScript.ARABIC),
            Map.entry("sd", UnicodeScript.ARABIC),
            Map.entry("ug", UnicodeScript.ARABIC),
            Map.entry("ru", UnicodeScript.CYRILLIC),
            Map.entry("uk", UnicodeScript.CYRILLIC),
            Map.entry("bg", UnicodeScript.CYRILLIC),
            Map.entry("be", UnicodeScript.CYRILLIC),
            Map.entry("mk", UnicodeScript.CYRILLIC),
            Map.entry("kk", UnicodeScript.CYRILLIC),
            Map.entry("el", UnicodeScript.GREEK),
            Map.entry("he", UnicodeScript.HEBREW),
            Map.entry("yi", UnicodeScript.HEBREW),
            Map.entry("zh", UnicodeScript.HAN),
            Map.entry("ko", UnicodeScript.HANGUL),
            Map.entry("hi", UnicodeScript.DEVANAGARI),
            Map.entry("mr", UnicodeScript.DEVANAGARI),
            Map.entry("ne", UnicodeScript.DEVANAGARI),
            Map.entry("th", UnicodeScript.THAI),
            Map.entry("ka", UnicodeScript.GEORGIAN),
            Map.entry("hy", UnicodeScript.ARMENIAN),
            Map.entry("bn", UnicodeScript.BENGALI),
            Map.entry("ta", UnicodeScript.TAMIL),
            Map.entry("am", UnicodeScript.ETHIOPIC));

    private static final java.util.Set<String> LATIN = java.util.Set.of(
            "en", "fr", "es", "de", "it", "pt", "nl", "sv", "da", "no", "nb", "nn", "pl", "cs", "sk", "sl", "hr", "bs",
            "tr", "ro", "hu", "fi", "et", "lv", "lt", "id", "ms", "vi", "ca", "gl", "eu", "ga", "cy", "is", "sq", "az",
            "uz", "sw", "af", "tl", "mt", "eo", "la", "ha", "so", "yo", "ig", "zu", "xh");

    private Scripts() {}

    /** The script a language is normally written in, or null when unknown or mixed (Japanese, Serbian). */
    static UnicodeScript of(Language language) {
        if (language == null) {
            return null;
        }
        String p = language.primary();
        if (LATIN.contains(p)) {
            return UnicodeScript.LATIN;
        }
        return BY_LANGUAGE.get(p);
    }

    /** The script of most letters in {@code text}, or null when it has none. */
    static UnicodeScript dominant(String text) {
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        text.codePoints().filter(Character::isLetter).forEach(cp -> {
            UnicodeScript s = UnicodeScript.of(cp);
            if (s != UnicodeScript.COMMON && s != UnicodeScript.INHERITED) {
                counts.merge(s, 1, Integer::sum);
            }
        });
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** The share (0–1) of letters of {@code text} that are in {@code script}; 0 when it has no letters. */
    static double share(String text, UnicodeScript script) {
        long[] n = new long[2];
        text.codePoints().filter(Character::isLetter).forEach(cp -> {
            n[0]++;
            if (UnicodeScript.of(cp) == script) {
                n[1]++;
            }
        });
        return n[0] == 0 ? 0 : (double) n[1] / n[0];
    }

    static long letters(String text) {
        return text.codePoints().filter(Character::isLetter).count();
    }

    static boolean isLogographic(UnicodeScript s) {
        return s == UnicodeScript.HAN
                || s == UnicodeScript.HIRAGANA
                || s == UnicodeScript.KATAKANA
                || s == UnicodeScript.HANGUL;
    }
}

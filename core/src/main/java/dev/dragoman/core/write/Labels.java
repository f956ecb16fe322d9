package dev.dragoman.core.write;

import dev.dragoman.core.Language;
import java.util.Map;

/**
 * The words a rendered article prints around its parts ("Source:", "Read also:", the link to the original), in the article's language so a
 * translated article reads naturally. Languages without an entry use English. Immutable.
 */
public record Labels(String source, String readAlso, String summary, String original) {

    private static final Labels ENGLISH = new Labels("Source:", "Read also:", "Summary", "original");
    private static final Map<String, Labels> BY_LANGUAGE = Map.of(
            "ar", new Labels("المصدر:", "إقرأ أيضاً:", "ملخص", "النص الأصلي"),
            "en", ENGLISH,
            "fr", new Labels("Source :", "Lire aussi :", "Résumé", "original"),
            "es", new Labels("Fuente:", "Lea también:", "Resumen", "original"),
            "de", new Labels("Quelle:", "Lesen Sie auch:", "Zusammenfassung", "Original"),
            "ru", new Labels("Источник:", "Читайте также:", "Резюме", "оригинал"),
            "fa", new Labels("منبع:", "بیشتر بخوانید:", "خلاصه", "متن اصلی"),
            "tr", new Labels("Kaynak:", "Ayrıca okuyun:", "Özet", "orijinal"));

    /** The labels for {@code language}; English when it is null or has no entry. */
    public static Labels of(Language language) {
        return language == null ? ENGLISH : BY_LANGUAGE.getOrDefault(language.primary(), ENGLISH);
    }
}

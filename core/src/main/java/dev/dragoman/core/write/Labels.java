package dev.dragoman.core.write;

import dev.dragoman.core.Language;
import java.util.Map;

/**
 * The words a rendered article prints around its parts ("Source:", "Read also:"), in the article's language so a
 * translated article reads naturally. Languages without an entry use English. Immutable.
 */
public record Labels(String source, String readAlso, String summary) {

    private static final Labels ENGLISH = new Labels("Source:", "Read also:", "Summary");
    private static final Map<String, Labels> BY_LANGUAGE = Map.of(
            "ar", new Labels("المصدر:", "إقرأ أيضاً:", "ملخص"),
            "en", ENGLISH,
            "fr", new Labels("Source :", "Lire aussi :", "Résumé"),
            "es", new Labels("Fuente:", "Lea también:", "Resumen"),
            "de", new Labels("Quelle:", "Lesen Sie auch:", "Zusammenfassung"),
            "ru", new Labels("Источник:", "Читайте также:", "Резюме"),
            "fa", new Labels("منبع:", "بیشتر بخوانید:", "خلاصه"),
            "tr", new Labels("Kaynak:", "Ayrıca okuyun:", "Özet"));

    /** The labels for {@code language}; English when it is null or has no entry. */
    public static Labels of(Language language) {
        return language == null ? ENGLISH : BY_LANGUAGE.getOrDefault(language.primary(), ENGLISH);
    }
}

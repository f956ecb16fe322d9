package dev.dragoman.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text for matching and hashing only — never for output. Applies Unicode NFKC, removes Arabic tatweel and
 * diacritics (harakat, superscript alef), folds alef variants (أ إ آ ٱ → ا), alef maqsura (ى → ي), ta marbuta
 * (ة → ه), Arabic-Indic and Persian digits (٢٥ → 25), lower-cases with {@link Locale#ROOT} and collapses white space.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    /** The folded form of {@code text}; null becomes the empty string. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            char folded = fold(c);
            if (folded == 0) {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(folded);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Converts Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits to ASCII; everything else unchanged. */
    public static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(digit(c));
        }
        return out.toString();
    }

    /** True for Arabic combining marks that carry no letter: harakat, tanween, shadda, sukun, superscript alef. */
    public static boolean isArabicDiacritic(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || (c >= '\u06D6' && c <= '\u06ED');
    }

    private static char fold(char c) {
        if (c == '\u0640'
                || isArabicDiacritic(c)
                || c == '\u200C'
                || c == '\u200D'
                || c == '\u200E'
                || c == '\u200F'
                || c == '\uFEFF') {
            return 0; // tatweel, diacritics, joiners and direction marks
        }
        switch (c) {
            case 'أ':
            case 'إ':
            case 'آ':
            case 'ٱ':
                return 'ا';
            case 'ى':
                return 'ي';
            case 'ة':
                return 'ه';
            case 'ؤ':
                return 'و';
            case 'ئ':
                return 'ي';
            default:
                return digit(c);
        }
    }

    private static char digit(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        return c;
    }
}

package dev.dragoman.core.text;

import org.apache.lucene.analysis.ar.ArabicNormalizer;

/**
 * A line folded for pattern matching, with the way back to the original: Arabic letters go through Lucene's
 * {@link ArabicNormalizer} (hamza forms on alef → ا, alef maksura → ي, ta marbuta → ه, tatweel and harakat
 * removed), plus alef wasla → ا, hamza on waw/ya → و/ي and the superscript alef removed; Arabic-Indic and Persian
 * digits become ASCII; a space is inserted where an Arabic letter touches a digit ("الرياض25" → "الرياض 25",
 * "1436هـ" → "1436 ه"); bidi and zero-width marks (RLM, LRM, ALM, ZWJ/ZWNJ, isolates) are dropped. Case and
 * everything else are kept. Matches found in {@link #text()} are mapped back with
 * {@link #original(int, int)}, so what a reader returns keeps the copy's own spelling.
 *
 * <p>Immutable and thread-safe.
 */
public final class FoldedText {

    private static final ArabicNormalizer NORMALIZER = new ArabicNormalizer();

    private final String original;
    private final String text;
    /** For each char of {@link #text}, the index in {@link #original} it came from. */
    private final int[] from;

    private FoldedText(String original, String text, int[] from) {
        this.original = original;
        this.text = text;
        this.from = from;
    }

    /** Folds {@code original} (not null). */
    public static FoldedText of(String original) {
        StringBuilder out = new StringBuilder(original.length() + 8);
        int[] from = new int[original.length() * 2 + 1];
        char[] one = new char[1];
        int prevKind = 0; // 1 Arabic letter, 2 digit
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            char f;
            if (isFormatMark(c)) {
                f = 0;
            } else if (c >= '\u0660' && c <= '\u0669') {
                f = (char) ('0' + (c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                f = (char) ('0' + (c - '\u06F0'));
            } else if (c >= '\u0600' && c <= '\u06FF') {
                f = switch (c) {
                    case 'ٱ' -> 'ا';
                    case 'ؤ' -> 'و';
                    case 'ئ' -> 'ي';
                    case '\u0670', '\u0654', '\u0655' -> 0;
                    default -> {
                        one[0] = c;
                        yield NORMALIZER.normalize(one, 1) == 0 ? 0 : one[0];
                    }
                };
            } else {
                f = c;
            }
            if (f == 0) {
                continue; // tatweel, harakat, bidi marks: gone, and they do not separate a letter from a digit
            }
            int kind = f >= '0' && f <= '9' ? 2 : Character.isLetter(f) && f >= '\u0600' && f <= '\u06FF' ? 1 : 0;
            if (kind != 0 && prevKind != 0 && kind != prevKind) {
                from[out.length()] = i;
                out.append(' ');
            }
            prevKind = kind;
            from[out.length()] = i;
            out.append(f);
        }
        from[out.length()] = original.length();
        int[] exact = java.util.Arrays.copyOf(from, out.length() + 1);
        return new FoldedText(original, out.toString(), exact);
    }

    /** The folded text to match against. */
    public String text() {
        return text;
    }

    /** The text as it was given. */
    public String original() {
        return original;
    }

    /** Index in the original of the folded char at {@code index} ({@code text().length()} maps to the end). */
    public int originalIndex(int index) {
        return from[index];
    }

    /**
     * The original text behind the folded range [start, end): from the first char's origin to just past the last
     * char's origin, including the marks and tatweel that followed it in the original.
     */
    public String original(int start, int end) {
        if (end <= start) {
            return "";
        }
        return original.substring(originalStart(start), originalEnd(end));
    }

    /**
     * Index in the original where the folded range starting at {@code start} begins: the first char's origin, moved
     * back over marks that stand before it with no letter of their own to sit on (at the start of the line or after a
     * space or punctuation), so an orphan mark is kept with the word that follows it rather than lost.
     */
    private int originalStart(int start) {
        int s = from[start];
        int b = s;
        while (b > 0 && Character.getType(original.charAt(b - 1)) == Character.NON_SPACING_MARK) {
            b--;
        }
        return b < s && (b == 0 || !Character.isLetterOrDigit(original.charAt(b - 1))) ? b : s;
    }

    /**
     * Index in the original just past the folded range ending at {@code end} (exclusive, {@code end > 0}): past the
     * last char's origin and the marks and tatweel that followed it.
     */
    public int originalEnd(int end) {
        int e = from[end - 1] + 1;
        while (e < original.length() && isDropped(original.charAt(e))) {
            e++;
        }
        return e;
    }

    /**
     * {@link #original(int, int)} without tatweel (elongation is typography, not spelling) and bidi marks, white space
     * collapsed.
     */
    public String originalWord(int start, int end) {
        return original(start, end)
                .replace("\u0640", "")
                .replaceAll("[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static boolean isDropped(char c) {
        return c == '\u0640'
                || TextNormalizer.isArabicDiacritic(c)
                || c == '\u0654'
                || c == '\u0655'
                || isFormatMark(c);
    }

    /**
     * Bidi and zero-width marks that editors' tools leave inside Arabic copy ("دمشق\u200F-سانا"): RLM/LRM, the
     * Arabic letter mark, zero-width (non-)joiners, embeddings and isolates, BOM. They carry no text.
     */
    private static boolean isFormatMark(char c) {
        return c >= '\u200B' && c <= '\u200F'
                || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069'
                || c == '\u061C'
                || c == '\uFEFF';
    }
}

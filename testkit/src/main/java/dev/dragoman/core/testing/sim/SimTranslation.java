package dev.dragoman.core.testing.sim;

import java.util.Locale;

/**
 * The deterministic "translation" the {@link SimulatedBackend} answers with, so tests can compute the exact
 * expected output: {@code "[EN] "} (the target language in upper case) followed by the source with every
 * non-ASCII letter mapped to a Latin letter, Arabic-Indic digits to ASCII digits, Arabic punctuation to its Latin
 * counterpart and combining marks dropped. The result is in Latin script, differs from its source and keeps its
 * length, so completeness checks (same as source, still in the source script, absurd length ratio) pass.
 */
public final class SimTranslation {

    private SimTranslation() {}

    /** The simulator's translation of {@code source} into {@code targetLanguage} (e.g. "en", "EN-GB"). */
    public static String translate(String source, String targetLanguage) {
        StringBuilder out = new StringBuilder(source.length() + 8);
        out.append('[').append(targetLanguage.toUpperCase(Locale.ROOT)).append("] ");
        source.codePoints().forEach(cp -> {
            if (cp < 128) {
                out.appendCodePoint(cp);
            } else if (Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.ENCLOSING_MARK
                    || Character.getType(cp) == Character.FORMAT) {
                // dropped: harakat, tatweel-like marks, bidi controls
            } else if (Character.isDigit(cp)) {
                out.append((char) ('0' + Character.digit(cp, 10)));
            } else if (Character.isLetter(cp)) {
                out.append((char) ('a' + cp % 26));
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else {
                out.append(
                        switch (cp) {
                            case '\u060C' -> ',';
                            case '\u061B' -> ';';
                            case '\u061F' -> '?';
                            case '\u066A' -> '%';
                            case '\u06D4' -> '.';
                            case '\u00AB', '\u00BB', '\u201C', '\u201D' -> '"';
                            case '\u2013', '\u2014' -> '-';
                            default -> "*";
                        });
            }
        });
        return out.toString();
    }
}

package dev.dragoman.core.text;

import dev.dragoman.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits text into paragraphs, sentences and words, for any script. Rule-based, deterministic, no model.
 *
 * <ul>
 *   <li><b>Paragraphs</b>: every line break is a paragraph boundary (Dragoman's articles carry one paragraph per
 *       line); blank lines are dropped.
 *   <li><b>Sentences</b> end at {@code . ! ?}, the Arabic question mark {@code ؟} and semicolon {@code ؛}, the
 *       ellipsis ({@code …} or {@code ...}), CJK {@code 。！？} and the Devanagari danda {@code ।}, together with
 *       any run of further terminators and closing quotes or brackets ({@code ” » " ’ ) ]}) that follows. A
 *       terminator ends a sentence only when white space (or the end) follows it. A full stop does NOT end a
 *       sentence inside a number ({@code 1.5}), after a known abbreviation of the language ({@code Mr.},
 *       {@code Dr.}, {@code Mme.}, {@code Sr.}, {@code г.}, {@code د.}), after a single-letter initial
 *       ({@code J. K. Rowling}), or after a dotted acronym ({@code U.S.}, {@code EE.UU.}) unless the next word is
 *       a common sentence opener ({@code The}, {@code He}, …). No terminator ends a sentence when the next word
 *       starts with a lower-case letter ({@code “Go!” he said}). A line break always ends a sentence.
 *       A quotation ({@code “…”}, {@code «…»}, {@code „…“}, a pair of straight quotes) closed on the same line is one
 *       unit unless it holds complete sentences: an ellipsis inside it never ends a sentence, another terminator
 *       only with at least three words of the quotation on each side and no lower-case word next; a quotation that
 *       trails off ({@code «…لن نتراجع…» وغادر}) belongs to the sentence that goes on after it. A piece without a
 * letter or digit (a stray {@code .} in {@code سبوتنيك. .}) is never a sentence of its own: it joins the
 * sentence before it on its line (or after it, when it opens the line).
 *   <li><b>Words</b> are maximal runs of letters, digits and combining marks (so Arabic diacritics and tatweel
 *       stay inside the word), joined across an apostrophe or hyphen between letters ({@code don't},
 *       {@code al-Assad}) and across {@code . ,} between digits ({@code 1.5}, {@code 1,000}, {@code ١٬٠٠٠}).
 * </ul>
 *
 * <p>Offsets are UTF-16 indexes into the given string; spans are trimmed of surrounding white space. Stateless and
 * thread-safe; {@code null} text is treated as empty, a {@code null} language as "undetermined" (generic rules).
 */
public final class Segmenter {

    /** A piece of a text: {@code text.substring(start, end)} equals {@link #text()}. */
    public record Span(int start, int end, String text) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }
    }

    private static final Set<String> COMMON_ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "gov",
            "sen", "rep", "rev", "hon", "pres", "supt", "insp", "messrs", "vs", "v", "bros", "dept", "approx", "jan",
            "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "blvd",
            "e.g", "i.e", "cf", "ibid", "ca");
    /** Abbreviations that hold the sentence together only before a number: "No. 10", "Art. 5", "p. 12". */
    private static final Set<String> NUMERIC_PREFIXES =
            Set.of("no", "nos", "nr", "nº", "art", "fig", "vol", "pp", "p", "ch", "núm", "pág", "s", "op");

    private static final Map<String, Set<String>> ABBREVIATIONS = Map.of(
            "en", Set.of(),
            "fr",
                    Set.of(
                            "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "mgr", "av", "bd", "env", "p", "c.-à-d",
                            "ex", "janv", "févr", "avr", "juil", "sept", "déc", "art"),
            "es",
                    Set.of(
                            "sr", "sra", "sres", "srta", "dra", "ud", "uds", "vd", "vds", "da", "dña", "d", "núm",
                            "pág", "p. ej", "aprox", "art", "avda", "excmo", "excma", "ene", "abr", "ago", "dic", "lic",
                            "ing", "arq"),
            "de",
                    Set.of(
                            "hr", "fr", "frl", "bzw", "z.b", "usw", "ggf", "evtl", "d.h", "u.a", "str", "nr", "abs",
                            "bspw", "vgl", "ca", "inkl", "exkl", "zzgl", "s", "mio", "mrd"),
            "ru",
                    Set.of(
                            "г", "гг", "т.е", "т.д", "т.п", "т.к", "др", "см", "ул", "им", "млн", "млрд", "тыс", "руб",
                            "св", "проф", "акад", "доц", "стр", "кв", "д", "обл", "р", "ст", "пр", "т.н", "н.э"),
            "ar", Set.of("د", "أ", "أ.د", "م.م", "ت"),
            "it", Set.of("sig", "sigg", "sig.ra", "dott", "dott.ssa", "ing", "avv", "on", "pag", "ecc"),
            "pt", Set.of("sr", "sra", "srs", "dra", "exmo", "exma", "pág", "av", "etc", "nº"));
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "the",
            "a",
            "an",
            "he",
            "she",
            "it",
            "they",
            "we",
            "i",
            "you",
            "but",
            "and",
            "in",
            "on",
            "at",
            "this",
            "that",
            "these",
            "those",
            "there",
            "his",
            "her",
            "its",
            "their",
            "our",
            "if",
            "when",
            "while",
            "as",
            "after",
            "before",
            "however",
            "meanwhile",
            "officials",
            "le",
            "la",
            "les",
            "il",
            "elle",
            "ils",
            "elles",
            "el",
            "los",
            "las",
            "ella",
            "ellos",
            "der",
            "die",
            "das",
            "er",
            "sie",
            "es",
            "wir",
            "но",
            "он",
            "она",
            "они",
            "это",
            "в");
    private static final Set<String> GERMAN_MONTHS = Set.of(
            "januar",
            "jänner",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember");

    private Segmenter() {}

    /** Non-blank lines of {@code text}, trimmed, in order. */
    public static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (Span s : paragraphSpans(text)) {
            out.add(s.text());
        }
        return out;
    }

    /** Spans of the non-blank lines of {@code text}, trimmed. */
    public static List<Span> paragraphSpans(String text) {
        List<Span> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || isLineBreak(text.charAt(i))) {
                addTrimmed(text, start, i, out);
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * The sentences of {@code text} (see the class comment for the rules), trimmed, in order, as they are shown: stray
     * punctuation separated from a sentence by white space — the second full stop of "سبوتنيك. .", a lone "." opening
     * the next line's text — is left out of the shown text (its span, {@link #sentenceSpans}, still covers it).
     */
    public static List<String> sentences(String text, Language language) {
        List<String> out = new ArrayList<>();
        for (Span s : sentenceSpans(text, language)) {
            out.add(shown(s.text()));
        }
        return out;
    }

    /** A sentence without the stray punctuation around it: ". . وأضاف." → "وأضاف.", "سبوتنيك. ." → "سبوتنيك.". */
    static String shown(String sentence) {
        int s = 0;
        int e = sentence.length();
        // leading: runs of terminators followed by white space, before the words
        int k = s;
        while (k < e) {
            int r = k;
            while (r < e && isTerminator(sentence.charAt(r))) {
                r++;
            }
            if (r == k || r >= e || !isSpace(sentence.charAt(r))) {
                break;
            }
            while (r < e && isSpace(sentence.charAt(r))) {
                r++;
            }
            k = r;
            s = r;
        }
        // trailing: white space and a run of terminators (not a closing quote), after a sentence that already ended
        while (e > s) {
            int r = e;
            while (r > s && isTerminator(sentence.charAt(r - 1))) {
                r--;
            }
            int w = r;
            while (w > s && isSpace(sentence.charAt(w - 1))) {
                w--;
            }
            if (r == e || w == r || w == s) {
                break;
            }
            char before = sentence.charAt(w - 1);
            if (!isTerminator(before) && !isCloser(before)) {
                break;
            }
            e = w;
        }
        return s == 0 && e == sentence.length() ? sentence : sentence.substring(s, e);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The sentence spans of {@code text}; see {@link #sentences}. */
    public static List<Span> sentenceSpans(String text, Language language) {
        List<Span> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Set<String> abbreviations = abbreviationsFor(language);
        boolean german = language != null && "de".equals(language.primary());
        int n = text.length();
        int[] quoteEnd = quotations(text);
        int[] quoteOpen = quoteOpenings(quoteEnd);
        int[] wordStarts = wordStarts(text);
        Sentences found = new Sentences(text, out);
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                found.add(start, i);
                found.endLine(i);
                start = i + 1;
                i++;
                continue;
            }
            if (!isTerminator(c)) {
                i++;
                continue;
            }
            // the run of terminators and closing punctuation
            int end = i + 1;
            while (end < n && (isTerminator(text.charAt(end)) || isCloser(text.charAt(end)))) {
                end++;
            }
            boolean atEnd = end >= n;
            if (!atEnd && !Character.isWhitespace(text.charAt(end)) && !Character.isSpaceChar(text.charAt(end))) {
                i = end; // "1.5", "U.S.A", "www.example.com", "?!" inside a word
                continue;
            }
            if (!atEnd
                    && quoteEnd[i] > end
                    && !quotedSentencesSplit(text, wordStarts, quoteOpen[i], i, end, quoteEnd[i], c)) {
                i = end; // inside a quotation: "…" never ends a sentence, and "." only between complete ones
                continue;
            }
            if (!atEnd && isEllipsis(text, i, c) && closesQuote(text, i, end) && !startsUpperCase(text, end)) {
                i = end; // «سنواصل…» وأضاف: a quotation that trails off is part of the sentence that goes on
                continue;
            }
            if (atEnd || breaksAfter(text, start, i, end, c, abbreviations, german)) {
                found.add(start, end);
                start = end;
            }
            i = end;
        }
        found.add(start, n);
        found.endLine(n);
        return out;
    }

    /**
     * Collects sentence spans of one text. A piece without a letter or a digit — a stray full stop typed twice
     * ("سبوتنيك. ."), a lone "…" or "!" after a closing quote — is never a sentence of its own: it joins the sentence
     * before it on the same line, or the one after it when it opens the line; alone on its line it stays (nothing is
     * dropped).
     */
    private static final class Sentences {
        private final String text;
        private final List<Span> out;
        /** The last sentence of the current line, not yet added: stray punctuation after it may still extend it. */
        private int lastStart = -1;

        private int lastEnd;
        /** Where punctuation opening the current line began, waiting for the line's first sentence; or -1. */
        private int pending = -1;

        Sentences(String text, List<Span> out) {
            this.text = text;
            this.out = out;
        }

        void add(int start, int end) {
            int s = start;
            int e = end;
            while (s < e && isBlank(text.charAt(s))) {
                s++;
            }
            while (e > s && isBlank(text.charAt(e - 1))) {
                e--;
            }
            if (e == s) {
                return;
            }
            if (!hasWordChar(text, s, e)) {
                if (lastStart >= 0) {
                    lastEnd = e;
                } else if (pending < 0) {
                    pending = s;
                }
                return;
            }
            if (pending >= 0) {
                s = pending;
                pending = -1;
            }
            flush();
            lastStart = s;
            lastEnd = e;
        }

        /** The line ends at {@code lineEnd}: a punctuation-only line stays whole. */
        void endLine(int lineEnd) {
            flush();
            if (pending >= 0) {
                addTrimmed(text, pending, lineEnd, out);
                pending = -1;
            }
        }

        private void flush() {
            if (lastStart >= 0) {
                out.add(new Span(lastStart, lastEnd, text.substring(lastStart, lastEnd)));
                lastStart = -1;
            }
        }

        private static boolean isBlank(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
        }
    }

    private static boolean hasWordChar(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLetterOrDigit(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** The words of {@code text} (see the class comment), in order. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (Span s : wordSpans(text)) {
            out.add(s.text());
        }
        return out;
    }

    /** The number of words in {@code text}; the same count as {@code words(text).size()}, without allocating. */
    public static int wordCount(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (isWordChar(text.charAt(i))) {
                count++;
                i = wordEnd(text, i);
            } else {
                i++;
            }
        }
        return count;
    }

    /** Spans of the words of {@code text}. */
    public static List<Span> wordSpans(String text) {
        List<Span> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (isWordChar(text.charAt(i))) {
                int end = wordEnd(text, i);
                out.add(new Span(i, end, text.substring(i, end)));
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int wordEnd(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                i++;
                continue;
            }
            if (i + 1 < n && i > from) {
                char prev = text.charAt(i - 1);
                char next = text.charAt(i + 1);
                boolean letterJoin = (c == '\'' || c == '’' || c == '-' || c == '\u2010')
                        && Character.isLetter(prev)
                        && Character.isLetter(next);
                boolean digitJoin = (c == '.' || c == ',' || c == '٫' || c == '٬')
                        && Character.isDigit(prev)
                        && Character.isDigit(next);
                if (letterJoin || digitJoin) {
                    i += 2;
                    continue;
                }
            }
            break;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * Decides whether the terminator run {@code [at, end)} (followed by white space) ends the sentence begun at
     * {@code start}.
     */
    private static boolean breaksAfter(
            String text, int start, int at, int end, char terminator, Set<String> abbreviations, boolean german) {
        String next = nextWord(text, end);
        if (next.isEmpty()) {
            return true; // only white space / punctuation follows on this line
        }
        int firstCp = next.codePointAt(0);
        if (Character.isLowerCase(firstCp)) {
            return false; // "“Go!” he said", "approx. five", "etc. and"
        }
        if (terminator != '.' || (at + 1 < end && text.charAt(at + 1) == '.')) {
            return true; // ! ? ؟ ؛ … "..." before a capital, a digit or a caseless script
        }
        String token = tokenBefore(text, start, at);
        if (token.isEmpty()) {
            return true;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if (isAllDigits(token)) {
            // German ordinals: "am 25. Juni"
            return !(german && token.length() <= 2 && GERMAN_MONTHS.contains(next.toLowerCase(Locale.ROOT)));
        }
        if (abbreviations.contains(lower)) {
            return false;
        }
        if (NUMERIC_PREFIXES.contains(lower) && Character.isDigit(firstCp)) {
            return false;
        }
        boolean dotted = token.indexOf('.') > 0;
        if (dotted && isDottedAcronym(token)) {
            // "the U.S. President" vs "in the U.S. The talks": break only before a common sentence opener
            return SENTENCE_OPENERS.contains(next.toLowerCase(Locale.ROOT));
        }
        if (token.codePointCount(0, token.length()) == 1
                && Character.isLetter(token.codePointAt(0))
                && Character.isUpperCase(token.codePointAt(0))) {
            return false; // an initial: "J. K. Rowling"
        }
        return true;
    }

    private static boolean isDottedAcronym(String token) {
        // letters separated by single dots: U.S, EE.UU, e.g, т.е
        String[] parts = token.split("\\.", -1);
        if (parts.length < 2) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3) {
                return false;
            }
            for (int k = 0; k < p.length(); k++) {
                if (!Character.isLetter(p.charAt(k))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The non-space token ending right before {@code at}, stripped of opening quotes and brackets. */
    private static String tokenBefore(String text, int start, int at) {
        int b = at;
        while (b > start && !Character.isWhitespace(text.charAt(b - 1)) && !Character.isSpaceChar(text.charAt(b - 1))) {
            b--;
        }
        while (b < at && !Character.isLetterOrDigit(text.charAt(b))) {
            b++;
        }
        return text.substring(b, at);
    }

    /** The word that starts after {@code from}, skipping white space, opening quotes and brackets. */
    private static String nextWord(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n
                && !isLineBreak(text.charAt(i))
                && (Character.isWhitespace(text.charAt(i))
                        || Character.isSpaceChar(text.charAt(i))
                        || isOpener(text.charAt(i))
                        || text.charAt(i) == '-'
                        || text.charAt(i) == '—')) {
            i++;
        }
        if (i >= n || isLineBreak(text.charAt(i))) {
            return "";
        }
        int e = i;
        while (e < n && Character.isLetterOrDigit(text.charAt(e))) {
            e++;
        }
        return e == i ? text.substring(i, i + 1) : text.substring(i, e);
    }

    private static boolean isAllDigits(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static Set<String> abbreviationsFor(Language language) {
        if (language == null) {
            return COMMON_ABBREVIATIONS;
        }
        Set<String> specific = ABBREVIATIONS.get(language.primary());
        if (specific == null || specific.isEmpty()) {
            return COMMON_ABBREVIATIONS;
        }
        java.util.HashSet<String> all = new java.util.HashSet<>(COMMON_ABBREVIATIONS);
        all.addAll(specific);
        return all;
    }

    /** Fewest words on each side of a full stop inside a quotation for the quotation to hold two sentences. */
    private static final int QUOTED_SENTENCE_WORDS = 3;

    /**
     * For each char inside a quotation (“…”, «…», „…“, ‹…›, a pair of straight quotes), the index of the quotation's
     * closing mark; 0 elsewhere. Only quotations that close on the same line count (an unclosed mark is a typo, not a
     * quotation that swallows the paragraph). Linear: each kind's next closing mark is found by one forward scan
     * ({@link #nextClose}).
     */
    private static int[] quotations(String text) {
        int n = text.length();
        int[] closeAt = new int[n];
        char[] closers = {'”', '»', '“', '"', '›'};
        // per kind, the first closing mark or line break at or after the last place looked from (-1: not looked yet)
        int[] found = {-1, -1, -1, -1, -1};
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int kind = c == '“'
                    ? 0
                    : c == '«' ? 1 : c == '„' ? 2 : c == '"' && opensStraight(text, i) ? 3 : c == '‹' ? 4 : -1;
            int close = kind < 0 || i + 1 >= n ? -1 : nextClose(text, closers[kind], i + 1, found, kind);
            if (close < 0) {
                i++;
                continue;
            }
            for (int k = i + 1; k < close; k++) {
                closeAt[k] = close;
            }
            i = close + 1;
        }
        return closeAt;
    }

    /**
     * The next {@code closer} from {@code from} on the same line, or -1. Queries come in increasing {@code from}, so
     * the remembered answer of a kind stays right until {@code from} passes it and each kind scans the text once:
     * linear time, and no per-character table per kind (a 50 MB text would need a gigabyte for them).
     */
    private static int nextClose(String text, char closer, int from, int[] found, int kind) {
        int n = text.length();
        if (found[kind] < from) {
            int j = from;
            while (j < n && text.charAt(j) != closer && !isLineBreak(text.charAt(j))) {
                j++;
            }
            found[kind] = j;
        }
        int j = found[kind];
        return j < n && text.charAt(j) == closer ? j : -1;
    }

    /** For each char inside a quotation, the index just after its opening mark. */
    private static int[] quoteOpenings(int[] closeAt) {
        int[] open = new int[closeAt.length];
        for (int i = 0; i < closeAt.length; i++) {
            if (closeAt[i] != 0) {
                open[i] = i > 0 && closeAt[i - 1] == closeAt[i] ? open[i - 1] : i;
            }
        }
        return open;
    }

    /** A straight double quote opens a quotation at the start, after white space or an opener, before a non-space. */
    private static boolean opensStraight(String text, int i) {
        boolean before = i == 0
                || Character.isWhitespace(text.charAt(i - 1))
                || isOpener(text.charAt(i - 1))
                || text.charAt(i - 1) == ':';
        boolean after = i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
        return before && after;
    }

    /** For each index, the number of words that start before it (a word starts at a letter or digit after none). */
    private static int[] wordStarts(String text) {
        int n = text.length();
        int[] before = new int[n + 1];
        for (int i = 0; i < n; i++) {
            boolean starts = Character.isLetterOrDigit(text.charAt(i))
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && !isWordChar(text.charAt(i - 1)));
            before[i + 1] = before[i] + (starts ? 1 : 0);
        }
        return before;
    }

    /**
     * Inside a quotation a terminator ends a sentence only when the quotation holds complete sentences: not an
     * ellipsis, and at least {@link #QUOTED_SENTENCE_WORDS} words of the quotation on each side, the next one not
     * lower-case. {@code open} is the index just after the opening mark.
     */
    private static boolean quotedSentencesSplit(
            String text, int[] wordStarts, int open, int at, int end, int close, char terminator) {
        if (isEllipsis(text, at, terminator)) {
            return false;
        }
        int before = wordStarts[at] - wordStarts[open];
        int after = wordStarts[close] - wordStarts[end];
        return before >= QUOTED_SENTENCE_WORDS && after >= QUOTED_SENTENCE_WORDS && !startsLowerCase(text, end);
    }

    private static boolean isEllipsis(String text, int at, char terminator) {
        return terminator == '…' || terminator == '.' && at + 1 < text.length() && text.charAt(at + 1) == '.';
    }

    private static boolean closesQuote(String text, int at, int end) {
        for (int k = at; k < end; k++) {
            char c = text.charAt(k);
            if (c == '”' || c == '»' || c == '"' || c == '“' || c == '›') {
                return true;
            }
        }
        return false;
    }

    private static boolean startsUpperCase(String text, int from) {
        String next = nextWord(text, from);
        return !next.isEmpty() && Character.isUpperCase(next.codePointAt(0));
    }

    private static boolean startsLowerCase(String text, int from) {
        String next = nextWord(text, from);
        return !next.isEmpty() && Character.isLowerCase(next.codePointAt(0));
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '؟' || c == '؛' || c == '…' || c == '。' || c == '！' || c == '？'
                || c == '।' || c == '۔' || c == '‼' || c == '⁇' || c == '⁈' || c == '⁉';
    }

    private static boolean isCloser(char c) {
        return c == '”' || c == '»' || c == '"' || c == '’' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '›'
                || c == '」' || c == '』' || c == '）';
    }

    private static boolean isOpener(char c) {
        return c == '“' || c == '«' || c == '"' || c == '‘' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '‹'
                || c == '„' || c == '「' || c == '『' || c == '（';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    private static void addTrimmed(String text, int start, int end, List<Span> out) {
        int s = start;
        int e = end;
        while (s < e
                && (Character.isWhitespace(text.charAt(s))
                        || Character.isSpaceChar(text.charAt(s))
                        || text.charAt(s) == '\uFEFF')) {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || Character.isSpaceChar(text.charAt(e - 1)))) {
            e--;
        }
        if (e > s) {
            out.add(new Span(s, e, text.substring(s, e)));
        }
    }
}

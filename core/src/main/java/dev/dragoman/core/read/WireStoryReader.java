package dev.dragoman.core.read;

import dev.dragoman.core.Article;
import dev.dragoman.core.Dateline;
import dev.dragoman.core.Paragraph;
import dev.dragoman.core.Published;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.read.Datelines.DatelineMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain wire copy into an {@link Article}. The layout rules (documented with examples in docs/DESIGN.md):
 *
 * <ul>
 *   <li>A flash line above it ("عاجل", "URGENT") goes to metadata {@code flash}. The first other non-empty line is
 *       the headline. A desk before a slash ("عام /", "اقتصادي /") goes to metadata
 *       {@code desk}; a continuation part after a slash ("… / إضافة أولى") or on its own line ("إضافة خامسة
 *       وأخيرة") goes to metadata {@code continuation}. A first line that is clearly a paragraph (a dateline
 *       followed by text, or a long sentence) is body, and the headline is empty (never invented).</li>
 *   <li>Header lines after the headline, in any order: a publication line ("تاريخ النشر:", "Published:",
 *       "Publié le", or a short line that is only a date), an update line (metadata {@code updated}), a byline
 *       (metadata {@code byline}), labelled lines such as "رقم الخبر:", "Slug:", "القسم:", "Keywords:" (metadata
 *       {@code storyId}, {@code slug}, {@code section}, {@code keywords}, {@code editor}…; also above the headline)
 *       and a stand-alone dateline ("موسكو-سانا", "القاهرة (أ ش أ)", "PARIS (AFP) -", "الرياض 25 شوال 1436 هـ الموافق 10
 *       اغسطس 2015 م واس").</li>
 *   <li>A dateline may also open the first paragraph ("CAIRO, June 25 (Reuters) - Egypt's…"): it is split off and
 *       the rest of the paragraph stays body. A date inside the dateline becomes {@code published} when no
 *       publication line gave one.</li>
 *   <li>Each remaining non-empty line is a paragraph. Copy that wraps paragraphs over several lines and separates
 *       them with blank lines is detected and its lines are joined.</li>
 *   <li>"المصدر: X" / "Source: X" sets {@code source} (a second one goes to metadata {@code otherSources}).</li>
 *   <li>A "read also" marker (اقرأ أيضا، إقرأ أيضاً، Read also، Read more، Lire aussi …) starts a related story.
 *       After the main story's end (its source line) it is a block: the headline (on the marker line or the next)
 *       and the paragraphs that follow, until the next marker or the end marker; several short headline-only lines
 *       become several related stories. In the middle of the story the marker may be a mere link, and the main
 *       story goes on after its headline: see {@code opensRelatedStory} for how the two are told apart. A marker
 *       whose link text is missing (the next line is the story going on) is kept in {@code unclassified}.</li>
 *   <li>End and continuation markers ("// انتهى //", "// يتبع //", "ENDS", "-30-") and transmission times ("06:20 ت
 *       م") go to metadata ({@code endMarker}, {@code continues}, {@code transmissionTime}), an agency sign-off ("--SPA")
 *       to {@code signoff}; Reuters-style credits
 *       ("Reporting by …") go to metadata {@code credits}. Lines after an end marker that fit nothing go to
 *       {@code unclassified}, as do lines without a letter or digit ("=====", "* * *"). No line is dropped.</li>
 * </ul>
 *
 * <p>Dates are read by {@link DateParser}; nothing is invented (no date for continuation parts, no year guessed,
 * relative words left as printed). Language is not detected here ({@link ArticleReaders} does it).
 *
 * <p>Stateless and thread-safe.
 */
public final class WireStoryReader implements ArticleFormatReader {

    /** Longest line still taken as a headline when it is followed by more copy. */
    private static final int MAX_HEADLINE = 300;
    /** Headline-like lines in a "read also" block are shorter than this and carry no sentence-final punctuation. */
    private static final int MAX_RELATED_HEADLINE = 160;
    /** Lines longer than this are never header, marker or label lines, whatever they start with. */
    private static final int MAX_LABEL_LINE = 200;

    /** What ends a sentence when it is a line's last character (before trailing white space). */
    private static final String SENTENCE_END = ".!?؟…。\"”»’')]:؛";

    /** Creates a reader. */
    public WireStoryReader() {}

    @Override
    public List<Article> read(String text, String name) {
        return List.of(readArticle(text, name));
    }

    /**
     * Reads one wire story.
     *
     * @param text the decoded copy, not null
     * @param name what to call the input in messages, not null
     * @return the article, language not set
     * @throws InvalidInputException when the text holds no readable line
     */
    public Article readArticle(String text, String name) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        List<Line> lines = lines(text);
        if (lines.isEmpty()) {
            throw new InvalidInputException(name + ": the input holds no text lines; there is no article to read");
        }
        return new Parse(lines, wrapped(lines)).run();
    }

    // ------------------------------------------------------------------------------------------------------------

    /** One non-empty line: its text (trimmed), and the blank-line separated block it belongs to. */
    record Line(String text, int block) {}

    /**
     * The non-empty lines, split at CR LF and at each of CR, LF, U+0085, U+2028, U+2029, U+000B and U+000C. A
     * loop, not a regular expression: splitting was a tenth of a warm batch's CPU.
     */
    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int block = 0;
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (!isLineBreak(c)) {
                continue;
            }
            String t = trim(text.substring(start, i));
            if (t.isEmpty()) {
                block++;
            } else {
                lines.add(new Line(t, block));
            }
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                i++;
            }
            start = i + 1;
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\f';
    }

    /** Strips white space, no-break spaces, BOMs and stray direction marks at both ends; the inside is untouched. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isTrimmable(s.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmable(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isTrimmable(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || c == '\uFEFF'
                || c == '\u200B'
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * True when paragraphs are separated by blank lines and wrapped over several lines: enough lines run on into
     * the next line of their block without ending a sentence.
     */
    private static boolean wrapped(List<Line> lines) {
        int runOn = 0;
        int followed = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).block() == lines.get(i + 1).block()) {
                followed++;
                String t = lines.get(i).text();
                if (t.length() >= 30 && !endsSentence(t)) {
                    runOn++;
                }
            }
        }
        int blocks = lines.get(lines.size() - 1).block() - lines.get(0).block() + 1;
        return blocks >= 3 && runOn >= 3 && runOn * 2 >= followed;
    }

    /** Full stops and commas closing a source line ("المصدر: سبوتنيك. .") — not part of the source's name. */
    private static final Pattern SOURCE_END = Pattern.compile("(?<![\\p{L}][.]\\p{L})(?:\\s*[.,،؛;。])+\\s*$");

    /**
     * The source's name as a source line prints it, without the full stops after it: "سبوتنيك. ." and "سبوتنيك" name
     * one source (the digest lists sources by name). A dotted abbreviation keeps its last dot ("A.P.").
     */
    static String sourceName(String value) {
        String name = SOURCE_END.matcher(value).replaceFirst("");
        return name.isEmpty() ? value : name;
    }

    /**
     * True when the text's last character, after trailing white space ({@code \s}: ASCII) and one final line
     * terminator, is one of {@link #SENTENCE_END} — what {@code [.!?…]\s*$} found, without trying the pattern at
     * every position of every line (a fifth of a warm batch's CPU).
     */
    static boolean endsSentence(String text) {
        int end = text.length();
        if (end > 0
                && (text.charAt(end - 1) == '\u0085'
                        || text.charAt(end - 1) == '\u2028'
                        || text.charAt(end - 1) == '\u2029')) {
            end--; // "$" also matches before a final line terminator
        }
        while (end > 0 && isRegexSpace(text.charAt(end - 1))) {
            end--;
        }
        return end > 0 && SENTENCE_END.indexOf(text.charAt(end - 1)) >= 0;
    }

    /** {@code \s} without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    // ------------------------------------------------------------------------------------------------------------

    /** A story being assembled: the main one or a related one. */
    private static final class Story {
        String headline;
        Published published;
        Dateline dateline;
        String source;
        final List<Line> body = new ArrayList<>();
        /** Metadata values in line order; a key seen twice keeps both, joined with " | " when the story is built. */
        final Map<String, List<String>> metaValues = new LinkedHashMap<>();

        final List<String> unclassified = new ArrayList<>();
        boolean datelineChecked;

        void meta(String key, String value) {
            if (value == null || value.isBlank()) {
                return;
            }
            metaValues.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value.strip());
        }

        Map<String, String> metadata() {
            Map<String, String> joined = new LinkedHashMap<>();
            metaValues.forEach((k, v) -> joined.put(k, String.join(" | ", v)));
            return joined;
        }

        Article build(boolean wrapped, List<Article> related) {
            List<Paragraph> paragraphs = new ArrayList<>();
            StringBuilder current = null;
            int currentBlock = -1;
            for (Line line : body) {
                boolean join =
                        wrapped && current != null && line.block() == currentBlock && !endsSentence(current.toString());
                if (join) {
                    current.append(' ').append(line.text());
                } else {
                    if (current != null) {
                        paragraphs.add(new Paragraph(current.toString()));
                    }
                    current = new StringBuilder(line.text());
                }
                currentBlock = line.block();
            }
            if (current != null) {
                paragraphs.add(new Paragraph(current.toString()));
            }
            return Article.builder()
                    .headline(headline == null ? "" : headline) // no headline found: empty, never invented
                    .published(published)
                    .dateline(dateline)
                    .paragraphs(paragraphs)
                    .source(source)
                    .related(related)
                    .unclassified(unclassified)
                    .metadata(metadata())
                    .build();
        }
    }

    private enum State {
        HEADER,
        BODY,
        RELATED,
        TRAILER
    }

    /** One parse: a small state machine over the lines. */
    private static final class Parse {
        private final List<Line> lines;
        private final boolean wrapped;
        private final Story main = new Story();
        private final List<Story> related = new ArrayList<>();
        private State state = State.HEADER;
        private boolean headlineSeen;
        private boolean mainEnded;
        /** A line already taken (a related headline read ahead by a "read also" marker). */
        private int skipLine = -1;
        /** A label seen alone on its line ("المصدر:"), waiting for its value on the next line. */
        private String pendingLabel;

        Parse(List<Line> lines, boolean wrapped) {
            this.lines = lines;
            this.wrapped = wrapped;
        }

        Article run() {
            for (int i = 0; i < lines.size(); i++) {
                if (i != skipLine) {
                    accept(lines.get(i), i);
                }
            }
            List<Article> relatedArticles = new ArrayList<>();
            for (Story story : related) {
                relatedArticles.addAll(finishRelated(story));
            }
            return main.build(wrapped, relatedArticles);
        }

        private Story current() {
            return state == State.RELATED && !related.isEmpty() ? related.get(related.size() - 1) : main;
        }

        private void accept(Line line, int index) {
            String text = line.text();
            boolean labelSized = text.length() <= MAX_LABEL_LINE;

            if (pendingLabel != null) {
                String label = pendingLabel;
                pendingLabel = null;
                if (labelSized && applyLabelValue(label, text)) {
                    return;
                }
            }

            if (labelSized && trailer(text)) {
                return;
            }
            if (state == State.TRAILER || WirePatterns.NO_TEXT.matcher(text).matches()) {
                // after the end marker, and rules or ornaments anywhere: kept, but not as text
                (state == State.TRAILER ? current() : main).unclassified.add(text);
                return;
            }
            if (!headlineSeen) {
                Matcher flash = WirePatterns.FLASH.matcher(text);
                if (labelSized && flash.matches() && index + 1 < lines.size()) {
                    main.meta("flash", flash.group("flash"));
                    return;
                }
                if (labelSized && headerLine(text)) {
                    return;
                }
                headline(line);
                return;
            }
            if (state == State.HEADER) {
                if (labelSized && headerLine(text)) {
                    return;
                }
                state = State.BODY;
            }
            if (labelSized && readAlso(line, index)) {
                return;
            }
            if (labelSized && attribution(text)) {
                return;
            }
            Story story = current();
            if (!story.datelineChecked && story.body.isEmpty()) {
                story.datelineChecked = true;
                // a story whose dateline line was already read keeps its first paragraph whole: a second,
                // inline "dateline" there is body text ("… (AFP) …"), and stripping it would lose words
                if ((story.headline != null || story == main) && story.dateline == null) {
                    DatelineMatch inline = Datelines.match(text, false);
                    if (inline != null) {
                        applyDateline(story, inline);
                        story.body.add(new Line(inline.rest(), line.block()));
                        return;
                    }
                }
            }
            if (state == State.RELATED && story.headline == null) {
                story.headline = text;
                return;
            }
            story.body.add(line);
        }

        // --- the first line ---------------------------------------------------------------------------------

        private void headline(Line line) {
            headlineSeen = true;
            String text = line.text();
            DatelineMatch inline = Datelines.match(text, false);
            if (inline != null && inline.rest().length() > 60) {
                // no headline: the copy opens with its dateline and first paragraph
                applyDateline(main, inline);
                main.datelineChecked = true;
                main.body.add(new Line(inline.rest(), line.block()));
                state = State.BODY;
                return;
            }
            if (text.length() > MAX_HEADLINE && lines.size() > 1) {
                main.body.add(line);
                state = State.BODY;
                return;
            }
            Matcher desk = WirePatterns.DESK.matcher(text);
            if (desk.matches()) {
                main.meta("desk", desk.group("desk"));
                text = desk.group("rest");
            }
            Matcher cont = WirePatterns.HEADLINE_CONTINUATION.matcher(text);
            if (cont.matches()) {
                main.meta("continuation", cont.group("cont"));
                text = cont.group("headline");
            }
            main.headline = trim(text);
        }

        // --- header lines -----------------------------------------------------------------------------------

        /** Publication, update, byline, continuation and stand-alone dateline lines. */
        private boolean headerLine(String text) {
            if (published(text)) {
                return true;
            }
            Matcher label = WirePatterns.META_LABEL.matcher(text);
            if (label.matches()) {
                main.meta(WirePatterns.metaKey(label.group("label")), label.group("value"));
                return true;
            }
            Matcher cont = WirePatterns.CONTINUATION_LINE.matcher(text);
            if (headlineSeen && cont.matches()) {
                main.meta("continuation", cont.group("cont"));
                return true;
            }
            Matcher byline = WirePatterns.BYLINE.matcher(text);
            if (headlineSeen && byline.matches()) {
                main.meta("byline", text);
                return true;
            }
            if (headlineSeen && main.dateline == null) {
                DatelineMatch standalone = Datelines.match(text, true);
                if (standalone == null) {
                    standalone = Datelines.placeAndDate(text);
                }
                if (standalone != null) {
                    applyDateline(main, standalone);
                    main.datelineChecked = false;
                    return true;
                }
            }
            if (headlineSeen && main.published == null && isBareDate(text)) {
                // a date alone under the headline ("Tuesday, 25 June 2024", "٢٥ حزيران ٢٠٢٤ - 10:30")
                main.published = DateParser.parse(text);
                return true;
            }
            return false;
        }

        /** A short header line that is a date and little else: at most 45 characters and 7 words. */
        private static boolean isBareDate(String text) {
            return text.length() <= 45
                    && text.split("\\s+").length <= 7
                    && !endsSentence(text)
                    && DateParser.containsDate(text);
        }

        /** "Published: …", "تاريخ النشر: …", "Updated: …"; also used in the body and related stories. */
        private boolean published(String text) {
            Matcher m = WirePatterns.PUBLISHED.matcher(text);
            if (m.matches() && labelValueOk(m)) {
                Story story = current();
                String value = m.group("value");
                if (value.isEmpty()) {
                    pendingLabel = "published";
                    return true;
                }
                if (story.published == null) {
                    story.published = DateParser.parse(value);
                } else if (story.published.date() == null
                        && story.published.instant() == null
                        && DateParser.containsDate(value)) {
                    // a dated line beats an undated one (a dateline's "June 25"); the undated text is kept
                    story.meta("otherDates", story.published.raw());
                    story.published = DateParser.parse(value);
                } else {
                    story.meta("otherDates", text);
                }
                return true;
            }
            Matcher u = WirePatterns.UPDATED.matcher(text);
            if (u.matches() && labelValueOk(u)) {
                if (u.group("value").isEmpty()) {
                    pendingLabel = "updated";
                } else {
                    current().meta("updated", u.group("value"));
                }
                return true;
            }
            return false;
        }

        /**
         * A label counts when followed by a separator, or when what follows is a short date ("Publié le 25 juin
         * 2024"); "نشر الجيش بيانا" is a sentence, not a label.
         */
        private static boolean labelValueOk(Matcher m) {
            String value = m.group("value");
            if (m.group("sep") != null) {
                return true;
            }
            if (value.isEmpty()) {
                return false;
            }
            return value.length() <= 60 && DateParser.containsDate(value);
        }

        private boolean applyLabelValue(String label, String value) {
            switch (label) {
                case "published":
                    if (!DateParser.containsDate(value) && value.length() > 60) {
                        return false;
                    }
                    if (current().published == null) {
                        current().published = DateParser.parse(value);
                    } else {
                        current().meta("otherDates", value);
                    }
                    return true;
                case "updated":
                    current().meta("updated", value);
                    return true;
                case "source":
                    setSource(current(), value);
                    return true;
                default:
                    return false;
            }
        }

        private void applyDateline(Story story, DatelineMatch m) {
            story.dateline = Dateline.of(m.place(), m.agency());
            if (m.date() != null) {
                if (story.published == null) {
                    story.published = DateParser.parse(m.date());
                } else {
                    story.meta("datelineDate", m.date());
                }
            }
            if (m.extra() != null) {
                story.meta("datelineExtra", m.extra());
            }
        }

        // --- body markers -----------------------------------------------------------------------------------

        private boolean attribution(String text) {
            if (published(text)) {
                return true;
            }
            Matcher source = WirePatterns.SOURCE.matcher(text);
            if (source.matches()) {
                String value = trim(source.group("value"));
                if (value.isEmpty()) {
                    pendingLabel = "source";
                } else {
                    setSource(current(), value);
                }
                if (current() == main && !main.body.isEmpty()) {
                    mainEnded = true;
                }
                return true;
            }
            if (WirePatterns.CREDITS.matcher(text).matches()) {
                current().meta("credits", text);
                return true;
            }
            Matcher label = WirePatterns.META_LABEL.matcher(text);
            if (label.matches()) {
                current().meta(WirePatterns.metaKey(label.group("label")), label.group("value"));
                return true;
            }
            return false;
        }

        private static void setSource(Story story, String value) {
            value = sourceName(value);
            if (story.source == null) {
                story.source = value;
            } else {
                story.meta("otherSources", value);
            }
        }

        private boolean readAlso(Line line, int index) {
            Matcher m = WirePatterns.READ_ALSO.matcher(line.text());
            if (!m.matches()) {
                return false;
            }
            String rest = m.group("rest") == null ? "" : trim(m.group("rest"));
            Story story = new Story();
            story.meta(
                    "marker",
                    line.text()
                            .substring(0, line.text().length() - rest.length())
                            .strip());
            boolean ended = mainEnded || state == State.RELATED;
            if (!rest.isEmpty()) {
                // "Read more: <headline>": a block after the main story's end, or when what follows reads as the
                // related story's own opening; otherwise a link, and the main story goes on after it
                related.add(story);
                story.headline = rest;
                boolean block = ended
                        || index + 1 < lines.size()
                                && opensRelatedStory(lines.get(index + 1).text(), true);
                state = block ? State.RELATED : State.BODY;
                return true;
            }
            if (ended || index + 1 >= lines.size()) {
                related.add(story);
                state = State.RELATED;
                return true;
            }
            String next = lines.get(index + 1).text();
            if (!isHeadlineLike(next) || WirePatterns.READ_ALSO.matcher(next).matches()) {
                // a marker whose link text was lost (the next line is the story going on): keep it, unclassified
                main.unclassified.add(line.text());
                return true;
            }
            related.add(story);
            if (index + 2 >= lines.size()
                    || opensRelatedStory(lines.get(index + 2).text(), false)) {
                state = State.RELATED;
            } else {
                story.headline = next;
                skipLine = index + 1;
                state = State.BODY;
            }
            return true;
        }

        /**
         * Whether {@code first}, the line after a related headline, opens that story (block) rather than continuing
         * the main one (link): a dateline or dated publication line opens one; an Arabic line opening with a
         * continuation word ("وقال", "وأضاف", "كما", "من جانبه" …) continues the main story, any other Arabic line
         * opens the related one; other languages give no such signal: a headline on the marker line is a link, a
         * headline on its own line opens a block.
         */
        private boolean opensRelatedStory(String first, boolean inline) {
            if (Datelines.match(first, false) != null
                    || Datelines.match(first, true) != null
                    || WirePatterns.PUBLISHED.matcher(first).matches() && DateParser.containsDate(first)) {
                return true;
            }
            if (WirePatterns.isMostlyArabic(first)) {
                return !WirePatterns.CONTINUATION_OPENER.matcher(first).lookingAt();
            }
            return !inline;
        }

        // --- trailer ----------------------------------------------------------------------------------------

        private boolean trailer(String text) {
            Matcher end = WirePatterns.END.matcher(text);
            if (end.matches()) {
                main.meta("endMarker", end.group("marker"));
                main.meta("transmissionTime", end.group("time"));
                state = State.TRAILER;
                mainEnded = true;
                return true;
            }
            Matcher cont = WirePatterns.CONTINUES.matcher(text);
            if (cont.matches() && headlineSeen) {
                main.meta("continues", cont.group("marker"));
                main.meta("transmissionTime", cont.group("time"));
                state = State.TRAILER;
                return true;
            }
            Matcher signoff = WirePatterns.SIGNOFF.matcher(text);
            if (headlineSeen
                    && state != State.HEADER
                    && text.length() <= 90
                    && (signoff.matches() || WirePatterns.SLUG.matcher(text).matches())) {
                main.meta("signoff", text);
                return true;
            }
            Matcher time = WirePatterns.TIME_LINE.matcher(text);
            if (time.matches() && headlineSeen) {
                main.meta("transmissionTime", time.group("time"));
                return true;
            }
            return false;
        }

        // --- related stories --------------------------------------------------------------------------------

        /** A block whose lines are all short headlines is a list of related stories, not one story. */
        private List<Article> finishRelated(Story story) {
            List<Article> out = new ArrayList<>();
            if (story.headline == null && story.body.isEmpty()) {
                // a marker with no story after it: keep what it held, never drop a line
                main.unclassified.addAll(story.metadata().values());
                if (story.published != null) {
                    main.unclassified.add(story.published.raw());
                }
                if (story.source != null) {
                    main.unclassified.add(story.source);
                }
                main.unclassified.addAll(story.unclassified);
                return out;
            }
            boolean list = story.body.size() >= 1
                    && story.published == null
                    && story.dateline == null
                    && story.source == null
                    && story.unclassified.isEmpty()
                    && story.metaValues.size() == 1
                    && isHeadlineLike(story.headline)
                    && story.body.stream().allMatch(l -> isHeadlineLike(l.text()));
            if (list) {
                Map<String, String> meta = story.metadata();
                out.add(Article.builder()
                        .headline(story.headline)
                        .metadata(meta)
                        .build());
                for (Line l : story.body) {
                    out.add(Article.builder().headline(l.text()).metadata(meta).build());
                }
                return out;
            }
            out.add(story.build(wrapped, List.of()));
            return out;
        }

        private static boolean isHeadlineLike(String text) {
            return text != null
                    && text.length() <= MAX_RELATED_HEADLINE
                    && !endsSentence(text)
                    && !text.toLowerCase(Locale.ROOT).endsWith(".");
        }
    }
}

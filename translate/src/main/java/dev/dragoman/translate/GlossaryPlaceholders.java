package dev.dragoman.translate;

import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TermMatcher;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions.TextFormat;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import dev.dragoman.core.write.HtmlArticleWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Applies a glossary for machine-translation engines that have no glossary of their own: every glossary term in a
 * segment ({@link TermMatcher}) is replaced by a placeholder the engine leaves alone, and after translation each
 * placeholder is replaced by the entry's target term (a do-not-translate term by itself). Two shapes, chosen by the
 * backend for what its engine keeps:
 *
 * <ul>
 *   <li>{@link #HTML} (Google, Azure: both documented to leave {@code translate="no"} and class {@code notranslate}
 *       alone in HTML mode): the target term inside {@code <span translate="no" class="notranslate" id="dgN">}; a
 *       plain-text request is sent as HTML for it (text escaped, line breaks as {@code <br>}) and turned back into
 *       text afterwards (entities such as {@code &#39;} decoded). The engine sees the target term in its sentence.
 *   <li>{@link #TOKENS} (LibreTranslate, Apertium: LibreTranslate's HTML mode translates each text node apart, which
 *       cuts the sentence at the span, and Apertium translates inside any element): an opaque {@code {N}}, which
 *       Apertium's rule-based engine and neural engines copy through. Spaces or Arabic-Indic digits the engine puts
 *       inside are tolerated on the way back.
 * </ul>
 *
 * A placeholder the engine loses cannot be restored; the glossary check that runs after every translation then flags
 * the term ({@link GlossaryCheck}). A request without glossary terms goes out unchanged. Immutable and thread-safe.
 */
public final class GlossaryPlaceholders {

    /** Placeholders in {@code translate="no"} spans, the request sent as HTML. */
    public static final GlossaryPlaceholders HTML = new GlossaryPlaceholders(true);
    /** Opaque {@code {N}} tokens, the request's format kept. */
    public static final GlossaryPlaceholders TOKENS = new GlossaryPlaceholders(false);

    private static final Pattern SPAN = Pattern.compile(
            "<span\\b[^>]*?\\bid\\s*=\\s*[\"']?dg(\\d+)[\"']?[^>]*>.*?</span\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("\\{\\s*(\\p{Nd}{1,6})\\s*}");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern BR = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);

    private final boolean html;

    private GlossaryPlaceholders(boolean html) {
        this.html = html;
    }

    /**
     * Translates {@code request} through {@code send} (the backend's own HTTP exchange) with the glossary's terms
     * behind placeholders, and restores them in the answer.
     */
    public TranslationResult translate(TranslationRequest request, Translator send) {
        Glossary glossary = request.options().glossary();
        if (glossary == null || glossary.isEmpty()) {
            return send.translate(request);
        }
        List<Glossary.Entry> entries = glossary.entriesFor(request.source(), request.target());
        boolean htmlIn = request.options().format() == TextFormat.HTML;
        List<Protected> protectedSegments = new ArrayList<>();
        boolean any = false;
        for (String segment : request.segments()) {
            Protected p = protect(segment, entries, htmlIn);
            any |= !p.targets.isEmpty();
            protectedSegments.add(p);
        }
        if (!any) {
            return send.translate(request);
        }
        boolean toHtml = html && !htmlIn;
        TranslationRequest sent = new TranslationRequest(
                protectedSegments.stream().map(p -> p.text).toList(),
                request.source(),
                request.target(),
                toHtml ? request.options().withFormat(TextFormat.HTML) : request.options());
        TranslationResult answer = send.translate(sent);
        List<TranslatedSegment> restored = new ArrayList<>(answer.segments().size());
        for (int i = 0; i < answer.segments().size(); i++) {
            TranslatedSegment t = answer.segments().get(i);
            Protected p = i < protectedSegments.size() ? protectedSegments.get(i) : Protected.NONE;
            String text = restore(t.text(), p, htmlIn || toHtml);
            if (toHtml) {
                text = Parser.unescapeEntities(BR.matcher(text).replaceAll("\n"), false);
            }
            restored.add(new TranslatedSegment(text, t.fromCache(), t.warnings()));
        }
        return new TranslationResult(
                restored, answer.detectedSource(), answer.backend(), answer.model(), answer.usage());
    }

    /** A segment with its terms behind placeholders, and each placeholder's number → the term to put back. */
    record Protected(String text, Map<Integer, String> targets) {
        static final Protected NONE = new Protected("", Map.of());
    }

    /**
     * {@code segment} with every glossary term behind a placeholder. {@code htmlIn}: the segment is HTML already, so
     * only text outside tags is touched and nothing is escaped; otherwise, in {@link #HTML} shape, the text is
     * escaped.
     */
    Protected protect(String segment, List<Glossary.Entry> entries, boolean htmlIn) {
        List<TermMatcher.Hit> hits = TermMatcher.find(segment, entries);
        if (htmlIn) {
            hits = outsideTags(segment, hits);
        }
        boolean escape = html && !htmlIn;
        if (hits.isEmpty()) {
            return new Protected(escape ? toHtml(segment) : segment, Map.of());
        }
        Set<Integer> taken = html ? Set.of() : numbersIn(segment);
        Map<Integer, String> targets = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder(segment.length() + 48 * hits.size());
        int at = 0;
        int n = 0;
        for (TermMatcher.Hit hit : hits) {
            String before = segment.substring(at, hit.start());
            out.append(escape ? toHtml(before) : before);
            if (hit.start() > 0 && Character.isLetter(segment.charAt(hit.start() - 1))) {
                out.append(' '); // an Arabic proclitic ("و" in "وسانا") becomes a word of its own
            }
            do {
                n++;
            } while (taken.contains(n));
            targets.put(n, hit.entry().target());
            out.append(
                    html
                            ? "<span translate=\"no\" class=\"notranslate\" id=\"dg" + n + "\">"
                                    + HtmlArticleWriter.escape(hit.entry().target()) + "</span>"
                            : "{" + n + "}");
            at = hit.end();
        }
        String rest = segment.substring(at);
        out.append(escape ? toHtml(rest) : rest);
        return new Protected(out.toString(), Map.copyOf(targets));
    }

    /** The answer with every placeholder of {@code p} replaced by its term (escaped when the answer is HTML). */
    String restore(String answer, Protected p, boolean htmlOut) {
        if (p.targets.isEmpty()) {
            return answer;
        }
        Matcher m = (html ? SPAN : TOKEN).matcher(answer);
        StringBuilder out = new StringBuilder(answer.length());
        while (m.find()) {
            String term = p.targets.get(number(m.group(1)));
            String replacement = term == null ? m.group() : htmlOut ? HtmlArticleWriter.escape(term) : term;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The hits that do not fall inside a tag of an HTML segment. */
    private static List<TermMatcher.Hit> outsideTags(String segment, List<TermMatcher.Hit> hits) {
        List<int[]> tags = new ArrayList<>();
        Matcher m = TAG.matcher(segment);
        while (m.find()) {
            tags.add(new int[] {m.start(), m.end()});
        }
        return hits.stream()
                .filter(h -> tags.stream().noneMatch(t -> h.start() < t[1] && h.end() > t[0]))
                .toList();
    }

    /** Numbers already written as tokens in the source, so a placeholder never takes one of them. */
    private static Set<Integer> numbersIn(String segment) {
        Set<Integer> numbers = new HashSet<>();
        Matcher m = TOKEN.matcher(segment);
        while (m.find()) {
            numbers.add(number(m.group(1)));
        }
        return numbers;
    }

    /** The value of a run of decimal digits of any script ("١٢" = 12). */
    private static int number(String digits) {
        int n = 0;
        for (int i = 0; i < digits.length(); i++) {
            n = n * 10 + Character.digit(digits.charAt(i), 10);
        }
        return n;
    }

    private static String toHtml(String text) {
        return HtmlArticleWriter.escape(text).replace("\r\n", "<br>").replace("\n", "<br>");
    }

    @Override
    public String toString() {
        return html ? "GlossaryPlaceholders.HTML" : "GlossaryPlaceholders.TOKENS";
    }
}
